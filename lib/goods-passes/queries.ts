import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { seesContacts } from "@/lib/signatories/queries";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesOf } from "@/lib/registry/site.queries";
import { MAX_WINDOW_MS, closedPeriods, earliestOpenStart, nextFreeWindows, type Busy } from "./rules";

/** How far ahead proposals look (R-GP-5): the same horizon as nextFreeWindows' default. */
const HORIZON_MS = 7 * MAX_WINDOW_MS;
const PROPOSALS = 3;

/** 'YYYY-MM-DD HH:mm–HH:mm' in the site's zone (the end's date is shown when it is another day). */
export function formatWindow(w: Busy, timeZone: string): string {
  const start = formatInZone(w.start, timeZone);
  const end = formatInZone(w.end, timeZone);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

/**
 * R-GP-5: the moves that hold a route's time — stamped ones, released at the gate or not (a released
 * move used its slot). A pending registration does not block anyone until it is stamped. Registration
 * and stamping both ask this, so they refuse the same overlaps.
 */
export const ROUTE_HOLDING_STATES = ["APPROVED", "RELEASED"] as const;

/**
 * The next free windows of the same length on a route, from the requested start (or now, if later),
 * within the route's opening hours. Internal: callers have checked the route belongs to the user's site.
 */
export async function proposeWindows(routeId: string, start: Date, end: Date): Promise<Busy[]> {
  const from = new Date(Math.max(start.getTime(), Date.now()));
  const lengthMs = end.getTime() - start.getTime();
  if (!(lengthMs > 0) || lengthMs > MAX_WINDOW_MS) return [];
  const limit = new Date(from.getTime() + HORIZON_MS);
  const [route, busy] = await Promise.all([
    db.loadingRoute.findUniqueOrThrow({
      where: { id: routeId },
      select: { opensAt: true, closesAt: true, site: { select: { timeZone: true } } },
    }),
    db.goodsPass.findMany({
      where: {
        routeId,
        state: { in: [...ROUTE_HOLDING_STATES] },
        windowStart: { lt: limit, gte: earliestOpenStart(from) },
        windowEnd: { gt: from },
      },
      select: { windowStart: true, windowEnd: true },
    }),
  ]);
  return nextFreeWindows(
    [...busy.map((b) => ({ start: b.windowStart, end: b.windowEnd })), ...closedPeriods(from, limit, route.site.timeZone, route)],
    from,
    lengthMs,
    PROPOSALS,
    limit,
  );
}

/** R-GP-5: the form asks for proposals after a route-busy refusal. Another site's route has none. */
export async function freeWindows(routeId: string, start: Date, end: Date) {
  const actor = await requirePermission("goodspass:create");
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return [];
  const route = await db.loadingRoute.findFirst({
    where: { id: routeId, siteId: { in: actor.siteIds }, active: true },
    select: { site: { select: { timeZone: true } } },
  });
  if (!route) return [];
  const windows = await proposeWindows(routeId, start, end);
  return windows.map((w) => ({ start: w.start.toISOString(), end: w.end.toISOString(), label: formatWindow(w, route.site.timeZone) }));
}

/** What the registration form offers: the user's sites, their active loading routes, and the hazard list (R-GP-4). */
export async function passFormOptions() {
  const actor = await requirePermission("goodspass:create");
  const [sites, routes, hazardTerms] = await Promise.all([
    sitesOf(actor),
    db.loadingRoute.findMany({
      where: { siteId: { in: actor.siteIds }, active: true },
      select: { id: true, siteId: true, name: true, opensAt: true, closesAt: true },
      orderBy: { name: "asc" },
    }),
    db.hazardTerm.findMany({ select: { term: true }, orderBy: { term: "asc" } }),
  ]);
  return { sites, routes, hazardTerms: hazardTerms.map((h) => h.term) };
}

/**
 * One pass with everything the detail, print and gate pages show; another site's pass is "not found"
 * (null). People are names only; files are ids for /api/files/<id>.
 */
export async function getGoodsPass(id: string) {
  const actor = await requirePermission("goodspass:read");
  const pass = await db.goodsPass.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      number: true,
      siteId: true,
      direction: true,
      state: true,
      carrierName: true,
      carrierIdLast4: true,
      windowStart: true,
      windowEnd: true,
      notes: true,
      authorization: true,
      sealPhotoFileId: true,
      signatureFileId: true,
      signatureCheckedById: true,
      createdById: true,
      createdAt: true,
      approvedById: true,
      approvedAt: true,
      rejectedById: true,
      rejectedAt: true,
      rejectedReason: true,
      releasedById: true,
      releasedAt: true,
      site: { select: { code: true, name: true, timeZone: true } },
      tenant: { select: { id: true, name: true } },
      unit: { select: { id: true, code: true, building: true, floor: true } },
      route: { select: { id: true, name: true } },
      signatory: {
        select: { id: true, name: true, position: true, phone: seesContacts(actor), specimenFileId: true, certificateFileId: true },
      },
      items: { select: { position: true, name: true, quantity: true, unit: true, hazardous: true }, orderBy: { position: "asc" } },
    },
  });
  if (!pass) return null;
  const peopleIds = [pass.createdById, pass.signatureCheckedById, pass.approvedById, pass.rejectedById, pass.releasedById].filter(
    (x): x is string => !!x,
  );
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(peopleIds)] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const nameOf = (userId: string | null) => (userId ? (people.get(userId) ?? null) : null);
  const local = (at: Date | null) => (at ? formatInZone(at, pass.site.timeZone) : null);
  return {
    ...pass,
    signatory: pass.signatory ? { ...pass.signatory, phone: pass.signatory.phone ?? null } : null,
    items: pass.items.map((i) => ({ ...i, quantity: i.quantity.toString() })),
    people: {
      createdBy: nameOf(pass.createdById),
      signatureCheckedBy: nameOf(pass.signatureCheckedById),
      approvedBy: nameOf(pass.approvedById),
      rejectedBy: nameOf(pass.rejectedById),
      releasedBy: nameOf(pass.releasedById),
    },
    local: {
      window: formatWindow({ start: pass.windowStart, end: pass.windowEnd }, pass.site.timeZone),
      createdAt: local(pass.createdAt),
      approvedAt: local(pass.approvedAt),
      rejectedAt: local(pass.rejectedAt),
      releasedAt: local(pass.releasedAt),
    },
  };
}

export type GoodsPassDetail = NonNullable<Awaited<ReturnType<typeof getGoodsPass>>>;
