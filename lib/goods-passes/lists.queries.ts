import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { endOfLocalDayInZone, formatInZone, localDateInZone, startOfLocalDayInZone, type LocalDate } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { Prisma } from "@/lib/generated/prisma/client";
import type { GoodsDirection, GoodsPassState } from "@/lib/generated/prisma/enums";
import {
  BY_SITE,
  countLimit,
  dateParam,
  filterQuery,
  keysetRows,
  oneOf,
  pagedCapped,
  param,
  type KeysetOptions,
  type PageRequest,
  type RawParams,
} from "@/lib/pagination";
import { showsEachSite } from "@/lib/many-sites";
import { siteScope } from "@/lib/registry/site.queries";
import { sqlEpochMs, sqlInstant } from "@/lib/sql-time";
import { GOODS_EXPORT_MAX_ROWS } from "./rules";
import { DIRECTIONS, PASS_STATES } from "./schema";
import { earliestOpenStart } from "./rules";
import { containsText } from "@/lib/text-search";

/**
 * The goods-pass lists (§5): today's moves per loading route (R-GP-5, in each site's own day), the
 * filtered list of passes (paginated in SQL), and the same list as export rows. Every function checks
 * its permission itself and reads only the user's sites.
 */

/** What occupies a route today: a rejected pass does not move anything. */
const ON_ROUTE_STATES = ["PENDING", "APPROVED", "RELEASED"] as const satisfies readonly GoodsPassState[];

// ---------------------------------------------------------------------------------------------
// Filter (GET params)

export interface GoodsPassFilter {
  /** Pass number, tenant name, unit code or carrier, contains. */
  q?: string;
  site?: string;
  tenant?: string;
  state?: GoodsPassState;
  direction?: GoodsDirection;
  /** Window starts on or after this local date of the pass's site. */
  from?: LocalDate;
  /** Window starts on or before this local date of the pass's site. */
  to?: LocalDate;
}

/** Reads the GET params defensively: anything unknown or malformed is simply no filter. */
export function parseGoodsPassFilter(sp: RawParams): GoodsPassFilter {
  return {
    q: param(sp.q),
    site: param(sp.site, 50),
    tenant: param(sp.tenant, 50),
    state: oneOf(PASS_STATES, sp.state),
    direction: oneOf(DIRECTIONS, sp.direction),
    from: dateParam(sp.from),
    to: dateParam(sp.to),
  };
}

/** The filter as a query string again (export link, pagination). */
export function goodsPassFilterQuery(filter: GoodsPassFilter): string {
  return filterQuery({ ...filter });
}

async function whereOf(actor: Actor, filter: GoodsPassFilter): Promise<Prisma.GoodsPassWhereInput> {
  const siteIds = siteScope(actor, filter.site);
  // The date range is in each pass's own site's days.
  const sites = filter.from || filter.to ? await sitesWith(siteIds, "id", "timeZone") : [];
  const inSites: Prisma.GoodsPassWhereInput =
    filter.from || filter.to
      ? {
          OR: sites.map((s) => ({
            siteId: s.id,
            windowStart: {
              ...(filter.from ? { gte: startOfLocalDayInZone(filter.from, s.timeZone) } : {}),
              ...(filter.to ? { lte: endOfLocalDayInZone(filter.to, s.timeZone) } : {}),
            },
          })),
        }
      : { siteId: { in: siteIds } };
  const conditions: Prisma.GoodsPassWhereInput[] = [inSites];
  if (filter.tenant) conditions.push({ tenantId: filter.tenant });
  if (filter.state) conditions.push({ state: filter.state });
  if (filter.direction) conditions.push({ direction: filter.direction });
  if (filter.q)
    conditions.push({
      OR: [
        { number: containsText(filter.q) },
        { tenant: { name: containsText(filter.q) } },
        { unit: { code: containsText(filter.q) } },
        { carrierName: containsText(filter.q) },
      ],
    });
  return { AND: conditions };
}

const LIST_SELECT = {
  id: true,
  number: true,
  state: true,
  direction: true,
  windowStart: true,
  windowEnd: true,
  carrierName: true,
  authorization: true,
  approvedAt: true,
  releasedAt: true,
  rejectedReason: true,
  createdAt: true,
  site: { select: { code: true, name: true, timeZone: true } },
  tenant: { select: { name: true } },
  unit: { select: { code: true } },
  route: { select: { name: true } },
} satisfies Prisma.GoodsPassSelect;

/** Latest window first: the list and its export. */
const LIST_ORDER = [{ windowStart: "desc" }, { createdAt: "desc" }, { id: "asc" }] satisfies Prisma.GoodsPassOrderByWithRelationInput[];

type ListRowRaw = Prisma.GoodsPassGetPayload<{ select: typeof LIST_SELECT }>;

/** "2026-11-27 14:00–15:30", or both ends in full when the window runs past the local day. */
export function windowLabel(start: Date, end: Date, timeZone: string): string {
  const a = formatInZone(start, timeZone);
  const b = formatInZone(end, timeZone);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a}–${b}`;
}

function listRow(r: ListRowRaw) {
  const tz = r.site.timeZone;
  return {
    id: r.id,
    /** Null until the pass is stamped (R-GP-3: numbers are given on approval only). */
    number: r.number,
    state: r.state,
    direction: r.direction,
    site: { code: r.site.code, name: r.site.name },
    tenantName: r.tenant.name,
    unitCode: r.unit.code,
    routeName: r.route.name,
    carrierName: r.carrierName,
    authorization: r.authorization,
    window: windowLabel(r.windowStart, r.windowEnd, tz),
    startLocal: formatInZone(r.windowStart, tz),
    endLocal: formatInZone(r.windowEnd, tz),
    approvedLocal: r.approvedAt ? formatInZone(r.approvedAt, tz) : null,
    releasedLocal: r.releasedAt ? formatInZone(r.releasedAt, tz) : null,
    createdLocal: formatInZone(r.createdAt, tz),
    rejectedReason: r.rejectedReason,
  };
}

export type GoodsPassListRow = ReturnType<typeof listRow>;

/** Passes of the user's sites, latest window first, filtered and paginated in SQL. */
export async function listGoodsPasses(filter: GoodsPassFilter, page: PageRequest) {
  const actor = await requirePermission("goodspass:read");
  const where = await whereOf(actor, filter);
  const [rows, total] = await Promise.all([
    db.goodsPass.findMany({
      where,
      select: LIST_SELECT,
      orderBy: LIST_ORDER,
      skip: page.skip,
      take: page.take,
    }),
    // Capped: an exact count of a company's passes (200 000 over three years) costs a scan per view.
    db.goodsPass.count({ where, orderBy: BY_SITE, take: countLimit(page) }),
  ]);
  return pagedCapped(rows.map(listRow), total, page);
}

/**
 * What the filter bar offers: the user's sites and the tenants that have passes at the chosen site
 * (or at the user's only site). Across many sites the tenant filter waits for a site: fifty sites'
 * tenants (15 000) are no list to choose from, on a phone least of all; a tenant already in the
 * filter stays offered.
 */
export async function goodsPassListOptions(filter: { site?: string; tenant?: string } = {}) {
  const actor = await requirePermission("goodspass:read");
  const oneSite = filter.site ? siteScope(actor, filter.site) : actor.siteIds.length === 1 ? actor.siteIds : null;
  const [sites, tenants] = await Promise.all([
    sitesWith(actor.siteIds, "id", "code", "name"),
    db.tenant.findMany({
      where: oneSite
        ? { siteId: { in: oneSite }, goodsPasses: { some: {} } }
        : { siteId: { in: actor.siteIds }, id: filter.tenant ?? "", goodsPasses: { some: {} } },
      select: { id: true, name: true, site: { select: { code: true } } },
      orderBy: [{ site: { code: "asc" } }, { name: "asc" }],
    }),
  ]);
  return { sites, tenants };
}

// ---------------------------------------------------------------------------------------------
// Today's moves per route

/** The day bar runs 07:00–22:00 local; moves outside it are listed, not drawn. */
export const BAR_START_MINUTE = 7 * 60;
export const BAR_END_MINUTE = 22 * 60;
const MINUTES_OF_DAY = 24 * 60;

export interface TimelineMove {
  id: string;
  number: string | null;
  state: GoodsPassState;
  direction: GoodsDirection;
  tenantName: string;
  unitCode: string;
  carrierName: string;
  /** Local 'HH:mm' (of another day when the move began yesterday or ends tomorrow: see the flags). */
  startTime: string;
  endTime: string;
  startsBeforeToday: boolean;
  endsAfterToday: boolean;
  /** Minutes from local midnight, clamped to today [0, 1440]. */
  startMinute: number;
  endMinute: number;
}

/**
 * R-GP-5: today's moves of each route — approved, pending and released passes whose window touches
 * the site's local today (a move at 00:30 local is today, whatever the server's zone), by start.
 * Active routes always appear; an inactive one only when something still moves on it today.
 */
export async function todayTimeline(filter: { site?: string }, now: Date = new Date()) {
  const actor = await requirePermission("goodspass:read");
  const sites = await sitesWith(siteScope(actor, filter.site), "id", "code", "name", "timeZone");
  // Two queries for all the sites (not two per site): every site's local today lies between the
  // earliest start and the latest end of them; each site then keeps the moves of its own day.
  const days = new Map(
    sites.map((site) => {
      const date = localDateInZone(now, site.timeZone);
      return [site.id, { date, dayStart: startOfLocalDayInZone(date, site.timeZone), dayEnd: endOfLocalDayInZone(date, site.timeZone) }];
    }),
  );
  const spanStart = new Date(Math.min(...[...days.values()].map((d) => d.dayStart.getTime())));
  const spanEnd = new Date(Math.max(...[...days.values()].map((d) => d.dayEnd.getTime())));
  const siteIds = sites.map((site) => site.id);
  const [allRoutes, allPasses] = await Promise.all([
    db.loadingRoute.findMany({
      where: { siteId: { in: siteIds } },
      select: { id: true, siteId: true, name: true, active: true },
      orderBy: { name: "asc" },
    }),
    sites.length === 0
      ? []
      : db.goodsPass.findMany({
          where: {
            siteId: { in: siteIds },
            state: { in: [...ON_ROUTE_STATES] },
            windowStart: { lte: spanEnd, gte: earliestOpenStart(spanStart) },
            windowEnd: { gt: spanStart },
          },
          select: {
            id: true,
            siteId: true,
            number: true,
            state: true,
            direction: true,
            routeId: true,
            carrierName: true,
            windowStart: true,
            windowEnd: true,
            tenant: { select: { name: true } },
            unit: { select: { code: true } },
          },
          orderBy: [{ windowStart: "asc" }, { windowEnd: "asc" }, { id: "asc" }],
        }),
  ]);
  return sites.map((site) => {
    const { date, dayStart, dayEnd } = days.get(site.id)!;
    const routes = allRoutes.filter((r) => r.siteId === site.id);
    const passes = allPasses.filter(
      (p) => p.siteId === site.id && p.windowStart.getTime() <= dayEnd.getTime() && p.windowEnd.getTime() > dayStart.getTime(),
    );
    const minuteOf = (at: Date) => Math.min(MINUTES_OF_DAY, Math.max(0, Math.round((at.getTime() - dayStart.getTime()) / 60_000)));
    const byRoute = new Map<string, TimelineMove[]>();
    for (const p of passes) {
      const move: TimelineMove = {
        id: p.id,
        number: p.number,
        state: p.state,
        direction: p.direction,
        tenantName: p.tenant.name,
        unitCode: p.unit.code,
        carrierName: p.carrierName,
        startTime: formatInZone(p.windowStart, site.timeZone).slice(11),
        endTime: formatInZone(p.windowEnd, site.timeZone).slice(11),
        startsBeforeToday: p.windowStart.getTime() < dayStart.getTime(),
        endsAfterToday: p.windowEnd.getTime() > dayEnd.getTime(),
        startMinute: minuteOf(p.windowStart),
        endMinute: minuteOf(p.windowEnd),
      };
      byRoute.set(p.routeId, [...(byRoute.get(p.routeId) ?? []), move]);
    }
    return {
      id: site.id,
      code: site.code,
      name: site.name,
      date,
      routes: routes
        .filter((r) => r.active || byRoute.has(r.id))
        .map((r) => ({ id: r.id, name: r.name, active: r.active, moves: byRoute.get(r.id) ?? [] })),
    };
  });
}

export type TimelineSite = Awaited<ReturnType<typeof todayTimeline>>[number];

/** A site's moves today in one row: how many, in which state, and the next start ('HH:mm' local, "—" when none). */
export interface TodayBySiteRow {
  id: string;
  code: string;
  name: string;
  date: LocalDate;
  moves: number;
  pending: number;
  approved: number;
  released: number;
  next: string;
}

/**
 * R-GP-5 for a reader of many sites (lib/many-sites.ts): each site's moves today as one row, so the reader
 * compares the sites before opening one. A move is today's as on the site's timeline (todayTimeline: a pass
 * on a route, not rejected, its window overlapping the site's local day); "next" is the earliest start
 * today of a move not yet released. A move begun yesterday counts among today's moves but has no start
 * today: its 'HH:mm' (23:30) would read as tonight's. A site with no move today keeps its row, with zeros.
 * The sites with the most moves awaiting the stamp come first, then those with the most stamped and not
 * yet released, then by code: the page lists the first few (lib/many-sites.ts summaryLines).
 * Counted in SQL, one statement for all the sites: the rows of fifty sites' passes are not read.
 */
export async function todayBySite(filter: { site?: string }, now: Date = new Date()): Promise<TodayBySiteRow[]> {
  const actor = await requirePermission("goodspass:read");
  const sites = await sitesWith(siteScope(actor, filter.site), "id", "code", "name", "timeZone");
  if (sites.length === 0) return [];
  const days = sites.map((site) => {
    const date = localDateInZone(now, site.timeZone);
    return { site, date, dayStart: startOfLocalDayInZone(date, site.timeZone), dayEnd: endOfLocalDayInZone(date, site.timeZone) };
  });
  // A move overlapping a site's day began at most a window's length before it (earliestOpenStart): every
  // site's moves start in [spanFrom, spanTo], a constant range the planner takes to the (siteId,
  // windowStart) index; with per-site bounds alone it hashed every pass of the company (140 ms on fifty sites).
  const spanFrom = earliestOpenStart(new Date(Math.min(...days.map((d) => d.dayStart.getTime()))));
  const spanTo = new Date(Math.max(...days.map((d) => d.dayEnd.getTime())));
  const values = days.map((d) => Prisma.sql`(${d.site.id}, ${sqlInstant(d.dayStart)}, ${sqlInstant(d.dayEnd)})`);
  const counted = await db.$queryRaw<
    { site_id: string; moves: number; pending: number; approved: number; released: number; next_ms: number | null }[]
  >`
    WITH day (site_id, day_start, day_end) AS (VALUES ${Prisma.join(values)})
    SELECT d.site_id,
           count(p.id)::int AS moves,
           count(p.id) FILTER (WHERE p.state = 'PENDING')::int AS pending,
           count(p.id) FILTER (WHERE p.state = 'APPROVED')::int AS approved,
           count(p.id) FILTER (WHERE p.state = 'RELEASED')::int AS released,
           ${sqlEpochMs(Prisma.sql`min(p."windowStart") FILTER (WHERE p.state <> 'RELEASED' AND p."windowStart" >= d.day_start)`)} AS next_ms
      FROM day d
      LEFT JOIN "GoodsPass" p
        ON p."siteId" = d.site_id
       AND p.state::text IN (${Prisma.join([...ON_ROUTE_STATES])})
       AND p."windowStart" <= d.day_end AND p."windowEnd" > d.day_start
       AND p."windowStart" BETWEEN ${sqlInstant(spanFrom)} AND ${sqlInstant(spanTo)}
     GROUP BY d.site_id`;
  const bySite = new Map(counted.map((c) => [c.site_id, c]));
  const rows = days.map(({ site, date }) => {
    const c = bySite.get(site.id);
    return {
      id: site.id,
      code: site.code,
      name: site.name,
      date,
      moves: c?.moves ?? 0,
      pending: c?.pending ?? 0,
      approved: c?.approved ?? 0,
      released: c?.released ?? 0,
      next: c?.next_ms == null ? "—" : formatInZone(new Date(c.next_ms), site.timeZone).slice(11),
    };
  });
  // Stable: equal sites keep sitesWith's order (by code).
  return rows.sort((a, b) => b.pending - a.pending || b.approved - a.approved);
}

/**
 * Today's moves as the page shows them (lib/many-sites.ts): each site's timeline for the sites in detail
 * (a few, or the chosen one), otherwise one counted row per site.
 */
export async function todayMoves(filter: { site?: string }, now: Date = new Date()) {
  const actor = await requirePermission("goodspass:read");
  return showsEachSite(siteScope(actor, filter.site).length)
    ? { eachSite: true as const, sites: await todayTimeline(filter, now) }
    : { eachSite: false as const, rows: await todayBySite(filter, now) };
}

// ---------------------------------------------------------------------------------------------
// Export

/** The export's columns only: what the sheet shows, and the list's order for the keyset. */
const EXPORT_SELECT = {
  ...LIST_SELECT,
  items: { select: { name: true, quantity: true, unit: true }, orderBy: { position: "asc" } },
} satisfies Prisma.GoodsPassSelect;

type ExportPassRaw = Prisma.GoodsPassGetPayload<{ select: typeof EXPORT_SELECT }>;

/**
 * The passes after `after` in the list's order (window start ↓, created ↓, id ↑). The plain bound on the
 * window start lets the index in that order (windowStart DESC, createdAt DESC, id) start at `after`
 * instead of filtering every row before it.
 */
function afterInListOrder(after: Pick<ExportPassRaw, "windowStart" | "createdAt" | "id">): Prisma.GoodsPassWhereInput {
  return {
    windowStart: { lte: after.windowStart },
    OR: [
      { windowStart: { lt: after.windowStart } },
      { windowStart: after.windowStart, createdAt: { lt: after.createdAt } },
      { windowStart: after.windowStart, createdAt: after.createdAt, id: { gt: after.id } },
    ],
  };
}

/** A list row with its items, as the sheet shows them. */
function exportRow(r: ExportPassRaw) {
  return { ...listRow(r), items: r.items.map((i) => `${i.name} ×${i.quantity.toString()}${i.unit}`).join("；") };
}

export type GoodsPassExportRow = ReturnType<typeof exportRow>;

/**
 * The export: every pass the filter matches, up to `maxRows` (GOODS_EXPORT_MAX_ROWS), in the list's
 * order with its items, read in keyset batches while the file is written. The permission, the sites and
 * whether the limit cuts the list (`truncated`, from a count capped at maxRows + 1) are settled here,
 * before the response starts.
 */
export async function exportGoodsPasses(filter: GoodsPassFilter, options: Partial<KeysetOptions> = {}) {
  const actor = await requirePermission("goodspass:export");
  const where = await whereOf(actor, filter);
  const maxRows = options.maxRows ?? GOODS_EXPORT_MAX_ROWS;
  const [matched, firstSite] = await Promise.all([
    db.goodsPass.count({ where, orderBy: BY_SITE, take: maxRows + 1 }),
    sitesWith(actor.siteIds, "timeZone").then((sites) => sites[0] ?? null),
  ]);
  const batches = keysetRows(
    (after: ExportPassRaw | null, take) =>
      db.goodsPass.findMany({
        where: after ? { AND: [where, afterInListOrder(after)] } : where,
        select: EXPORT_SELECT,
        orderBy: LIST_ORDER,
        take,
      }),
    { batchSize: options.batchSize, maxRows },
  );
  async function* rows() {
    for await (const r of batches) yield exportRow(r);
  }
  return {
    rows: rows(),
    truncated: matched > maxRows,
    today: localDateInZone(new Date(), firstSite?.timeZone ?? "Asia/Shanghai"),
  };
}
