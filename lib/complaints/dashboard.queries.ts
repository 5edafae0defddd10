import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { firstInstant, versionedMemo } from "@/lib/cache-version";
import { endOfLocalDayInZone, formatInZone, localDateInZone, startOfLocalDayInZone, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db, reportDb } from "@/lib/db";
import { chosenSite } from "@/lib/many-sites";
import { Prisma } from "@/lib/generated/prisma/client";
import { paged, rowsOfKeys, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { sitesByIds } from "@/lib/registry/site.store";
import { sqlEpochMs as utcMs, sqlInstant as ts } from "@/lib/sql-time";
import { periodCounts } from "./rate-summary";
import {
  EXPORT_MAX_ROWS,
  dashboardView,
  dueBounds,
  likeContains,
  listTotalOf,
  siteRates,
  monthPeriods,
  tallyDeadlineCounts,
  tallySiteDeadlines,
  weekPeriods,
  withRates,
  type DashboardFilter,
  type DeadlineCountGroup,
  type DeadlineKind,
  type DueBounds,
  type OpenDueState,
  type SiteDeadlineGroup,
  type SiteRate,
} from "./dashboard.rules";
import type { ComplaintState, Severity } from "./rules";

/**
 * The managers' deadline dashboard (R-CMP-5). Every function checks the permission
 * itself and reads only the user's sites. Open deadlines are classified and ordered in SQL with a
 * fixed number of queries per page: each site's "today ends" and "soon ends" instants, computed
 * from its working-day calendar and time zone (dashboard.rules.ts dueBounds), go into the query as a
 * VALUES table.
 */

interface ScopedSite {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  bounds: DueBounds;
}

interface Scope {
  sites: ScopedSite[];
  /** The local date the periods and the file name are counted from (the first site's zone). */
  today: LocalDate;
  now: Date;
}

/** The sites in view with their calendars' bounds; deduplicated within one server render. */
const loadScope = cache(async (siteIdsKey: string): Promise<Scope> => {
  const siteIds = siteIdsKey ? siteIdsKey.split(",") : [];
  const now = new Date();
  const [sites, calendars] = await Promise.all([sitesByIds(siteIds), loadSiteCalendars(siteIds)]);
  const scoped = sites.flatMap((s) => {
    const calendar = calendars.get(s.id);
    return calendar ? [{ id: s.id, code: s.code, name: s.name, timeZone: s.timeZone, bounds: dueBounds(calendar, now) }] : [];
  });
  const today = calendars.get(scoped[0]?.id ?? "")?.localDateOf(now) ?? localDateInZone(now, "Asia/Shanghai");
  return { sites: scoped, today, now };
});

function scopeOf(actor: Actor, site: string | undefined): Promise<Scope> {
  return loadScope([...siteScope(actor, site)].sort().join(","));
}

/**
 * The figures of a scope and filter (counts, a page of the list, the on-time rates), kept in memory
 * while no complaint, round, revisit or name behind them is written and the clock has not reached
 * their horizon (lib/cache-version.ts versionedMemo, decision 026). On fifty sites a view counted ~30 000 open
 * deadlines and a month of closed ones each time (~350 ms of the database's time); managers open the
 * dashboard far more often than a complaint changes. Callers check the permission and the sites first.
 */
const figures = versionedMemo<unknown>(["complaint", "site", "calendar"], 200);

/**
 * SQL of the first instant at or after `at` at which a complaint deadline of these sites falls due (an
 * open one turns overdue, a met or missed one enters the on-time rates), NULL if none. The rounds' and
 * revisits' deadlines are probed company-wide (one index probe each): an earlier instant than needed
 * only counts again sooner.
 */
export function nextComplaintDeadlineSql(siteIds: string[], at: Date): Prisma.Sql {
  const now = ts(at);
  const inSites = Prisma.sql`c."siteId" IN (${Prisma.join(siteIds)})`;
  return Prisma.sql`LEAST(
      (SELECT min(r."dueAt") FROM "ComplaintRectification" r WHERE r."dueAt" >= ${now}),
      (SELECT min(v."dueAt") FROM "ComplaintRevisit" v WHERE v."dueAt" >= ${now}),
      (SELECT min(c."rectificationDueAt") FROM "Complaint" c
        WHERE ${inSites} AND c.state IN ('RECEIVED', 'IN_RECTIFICATION') AND c."rectificationDueAt" >= ${now}),
      (SELECT min(c."revisitDueAt") FROM "Complaint" c
        WHERE ${inSites} AND c.state = 'RECTIFIED' AND c."revisitDueAt" >= ${now}))`;
}

/**
 * The first instant after the scope's `now` at which time alone changes one of its figures: the next
 * complaint deadline to fall due, or the end of a site's local day (today's bounds, the weeks and
 * months). Deadlines end a local day (R-CAL), so this is usually the coming midnight.
 */
function horizonOf(scope: Scope): Promise<Date> {
  return firstInstant(
    nextComplaintDeadlineSql(
      scope.sites.map((s) => s.id),
      scope.now,
    ),
    scope.sites.map((s) => new Date(s.bounds.todayEnd.getTime() + 1)),
  );
}

/** Empties this instance's memo of figures (tests reach the stored on-time summaries beneath it with it). */
export function forgetFigures() {
  figures.forget();
}

/** `compute()` of this scope's figures named `parts`, or what the memo holds of them. */
function memoized<T>(scope: Scope, parts: unknown[], compute: () => Promise<T>): Promise<T> {
  const key = JSON.stringify([scope.sites.map((s) => s.id), ...parts]);
  return figures.get(key, compute, { at: scope.now, until: () => horizonOf(scope) }) as Promise<T>;
}

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

/**
 * `WITH … classified`: every open deadline of the scope (RECEIVED / IN_RECTIFICATION → the
 * rectification deadline, RECTIFIED → the revisit deadline) with its R-CMP-5 state, filtered by
 * everything except the deadline kind and state (the counts table splits by those).
 */
function openDeadlinesSql(scope: Scope, filter: DashboardFilter): Prisma.Sql {
  const boundsRows = scope.sites.map((s) => {
    // The received-date range is in each complaint's own site's days.
    const from = filter.from ? startOfLocalDayInZone(filter.from, s.timeZone) : null;
    const to = filter.to ? endOfLocalDayInZone(filter.to, s.timeZone) : null;
    const soon = s.bounds.soonBefore;
    return Prisma.sql`(${s.id}, ${ts(s.bounds.todayEnd)}, ${ts(soon.rectification)}, ${ts(soon.revisit)}, ${ts(from)}, ${ts(to)})`;
  });
  const inSites = Prisma.sql`c."siteId" IN (${Prisma.join(scope.sites.map((s) => s.id))})`;
  const columns = Prisma.sql`c.id, c."siteId" AS site_id, c."departmentId" AS department_id, c."tenantId" AS tenant_id,
    c."unitId" AS unit_id, c.number, c.severity, c.state, c.category, c."receivedAt" AS received_at`;
  const where: Prisma.Sql[] = [
    Prisma.sql`(b.received_from IS NULL OR d.received_at >= b.received_from)`,
    Prisma.sql`(b.received_to IS NULL OR d.received_at <= b.received_to)`,
  ];
  if (filter.department) where.push(Prisma.sql`d.department_id = ${filter.department}`);
  if (filter.severity) where.push(Prisma.sql`d.severity = ${filter.severity}::"ComplaintSeverity"`);
  if (filter.state) where.push(Prisma.sql`d.state = ${filter.state}::"ComplaintState"`);
  if (filter.q) {
    const pattern = likeContains(filter.q);
    where.push(
      Prisma.sql`(d.number ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = d.tenant_id AND t.name ILIKE ${pattern})
        OR EXISTS (SELECT 1 FROM "Unit" u WHERE u.id = d.unit_id AND u.code ILIKE ${pattern}))`,
    );
  }
  return Prisma.sql`
    WITH site_bounds (site_id, today_end, rectification_soon_before, revisit_soon_before, received_from, received_to) AS (VALUES ${Prisma.join(boundsRows)}),
    open_deadline AS (
      SELECT ${columns}, 'rectification' AS kind, c."rectificationDueAt" AS due_at, c."rectificationDueProvisional" AS provisional
        FROM "Complaint" c
       WHERE ${inSites} AND c.state IN ('RECEIVED', 'IN_RECTIFICATION')
      UNION ALL
      SELECT ${columns}, 'revisit' AS kind, c."revisitDueAt" AS due_at, c."revisitDueProvisional" AS provisional
        FROM "Complaint" c
       WHERE ${inSites} AND c.state = 'RECTIFIED' AND c."revisitDueAt" IS NOT NULL
    ),
    classified AS (
      SELECT d.*,
             CASE WHEN d.due_at < ${ts(scope.now)} THEN 'overdue'
                  WHEN d.due_at <= b.today_end THEN 'due_today'
                  WHEN d.due_at < CASE d.kind WHEN 'rectification' THEN b.rectification_soon_before
                                              ELSE b.revisit_soon_before END THEN 'due_soon'
                  ELSE 'on_track' END AS due_state
        FROM open_deadline d
        JOIN site_bounds b ON b.site_id = d.site_id
       WHERE ${and(where)}
    )`;
}

function listConditions(filter: DashboardFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.kind) conditions.push(Prisma.sql`k.kind = ${filter.kind}`);
  if (filter.due) conditions.push(Prisma.sql`k.due_state = ${filter.due}`);
  return and(conditions);
}

/** A deadline as classified in SQL (the export reads these up front for its whole file, without names). */
interface DeadlineClassifiedRaw {
  id: string;
  number: string;
  severity: Severity;
  state: ComplaintState;
  category: string;
  kind: DeadlineKind;
  due_ms: number;
  received_ms: number;
  provisional: boolean;
  due_state: OpenDueState;
}

/** The names a row shows, joined once the list is cut. */
interface DeadlineNamesRaw {
  tenant_name: string;
  unit_code: string | null;
  department_name: string;
}

interface DeadlineRowRaw extends DeadlineClassifiedRaw, DeadlineNamesRaw {
  site_code: string;
  site_name: string;
  time_zone: string;
  /** How many deadlines match, over all pages (a window count taken in the same scan). */
  matching: number;
}

/** The classified columns of `classified k`, in the shape of DeadlineClassifiedRaw. */
const CLASSIFIED_COLUMNS = Prisma.sql`k.id, k.number, k.severity::text AS severity, k.state::text AS state, k.category::text AS category,
  k.kind, ${utcMs(Prisma.sql`k.due_at`)} AS due_ms, ${utcMs(Prisma.sql`k.received_at`)} AS received_ms, k.provisional, k.due_state`;

/** A row of the list and of the export, in its site's local time. */
function deadlineRow(r: DeadlineClassifiedRaw, names: DeadlineNamesRaw, site: { code: string; name: string; timeZone: string }) {
  const dueAt = new Date(r.due_ms);
  return {
    id: r.id,
    number: r.number,
    site: { code: site.code, name: site.name },
    tenantName: names.tenant_name,
    unitCode: names.unit_code,
    departmentName: names.department_name,
    severity: r.severity,
    state: r.state,
    category: r.category,
    kind: r.kind,
    dueAt,
    dueLocal: formatInZone(dueAt, site.timeZone),
    dueState: r.due_state,
    /** The deadline was counted through a year without an official holiday table (R-CAL-1). */
    provisional: r.provisional,
    receivedLocal: formatInZone(new Date(r.received_ms), site.timeZone),
  };
}

/**
 * One page of the list, `skip` rows into it. With `count`, how many rows match over all pages comes with
 * the page (a window count in the same scan; null when the page is past the end).
 */
async function queryDeadlines(scope: Scope, filter: DashboardFilter, page: { take: number; skip: number; count?: boolean }) {
  const matching = page.count ? Prisma.sql`count(*) OVER ()::int` : Prisma.sql`NULL::int`;
  // The page is cut first and named after: the tenant, site, department and unit joins touch its rows only.
  const raw = await db.$queryRaw<DeadlineRowRaw[]>`
    ${openDeadlinesSql(scope, filter)},
    page AS (
      SELECT k.*, ${matching} AS matching FROM classified k
       WHERE ${listConditions(filter)}
       -- Overdue deadlines lie before now and all others after it: by due instant = oldest overdue first.
       ORDER BY k.due_at ASC, k.number ASC
       LIMIT ${page.take}::int OFFSET ${page.skip}::int
    )
    SELECT ${CLASSIFIED_COLUMNS}, t.name AS tenant_name, u.code AS unit_code,
           s.code AS site_code, s.name AS site_name, s."timeZone" AS time_zone, dep.name AS department_name, k.matching
      FROM page k
      JOIN "Site" s ON s.id = k.site_id
      JOIN "Department" dep ON dep.id = k.department_id
      JOIN "Tenant" t ON t.id = k.tenant_id
      LEFT JOIN "Unit" u ON u.id = k.unit_id
     ORDER BY k.due_at ASC, k.number ASC`;
  const rows = raw.map((r) => deadlineRow(r, r, { code: r.site_code, name: r.site_name, timeZone: r.time_zone }));
  return { rows, total: raw[0]?.matching ?? null };
}

export type DashboardDeadline = Awaited<ReturnType<typeof queryDeadlines>>["rows"][number];

/** The list: open deadlines, oldest overdue first, then by due date; filtered and paginated in SQL. */
export async function listOpenDeadlines(filter: DashboardFilter, page: PageRequest) {
  const actor = await requirePermission("complaint:dashboard");
  const scope = await scopeOf(actor, filter.site);
  if (scope.sites.length === 0) return paged<DashboardDeadline>([], 0, page);
  return memoized(scope, ["list", filter, page.take, page.skip], () => openDeadlinesPage(scope, filter, page));
}

async function openDeadlinesPage(scope: Scope, filter: DashboardFilter, page: PageRequest) {
  const { rows, total } = await queryDeadlines(scope, filter, { take: page.take, skip: page.skip, count: true });
  if (total !== null || page.skip === 0) return paged(rows, total ?? 0, page);
  // Past the last page: no row carries the count, so it is taken on its own.
  const [count] = await db.$queryRaw<{ total: number }[]>`
    ${openDeadlinesSql(scope, filter)}
    SELECT count(*)::int AS total FROM classified k WHERE ${listConditions(filter)}`;
  return paged(rows, count.total, page);
}

/** Open rectifications and revisits overdue / due today / due soon, per site and per department. */
export async function deadlineCounts(filter: DashboardFilter) {
  const actor = await requirePermission("complaint:dashboard");
  const scope = await scopeOf(actor, filter.site);
  if (scope.sites.length === 0) return tallyDeadlineCounts([], []);
  return memoized(scope, ["counts", filter], () => countDeadlines(scope, filter));
}

async function countDeadlines(scope: Scope, filter: DashboardFilter) {
  const groups = await db.$queryRaw<DeadlineCountGroup[]>`
    ${openDeadlinesSql(scope, filter)}
    SELECT k.site_id AS "siteId", k.department_id AS "departmentId", dep.name AS "departmentName",
           k.kind, k.due_state AS "dueState", count(*)::int AS count
      FROM classified k
      JOIN "Department" dep ON dep.id = k.department_id
     WHERE k.due_state <> 'on_track'
     GROUP BY k.site_id, k.department_id, dep.name, k.kind, k.due_state`;
  return tallyDeadlineCounts(scope.sites, groups);
}

/**
 * The company view (many sites, none chosen): per site, open deadlines overdue / due today / due soon
 * and all open ones, both kinds together (or the filter's kind). One grouped query, no departments.
 */
async function siteCounts(scope: Scope, filter: DashboardFilter) {
  const kind = filter.kind ? Prisma.sql`k.kind = ${filter.kind}` : Prisma.sql`TRUE`;
  const groups = await db.$queryRaw<SiteDeadlineGroup[]>`
    ${openDeadlinesSql(scope, filter)}
    SELECT k.site_id AS "siteId", k.due_state AS "dueState", count(*)::int AS count
      FROM classified k
     WHERE ${kind}
     GROUP BY k.site_id, k.due_state`;
  return tallySiteDeadlines(scope.sites, groups);
}

/**
 * The company view's counts and its list's page, classified at one instant. The list holds the same
 * deadlines as the counts, so its length is theirs for its due state (listTotalOf) and its page is the
 * first rows of the order (a top-N sort), not every open deadline sorted and counted a second time: on
 * fifty sites ~30 000 of them, 49 → 24 ms.
 */
export async function companyDeadlines(filter: DashboardFilter, page: PageRequest) {
  const actor = await requirePermission("complaint:dashboard");
  const scope = await scopeOf(actor, filter.site);
  if (scope.sites.length === 0) return { counts: tallySiteDeadlines([], []), list: paged<DashboardDeadline>([], 0, page) };
  return memoized(scope, ["company", filter, page.take, page.skip], async () => {
    const [counts, { rows }] = await Promise.all([
      siteCounts(scope, filter),
      queryDeadlines(scope, filter, { take: page.take, skip: page.skip }),
    ]);
    return { counts, list: paged(rows, listTotalOf(counts.total, filter.due), page) };
  });
}

export const RATE_WEEKS = 4;
export const RATE_MONTHS = 6;

/**
 * On-time rate per week (last 4) and month (last 6): of the deadlines that fell due in the period
 * (every rectification round, every revisit, done or not), the share met on time (done ≤ due).
 * Periods are local days of each deadline's own site. Follows the site, department, severity and
 * deadline-kind filters. Closed periods are counted once and stored (rate-summary.ts).
 */
export async function onTimeRates(filter: DashboardFilter) {
  const actor = await requirePermission("complaint:dashboard");
  const scope = await scopeOf(actor, filter.site);
  const weeks = weekPeriods(scope.today, RATE_WEEKS);
  const months = monthPeriods(scope.today, RATE_MONTHS);
  if (scope.sites.length === 0)
    return { weeks: withRates(weeks, new Map()), months: withRates(months, new Map()), bySite: new Map<string, SiteRate>() };

  return memoized(scope, ["rates", filter], async () => {
    const { byPeriod, bySite } = await periodCounts(scope.sites, [...weeks, ...months], filter, scope.now);
    return { weeks: withRates(weeks, byPeriod), months: withRates(months, byPeriod), bySite: siteRates(weeks, bySite) };
  });
}

/**
 * What the filter bar offers: the user's sites, and the departments of the chosen site (of every site
 * of a manager of few sites; none in the company view, where the department filter is not offered).
 */
export async function dashboardOptions(filter: Pick<DashboardFilter, "site"> = {}) {
  const actor = await requirePermission("complaint:dashboard");
  const site = chosenSite(filter.site, actor.siteIds);
  const view = dashboardView(actor.siteIds.length, site);
  const [sites, departments] = await Promise.all([
    sitesByIds(actor.siteIds).then((sites) => sites.map((s) => ({ id: s.id, code: s.code, name: s.name }))),
    view === "company"
      ? []
      : db.department.findMany({
          where: { siteId: { in: siteScope(actor, site) } },
          select: { id: true, name: true, site: { select: { code: true } } },
          orderBy: [{ site: { code: "asc" } }, { kind: "asc" }, { name: "asc" }],
        }),
  ]);
  return { view, site, sites, departments };
}

/**
 * The export: every row the filter matches, up to `maxRows` (EXPORT_MAX_ROWS), in the list's order, from
 * the replica. The open deadlines are classified and ordered once per export: one query reads the keys of
 * up to maxRows + 1 rows (what a row is and where it stands, no names), which also settles whether the
 * limit cuts the list (`truncated`) before the response starts, with the permission and the sites. The
 * names (tenant, unit, department) are read by id in batches while the file is written, in the keys'
 * order. The keys are the list's snapshot: a deadline that moves while the file is written is neither
 * missed nor written twice. 10 001 keys hold about 4 MB (measured: ~410 bytes a key, eleven short fields), beside a
 * batch of named rows and the workbook writer's ~100 KB of XML (decision 019).
 */
export async function exportOpenDeadlines(filter: DashboardFilter, options: { batchSize?: number; maxRows?: number } = {}) {
  const actor = await requirePermission("complaint:export");
  const scope = await scopeOf(actor, filter.site);
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;
  if (scope.sites.length === 0) return { rows: [] as DashboardDeadline[], truncated: false, today: scope.today };
  const keys = await reportDb.$queryRaw<(DeadlineClassifiedRaw & { site_id: string })[]>`
    ${openDeadlinesSql(scope, filter)}
    SELECT ${CLASSIFIED_COLUMNS}, k.site_id FROM classified k
     WHERE ${listConditions(filter)}
     ORDER BY k.due_at ASC, k.number ASC
     LIMIT ${maxRows + 1}::int`;
  const truncated = keys.length > maxRows;
  if (truncated) keys.length = maxRows;
  const sites = new Map(scope.sites.map((s) => [s.id, s]));
  const rows = rowsOfKeys(
    keys,
    async (batch) => {
      const names = await reportDb.$queryRaw<(DeadlineNamesRaw & { id: string })[]>`
        SELECT c.id, t.name AS tenant_name, u.code AS unit_code, dep.name AS department_name
          FROM "Complaint" c
          JOIN "Tenant" t ON t.id = c."tenantId"
          JOIN "Department" dep ON dep.id = c."departmentId"
          LEFT JOIN "Unit" u ON u.id = c."unitId"
         WHERE c.id = ANY(${batch.map((k) => k.id)}::text[])`;
      const byId = new Map(names.map((n) => [n.id, n]));
      // A complaint deleted since the keys were read has no names: it is left out, as a later list would.
      return batch.flatMap((k) => {
        const named = byId.get(k.id);
        return named ? [deadlineRow(k, named, sites.get(k.site_id)!)] : [];
      });
    },
    options.batchSize,
  );
  return { rows, truncated, today: scope.today };
}
