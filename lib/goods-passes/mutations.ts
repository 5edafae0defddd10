import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { activeOn } from "@/lib/signatories/queries";
import { ROUTE_HOLDING_STATES, formatWindow, proposeWindows } from "./queries";
import { checkWindow, earliestOpenStart, hazardTermIn, withinOpeningHours } from "./rules";
import { CreateGoodsPassSchema, type CreateGoodsPassValues } from "./schema";

/** R-GP-4: goods coming in may not be flagged hazardous nor named like a term of the maintained list. */
async function assertNoHazard(items: CreateGoodsPassValues["items"]) {
  const terms = (await db.hazardTerm.findMany({ select: { term: true } })).map((h) => h.term);
  items.forEach((item, index) => {
    if (item.hazardous)
      throw new DomainError("invalid", "goodsPasses.errors.hazardFlagged", `items.${index}.hazardous`, { item: item.name, n: index + 1 });
    const term = hazardTermIn(item.name, terms);
    if (term)
      throw new DomainError("invalid", "goodsPasses.errors.hazardTerm", `items.${index}.name`, { item: item.name, term, n: index + 1 });
  });
}

/** Checks every reference of the request against the database; nothing is written before all pass. */
async function checkReferences(actor: Actor, input: CreateGoodsPassValues) {
  const [site, tenant, unit, route, renovating] = await Promise.all([
    db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { timeZone: true } }),
    db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
    db.unit.findFirst({ where: { id: input.unitId, siteId: input.siteId, tenantId: input.tenantId }, select: { id: true } }),
    db.loadingRoute.findFirst({
      where: { id: input.routeId, siteId: input.siteId, active: true },
      select: { id: true, opensAt: true, closesAt: true },
    }),
    db.unit.count({ where: { tenantId: input.tenantId, siteId: input.siteId, status: "RENOVATION" } }),
  ]);
  if (!tenant) throw new DomainError("invalid", "goodsPasses.errors.tenantNotFound", "tenantId");
  if (!unit) throw new DomainError("invalid", "goodsPasses.errors.unitNotFound", "unitId");
  // R-GP-6: tenants under renovation are outside this process.
  if (renovating > 0) throw new DomainError("invalid", "goodsPasses.errors.renovation", "tenantId");
  if (!route) throw new DomainError("invalid", "goodsPasses.errors.routeNotFound", "routeId");

  const now = new Date();
  const window = checkWindow(input.windowStart, input.windowEnd, now); // R-GP-5
  if (window !== "ok")
    throw new DomainError("invalid", `goodsPasses.errors.window_${window}`, window === "order" ? "windowEnd" : "windowStart");

  // R-GP-5: moves are scheduled within the route's opening hours.
  if (!withinOpeningHours({ start: input.windowStart, end: input.windowEnd }, site.timeZone, route))
    throw new DomainError("invalid", "goodsPasses.errors.outsideHours", "windowStart", {
      opensAt: route.opensAt,
      closesAt: route.closesAt,
    });

  if (input.direction === "IN") await assertNoHazard(input.items);

  if (input.direction === "OUT" && input.authorization === "SIGNATORY") {
    const today = localDateInZone(now, site.timeZone);
    const signatory = await db.authorisedSignatory.findFirst({
      where: { id: input.signatoryId!, siteId: input.siteId, tenantId: input.tenantId },
      select: { id: true, revokedAt: true },
    });
    if (!signatory) throw new DomainError("invalid", "goodsPasses.errors.signatoryNotFound", "signatoryId");
    if (signatory.revokedAt) throw new DomainError("invalid", "goodsPasses.errors.signatoryRevoked", "signatoryId");
    const active = await db.authorisedSignatory.count({ where: { id: signatory.id, ...activeOn(today) } });
    if (active !== 1) throw new DomainError("invalid", "goodsPasses.errors.signatoryExpired", "signatoryId");
  }

  // R-GP-5: no two stamped moves (released or not) overlap on one route (touching is fine), exactly as
  // stamping refuses them; stamping re-checks under its lock.
  const clash = await db.goodsPass.findFirst({
    where: {
      routeId: input.routeId,
      state: { in: [...ROUTE_HOLDING_STATES] },
      windowStart: { lt: input.windowEnd, gte: earliestOpenStart(input.windowStart) },
      windowEnd: { gt: input.windowStart },
    },
    select: { id: true },
  });
  if (clash) {
    const proposals = await proposeWindows(input.routeId, input.windowStart, input.windowEnd);
    throw new DomainError("conflict", "goodsPasses.errors.routeBusy", "windowStart", {
      proposals: proposals.map((w) => formatWindow(w, site.timeZone)).join("；") || "—",
    });
  }
}

export const createGoodsPass = defineMutation({
  name: "createGoodsPassAction",
  schema: CreateGoodsPassSchema,
  successKey: "goodsPasses.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const first = await db.goodsPass.findUnique({ where: { requestId: input.requestId }, select: { id: true, createdById: true } });
        return first && { madeById: first.createdById, result: { id: first.id } };
      },
      create: async () => {
        await checkReferences(actor, input);
        return insertPass(actor, input);
      },
    });
  },
});

/** Writes a checked registration: the pass, its items and its audit row. */
async function insertPass(actor: Actor, input: CreateGoodsPassValues) {
  const out = input.direction === "OUT";
  const bySeal = out && input.authorization === "SEAL";
  const bySignatory = out && input.authorization === "SIGNATORY";
  return db.$transaction(async (tx) => {
    const pass = await tx.goodsPass.create({
      data: {
        requestId: input.requestId,
        siteId: input.siteId,
        tenantId: input.tenantId,
        unitId: input.unitId,
        direction: input.direction,
        carrierName: input.carrierName,
        carrierIdLast4: input.carrierIdLast4,
        routeId: input.routeId,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        notes: input.notes ?? null,
        authorization: out ? input.authorization! : null,
        sealPhotoFileId: bySeal ? input.sealPhotoFileId! : null,
        signatoryId: bySignatory ? input.signatoryId! : null,
        signatureFileId: bySignatory ? input.signatureFileId! : null,
        // The staff member confirmed the signature matches the specimen on file.
        signatureCheckedById: bySignatory ? actor.id : null,
        state: "PENDING",
        createdById: actor.id,
        items: {
          create: input.items.map((item, index) => ({
            position: index + 1,
            name: item.name,
            quantity: new Prisma.Decimal(item.quantity.toFixed(2)),
            unit: item.unit,
            hazardous: item.hazardous,
          })),
        },
      },
      select: { id: true },
    });
    const claim = { actor, siteId: input.siteId, entity: "GOODS_PASS", entityId: pass.id } as const;
    if (bySeal) await claimFiles(tx, { ...claim, kinds: ["PHOTO"], files: { sealPhotoFileId: [input.sealPhotoFileId!] } });
    if (bySignatory) await claimFiles(tx, { ...claim, kinds: ["SIGNATURE"], files: { signatureFileId: [input.signatureFileId!] } });
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: input.siteId,
      entity: "GoodsPass",
      entityId: pass.id,
      action: "CREATE",
      after: {
        state: "PENDING",
        direction: input.direction,
        tenantId: input.tenantId,
        unitId: input.unitId,
        routeId: input.routeId,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        carrierName: input.carrierName,
        authorization: out ? input.authorization : null,
        signatoryId: bySignatory ? input.signatoryId : null,
        items: input.items.length,
      },
    });
    return pass;
  });
}
