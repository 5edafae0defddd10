import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { firstInstant, versionedMemo } from "@/lib/cache-version";
import { formatInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { COUNTED_DUE_STATES, dueBounds, type CountedDueState, type OpenDueState } from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { siteScope } from "@/lib/registry/site.queries";
import { sqlEpochMs, sqlInstant } from "@/lib/sql-time";
import type { SurveyDeadlineKind, SurveyItemState } from "./rules";

export const SURVEY_DEADLINE_KINDS = ["delivery", "answer", "revisit"] as const satisfies readonly SurveyDeadlineKind[];

export interface SurveyDashboardDeadline {
  id: string;
  roundTitle: string;
  site: { code: string; name: string };
  tenantName: string;
  departmentName: string;
  state: SurveyItemState;
  kind: SurveyDeadlineKind;
  dueAt: Date;
  dueLocal: string;
  /** The complaint dashboard's states (R-CMP-5): overdue, due today, due soon, on track. */
  dueState: OpenDueState;
  /** Calendar-day deadlines never depend on a provisional holiday table. */
  provisional: false;
}

export type SurveyCountCells = Record<SurveyDeadlineKind, Record<CountedDueState, number>>;

/**
 * `WITH classified`: the open opinion items of the sites with their running deadline (rules.ts
 * currentDeadline: SUMMARISED → R-SUR-1 delivery, DELIVERED → R-SUR-2 answer, RECTIFIED → R-SUR-3
 * revisit) and its state, classified in SQL against each site's bounds (the complaint dashboard's
 * dueBounds, with the calendar-day "due soon" of the complaint revisit).
 */
function classifiedSql(sites: { id: string; todayEnd: Date; soonBefore: Date }[], now: Date): Prisma.Sql {
  const bounds = sites.map((s) => Prisma.sql`(${s.id}, ${sqlInstant(s.todayEnd)}, ${sqlInstant(s.soonBefore)})`);
  return Prisma.sql`
    WITH site_bounds (site_id, today_end, soon_before) AS (VALUES ${Prisma.join(bounds)}),
    open_item AS (
      SELECT i.id, i."siteId" AS site_id, i."roundId" AS round_id, i."tenantId" AS tenant_id, i."departmentId" AS department_id,
             i.state,
             CASE i.state WHEN 'SUMMARISED' THEN 'delivery' WHEN 'DELIVERED' THEN 'answer' ELSE 'revisit' END AS kind,
             CASE i.state WHEN 'SUMMARISED' THEN i."deliveryDueAt" WHEN 'DELIVERED' THEN i."answerDueAt" ELSE i."revisitDueAt" END AS due_at
        FROM "SurveyOpinionItem" i
       WHERE i."siteId" IN (${Prisma.join(sites.map((s) => s.id))}) AND i.state IN ('SUMMARISED', 'DELIVERED', 'RECTIFIED')
    ),
    classified AS (
      SELECT o.*,
             CASE WHEN o.due_at < ${sqlInstant(now)} THEN 'overdue'
                  WHEN o.due_at <= b.today_end THEN 'due_today'
                  WHEN o.due_at < b.soon_before THEN 'due_soon'
                  ELSE 'on_track' END AS due_state
        FROM open_item o
        JOIN site_bounds b ON b.site_id = o.site_id
       WHERE o.due_at IS NOT NULL
    )`;
}

interface SurveyDeadlineRaw {
  id: string;
  round_title: string;
  site_code: string;
  site_name: string;
  time_zone: string;
  tenant_name: string;
  department_name: string;
  state: SurveyItemState;
  kind: SurveyDeadlineKind;
  due_ms: number;
  due_state: OpenDueState;
}

/**
 * The open survey-opinion deadlines of the manager's sites beside the complaint deadlines: the same
 * states: the most urgent `limit` (oldest overdue first; `due` keeps one state) and how many there are,
 * the counts per kind and state (whole, whatever `due`), and the sites with overdue ones (the company
 * view names the worst). Counted and limited in SQL: two queries whatever the number of sites and items.
 */
export async function surveyOpenDeadlines(filter: { site?: string; due?: OpenDueState } = {}, limit = 50) {
  const actor: Actor = await requirePermission("complaint:dashboard");
  const siteIds = [...siteScope(actor, filter.site)].sort();
  const now = new Date();
  const { until: _until, ...figures } = await deadlines.get(
    JSON.stringify([siteIds, filter.due ?? null, limit]),
    () => countOpenDeadlines(siteIds, filter.due, limit, now),
    { at: now, untilOf: (value) => value.until },
  );
  return figures;
}

/**
 * The dashboard's survey figures kept in memory (lib/cache-version.ts versionedMemo, decision 026) per
 * sites, due state and length, while no opinion item or round is written (the 'survey' version), nor a
 * tenant's, department's or site's name or a calendar, and until the next deadline falls due or a site's
 * day ends (the `until` countOpenDeadlines reads with them). On fifty sites the card's two statements and
 * their rows cost ~10 ms of the server's CPU a view.
 */
const deadlines = versionedMemo<Awaited<ReturnType<typeof countOpenDeadlines>>>(["survey", "site", "calendar"], 100);

/** The next survey-opinion deadline (R-SUR-1..3) at or after `at` of the sites, as an SQL instant (NULL: none). */
export function nextSurveyDeadlineSql(siteIds: string[], at: Date): Prisma.Sql {
  return Prisma.sql`(SELECT min(d.due_at) FROM (
      SELECT CASE i.state WHEN 'SUMMARISED' THEN i."deliveryDueAt" WHEN 'DELIVERED' THEN i."answerDueAt" ELSE i."revisitDueAt" END AS due_at
        FROM "SurveyOpinionItem" i
       WHERE i."siteId" IN (${Prisma.join(siteIds)}) AND i.state IN ('SUMMARISED', 'DELIVERED', 'RECTIFIED')) d
     WHERE d.due_at >= ${sqlInstant(at)})`;
}

async function countOpenDeadlines(siteIds: string[], dueFilter: OpenDueState | undefined, limit: number, now: Date) {
  const filter = { due: dueFilter };
  const counts = Object.fromEntries(
    SURVEY_DEADLINE_KINDS.map((k) => [k, Object.fromEntries(COUNTED_DUE_STATES.map((s) => [s, 0]))]),
  ) as SurveyCountCells;
  const overdueBySite = new Map<string, { id: string; name: string; overdue: number }>();
  const calendars = await loadSiteCalendars(siteIds);
  const sites = [...calendars].map(([id, calendar]) => {
    const bounds = dueBounds(calendar, now);
    return { id, todayEnd: bounds.todayEnd, soonBefore: bounds.soonBefore.revisit };
  });
  if (sites.length === 0) return { rows: [] as SurveyDashboardDeadline[], total: 0, counts, overdueBySite: [], until: now };
  const due = filter.due ? Prisma.sql`k.due_state = ${filter.due}` : Prisma.sql`TRUE`;
  const [raw, groups, until] = await Promise.all([
    db.$queryRaw<SurveyDeadlineRaw[]>`
      ${classifiedSql(sites, now)},
      page AS (SELECT k.* FROM classified k WHERE ${due} ORDER BY k.due_at ASC, k.id ASC LIMIT ${limit}::int)
      SELECT k.id, r.title AS round_title, s.code AS site_code, s.name AS site_name, s."timeZone" AS time_zone,
             t.name AS tenant_name, dep.name AS department_name, k.state::text AS state, k.kind,
             ${sqlEpochMs(Prisma.sql`k.due_at`)} AS due_ms, k.due_state
        FROM page k
        JOIN "SurveyRound" r ON r.id = k.round_id
        JOIN "Site" s ON s.id = k.site_id
        JOIN "Tenant" t ON t.id = k.tenant_id
        JOIN "Department" dep ON dep.id = k.department_id
       ORDER BY k.due_at ASC, k.id ASC`,
    db.$queryRaw<{ site_id: string; site_name: string; kind: SurveyDeadlineKind; due_state: OpenDueState; count: number }[]>`
      ${classifiedSql(sites, now)}
      SELECT k.site_id, s.name AS site_name, k.kind, k.due_state, count(*)::int AS count
        FROM classified k JOIN "Site" s ON s.id = k.site_id
       GROUP BY k.site_id, s.name, k.kind, k.due_state`,
    // The first instant at which time alone changes these figures: a deadline falls due or a site's day ends.
    firstInstant(
      nextSurveyDeadlineSql(siteIds, now),
      sites.map((s) => new Date(s.todayEnd.getTime() + 1)),
    ),
  ]);
  let total = 0;
  for (const g of groups) {
    if (!filter.due || g.due_state === filter.due) total += g.count;
    if (g.due_state === "on_track") continue;
    counts[g.kind][g.due_state] += g.count;
    if (g.due_state !== "overdue") continue;
    const site = overdueBySite.get(g.site_id) ?? { id: g.site_id, name: g.site_name, overdue: 0 };
    site.overdue += g.count;
    overdueBySite.set(g.site_id, site);
  }
  const rows = raw.map((r): SurveyDashboardDeadline => {
    const dueAt = new Date(r.due_ms);
    return {
      id: r.id,
      roundTitle: r.round_title,
      site: { code: r.site_code, name: r.site_name },
      tenantName: r.tenant_name,
      departmentName: r.department_name,
      state: r.state,
      kind: r.kind,
      dueAt,
      dueLocal: formatInZone(dueAt, r.time_zone),
      dueState: r.due_state,
      provisional: false,
    };
  });
  return { rows, total, counts, overdueBySite: [...overdueBySite.values()], until };
}
