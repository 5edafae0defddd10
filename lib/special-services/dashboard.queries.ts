import "server-only";
import { cache } from "react";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { COUNTED_DUE_STATES, dueBounds, type CountedDueState, type OpenDueState } from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { keysetRows, paged, type KeysetOptions, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { sitesByIds } from "@/lib/registry/site.store";
import { sqlInstant as ts } from "@/lib/sql-time";

/**
 * The special-service phone revisits (R-SVC-2) on the managers' dashboard, in the complaint
 * dashboard's shape and states (lib/complaints/dashboard.*): each open revisit is overdue, due today,
 * due soon or on track, classified in SQL against each site's bounds (dueBounds). The deadline counts
 * working days, so "due soon" uses the working-day bound (the one complaint rectifications use).
 */

export const SERVICE_REVISIT_KIND = "serviceRevisit" as const;

export interface ServiceRevisitFilter {
  site?: string;
  due?: OpenDueState;
}

/** The sites in view with their bounds; the card's counts and list share it within one server render. */
const loadScope = cache(async (siteIdsKey: string) => {
  const siteIds = siteIdsKey ? siteIdsKey.split(",") : [];
  const now = new Date();
  const [sites, calendars] = await Promise.all([sitesByIds(siteIds), loadSiteCalendars(siteIds)]);
  return {
    now,
    sites: sites.flatMap((s) => {
      const calendar = calendars.get(s.id);
      return calendar ? [{ id: s.id, code: s.code, name: s.name, bounds: dueBounds(calendar, now) }] : [];
    }),
  };
});

const scopeOf = (siteIds: string[]) => loadScope(siteIds.join(","));

type Scope = Awaited<ReturnType<typeof scopeOf>>;

/** `WITH classified`: every open revisit of the scope (service done, no revisit yet) with its state. */
function openRevisitsSql(scope: Scope): Prisma.Sql {
  const rows = scope.sites.map((s) => Prisma.sql`(${s.id}, ${ts(s.bounds.todayEnd)}, ${ts(s.bounds.soonBefore.rectification)})`);
  return Prisma.sql`
    WITH site_bounds (site_id, today_end, soon_before) AS (VALUES ${Prisma.join(rows)}),
    classified AS (
      SELECT o.id, o."siteId" AS site_id, o."tenantId" AS tenant_id, o."unitId" AS unit_id, o."serviceName" AS service_name,
             o."noticeNumber" AS notice_number, o."revisitDueAt" AS due_at, o."revisitDueProvisional" AS provisional, o."doneAt" AS done_at,
             CASE WHEN o."revisitDueAt" < ${ts(scope.now)} THEN 'overdue'
                  WHEN o."revisitDueAt" <= b.today_end THEN 'due_today'
                  WHEN o."revisitDueAt" < b.soon_before THEN 'due_soon'
                  ELSE 'on_track' END AS due_state
        FROM "SpecialServiceOrder" o
        JOIN site_bounds b ON b.site_id = o."siteId"
       WHERE o.state = 'DONE' AND o."revisitedAt" IS NULL AND o."revisitDueAt" IS NOT NULL
    )`;
}

interface OpenRevisitRaw {
  id: string;
  notice_number: string | null;
  service_name: string;
  due_ms: number;
  done_ms: number;
  provisional: boolean;
  due_state: OpenDueState;
  tenant_name: string;
  unit_code: string | null;
  site_code: string;
  site_name: string;
  time_zone: string;
}

function dueCondition(due: OpenDueState | undefined): Prisma.Sql {
  return due ? Prisma.sql`k.due_state = ${due}` : Prisma.sql`TRUE`;
}

/**
 * One page of the open revisits, oldest overdue first (by due instant, then id): `skip` rows into the
 * list, or the rows after `after` (the export's keyset batches).
 */
async function queryOpenRevisits(
  scope: Scope,
  due: OpenDueState | undefined,
  page: { take: number; skip?: number; after?: { dueAt: Date; id: string } | null },
) {
  const after = page.after ? Prisma.sql`(k.due_at, k.id) > (${ts(page.after.dueAt)}, ${page.after.id})` : Prisma.sql`TRUE`;
  const raw = await db.$queryRaw<OpenRevisitRaw[]>`
    ${openRevisitsSql(scope)}
    SELECT k.id, k.notice_number, k.service_name, (extract(epoch FROM k.due_at) * 1000)::float8 AS due_ms,
           (extract(epoch FROM k.done_at) * 1000)::float8 AS done_ms, k.provisional, k.due_state,
           t.name AS tenant_name, u.code AS unit_code, s.code AS site_code, s.name AS site_name, s."timeZone" AS time_zone
      FROM classified k
      JOIN "Site" s ON s.id = k.site_id
      JOIN "Tenant" t ON t.id = k.tenant_id
      LEFT JOIN "Unit" u ON u.id = k.unit_id
     WHERE ${dueCondition(due)} AND ${after}
     ORDER BY k.due_at ASC, k.id ASC
     LIMIT ${page.take}::int OFFSET ${page.skip ?? 0}::int`;
  return raw.map((r) => {
    const dueAt = new Date(r.due_ms);
    return {
      id: r.id,
      number: r.notice_number,
      serviceName: r.service_name,
      site: { code: r.site_code, name: r.site_name },
      tenantName: r.tenant_name,
      unitCode: r.unit_code,
      kind: SERVICE_REVISIT_KIND,
      dueAt,
      dueLocal: formatInZone(dueAt, r.time_zone),
      dueState: r.due_state,
      provisional: r.provisional,
      doneLocal: formatInZone(new Date(r.done_ms), r.time_zone),
    };
  });
}

/**
 * Open revisit deadlines, oldest overdue first (by due instant), filtered and paginated in SQL; rows in
 * the complaint dashboard's deadline shape (number, site, tenant, unit, kind, due, state, provisional).
 */
export async function listOpenServiceRevisits(filter: ServiceRevisitFilter, page: PageRequest) {
  const actor = await requirePermission("service:dashboard");
  const scope = await scopeOf(siteScope(actor, filter.site));
  if (scope.sites.length === 0) return paged([], 0, page);
  const [rows, [{ total }]] = await Promise.all([
    queryOpenRevisits(scope, filter.due, page),
    db.$queryRaw<
      { total: number }[]
    >`${openRevisitsSql(scope)} SELECT count(*)::int AS total FROM classified k WHERE ${dueCondition(filter.due)}`,
  ]);
  return paged(rows, total, page);
}

/**
 * The dashboard export's sheet of open revisits: the list's rows up to `maxRows`, read in keyset batches
 * while the file is written (the permission and the sites are checked here, before it starts).
 */
export async function exportOpenServiceRevisits(filter: ServiceRevisitFilter, options: KeysetOptions) {
  const actor = await requirePermission("service:dashboard");
  const scope = await scopeOf(siteScope(actor, filter.site));
  if (scope.sites.length === 0) return [];
  return keysetRows((after: OpenServiceRevisit | null, take) => queryOpenRevisits(scope, filter.due, { take, after }), options);
}

export type OpenServiceRevisit = Awaited<ReturnType<typeof queryOpenRevisits>>[number];

export type RevisitCells = Record<CountedDueState, number>;

/** Open revisits overdue / due today / due soon, per site (every site in view, zeros included) and in total. */
export async function serviceRevisitCounts(filter: Pick<ServiceRevisitFilter, "site"> = {}) {
  const actor = await requirePermission("service:dashboard");
  const scope = await scopeOf(siteScope(actor, filter.site));
  const empty = (): RevisitCells => ({ overdue: 0, due_today: 0, due_soon: 0 });
  const bySite = scope.sites.map((s) => ({ id: s.id, label: s.name, cells: empty() }));
  const total = empty();
  if (scope.sites.length === 0) return { bySite, total };
  const groups = await db.$queryRaw<{ siteId: string; dueState: OpenDueState; count: number }[]>`
    ${openRevisitsSql(scope)}
    SELECT k.site_id AS "siteId", k.due_state AS "dueState", count(*)::int AS count
      FROM classified k
     WHERE k.due_state <> 'on_track'
     GROUP BY k.site_id, k.due_state`;
  for (const g of groups) {
    if (!(COUNTED_DUE_STATES as readonly string[]).includes(g.dueState)) continue;
    const state = g.dueState as CountedDueState;
    const site = bySite.find((s) => s.id === g.siteId);
    if (site) site.cells[state] += g.count;
    total[state] += g.count;
  }
  return { bySite, total };
}
