import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gateCheck } from "./rules";

const PASS_SELECT = {
  id: true,
  number: true,
  siteId: true,
  state: true,
  direction: true,
  carrierName: true,
  carrierIdLast4: true,
  windowStart: true,
  windowEnd: true,
  notes: true,
  authorization: true,
  sealPhotoFileId: true,
  signatureFileId: true,
  approvedById: true,
  approvedAt: true,
  rejectedReason: true,
  releasedById: true,
  releasedAt: true,
  createdAt: true,
  site: { select: { code: true, name: true, timeZone: true } },
  tenant: { select: { name: true } },
  unit: { select: { code: true, building: true, floor: true } },
  route: { select: { name: true } },
  signatory: { select: { name: true } },
  items: { select: { position: true, name: true, quantity: true, unit: true }, orderBy: { position: "asc" } },
} satisfies Prisma.GoodsPassSelect;

type PassRow = Prisma.GoodsPassGetPayload<{ select: typeof PASS_SELECT }>;

/** The record as the gate and the paper show it: local times of the site, names instead of ids. */
async function present(row: PassRow, now: Date) {
  const staffIds = [row.approvedById, row.releasedById].filter((v): v is string => !!v);
  const staff = staffIds.length ? await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [];
  const nameOf = (userId: string | null) => staff.find((u) => u.id === userId)?.name ?? null;
  const local = (at: Date | null) => (at ? formatInZone(at, row.site.timeZone) : null);
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    check: gateCheck(row, now),
    direction: row.direction,
    site: { code: row.site.code, name: row.site.name },
    tenant: row.tenant.name,
    unit: row.unit.code,
    route: row.route.name,
    carrier: { name: row.carrierName, idLast4: row.carrierIdLast4 },
    notes: row.notes,
    authorization: row.authorization,
    sealed: row.authorization === "SEAL" && !!row.sealPhotoFileId,
    signatory: row.authorization === "SIGNATORY" ? { name: row.signatory?.name ?? "", signatureFileId: row.signatureFileId } : null,
    window: { start: local(row.windowStart)!, end: local(row.windowEnd)! },
    items: row.items.map((i) => ({ position: i.position, name: i.name, quantity: i.quantity.toString(), unit: i.unit })),
    approved: row.approvedAt ? { by: nameOf(row.approvedById), at: local(row.approvedAt)! } : null,
    rejectedReason: row.rejectedReason,
    released: row.releasedAt ? { by: nameOf(row.releasedById), at: local(row.releasedAt)! } : null,
    createdAt: local(row.createdAt)!,
  };
}

export type PassView = Awaited<ReturnType<typeof present>>;

async function findPass(actor: Actor, where: Prisma.GoodsPassWhereInput) {
  return db.goodsPass.findFirst({ where: { AND: [where, { siteId: { in: actor.siteIds } }] }, select: PASS_SELECT });
}

/**
 * The gate's look-up (R-GP-7) by the scanned or typed number (case and spaces ignored), the pass id,
 * or the date and sequence alone ("20261127-003") when that is unique among the user's sites.
 * Another site's pass is not found (null).
 */
export async function lookupPass(numberOrId: string): Promise<PassView | null> {
  const actor = await requirePermission("goodspass:release");
  const raw = numberOrId.trim().slice(0, 100);
  if (!raw) return null;
  const number = raw.toUpperCase().replace(/\s+/g, "");
  let row = await findPass(actor, { OR: [{ number }, { id: raw }] });
  const short = /^(\d{8})-?(\d{3,})$/.exec(number);
  if (!row && short) {
    const candidates = await db.goodsPass.findMany({
      where: { siteId: { in: actor.siteIds }, number: { endsWith: `-${short[1]}-${short[2]}` } },
      select: { id: true },
      take: 2,
    });
    if (candidates.length === 1) row = await findPass(actor, { id: candidates[0].id });
  }
  return row ? present(row, new Date()) : null;
}

/** One pass for the printed 《携物出入门证》, whatever its state (the page marks unstamped ones). */
export async function getPassSheet(passId: string): Promise<PassView | null> {
  const actor = await requirePermission("goodspass:read");
  const row = await findPass(actor, { id: passId });
  return row ? present(row, new Date()) : null;
}
