import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { numberPrefixFilter } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { Prisma } from "@/lib/generated/prisma/client";
import { countLimit, oneOf, pagedCapped, type PageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { currentDeadline, deadlineState } from "./rules";
import { SEVERITIES, STATES } from "./schema";
import { containsText } from "@/lib/text-search";

/** At most this many tenants or units match a search term before the term counts as too broad to narrow by them. */
const SEARCH_MATCH_LIMIT = 500;

/** What a search term matches, found in two steps (below). */
interface SearchMatches {
  /** The complaint numbers it is the start of (null: it cannot start one). */
  number: Prisma.StringFilter | null;
  tenantIds: string[];
  unitIds: string[];
}

/**
 * The search term's matches, in two steps: first the tenants (by name) and units (by code) of the
 * user's sites that match — small tables — then (in the list's conditions) the complaints of those ids
 * (indexes tenantId / unitId), or whose number starts with the term (the unique index on number). A
 * join of the names into the whole complaint table would scan it.
 */
async function searchMatches(q: string, sites: string[]): Promise<SearchMatches> {
  const [tenants, units] = await Promise.all([
    db.tenant.findMany({
      where: { siteId: { in: sites }, name: containsText(q) },
      select: { id: true },
      take: SEARCH_MATCH_LIMIT,
    }),
    db.unit.findMany({
      where: { siteId: { in: sites }, code: containsText(q) },
      select: { id: true },
      take: SEARCH_MATCH_LIMIT,
    }),
  ]);
  // Numbers look like "HQ-20261127-003": typed from the start, in any case. A term that cannot start
  // a number (a tenant's name) adds no condition on it: an OR with an unindexable condition made the
  // capped count scan the table (421 ms on 1 000 000 complaints, docs/performance.md).
  return { number: numberPrefixFilter(q), tenantIds: tenants.map((t) => t.id), unitIds: units.map((u) => u.id) };
}

/** The list's filter, resolved once; the page's rows and its capped count both read it. */
interface ListConditions {
  sites: string[];
  state?: (typeof STATES)[number];
  severity?: (typeof SEVERITIES)[number];
  search?: SearchMatches;
}

/** The plain list's conditions (no search: a search reads its page through searchPageIds). */
function listWhere(c: ListConditions): Prisma.ComplaintWhereInput {
  // Prisma leaves out a condition whose value is undefined: an unknown choice is no filter.
  return { siteId: { in: c.sites }, state: c.state, severity: c.severity };
}

/**
 * The same conditions for the capped count, in SQL: Prisma writes a count with `take` as
 * `… ORDER BY id LIMIT n`, which must read and sort every matching complaint before it stops (a
 * tenant-name search on three years of fifty sites: 3 350 rows read and sorted to count 1 001). Without
 * the order the scan stops at the cap. The number prefix is numberPrefixFilter's range (the unique index
 * on number) with its prefix test (the exact match), as Prisma writes it for the rows.
 */
function listConditionsSql(c: ListConditions): Prisma.Sql {
  const parts = [baseConditionsSql(c)];
  const s = c.search;
  if (s) {
    const any = [
      ...(s.number ? [numberConditionSql(s.number)] : []),
      ...(s.tenantIds.length ? [Prisma.sql`"tenantId" = ANY(${s.tenantIds})`] : []),
      ...(s.unitIds.length ? [Prisma.sql`"unitId" = ANY(${s.unitIds})`] : []),
    ];
    parts.push(any.length ? Prisma.sql`(${Prisma.join(any, " OR ")})` : Prisma.sql`FALSE`);
  }
  return Prisma.join(parts, " AND ");
}

/** The sites, state and severity of the list, in SQL. */
function baseConditionsSql(c: ListConditions): Prisma.Sql {
  const parts = [Prisma.sql`"siteId" = ANY(${c.sites})`];
  if (c.state) parts.push(Prisma.sql`state = ${c.state}::"ComplaintState"`);
  if (c.severity) parts.push(Prisma.sql`severity = ${c.severity}::"ComplaintSeverity"`);
  return Prisma.join(parts, " AND ");
}

/** numberPrefixFilter's range (the unique index on number) with its prefix test, as Prisma writes it. */
function numberConditionSql(number: Prisma.StringFilter): Prisma.Sql {
  return Prisma.sql`(number >= ${number.gte} AND number < ${number.lt} AND starts_with(number, ${number.startsWith}))`;
}

/**
 * The ids of a search's page, newest first (ties by id). Each matched tenant's and unit's complaints
 * are read newest first from their (tenantId | unitId, receivedAt) index, at most the page's end of
 * each, and so are the numbers the term starts; the union is sorted and cut to the page. An OR of the
 * ids read every complaint of every matched tenant and sorted them all: a tenant-name search on three
 * years of fifty sites read 3 350 rows for 20 (257 ms from a cold cache, docs/performance.md).
 */
async function searchPageIds(c: ListConditions, search: SearchMatches, page: PageRequest): Promise<string[]> {
  const base = baseConditionsSql(c);
  const upTo = page.skip + page.take;
  const newestOf = (column: "tenantId" | "unitId", keys: string[]) => Prisma.sql`
    SELECT c.id, c."receivedAt" FROM unnest(${keys}::text[]) AS k(key)
    CROSS JOIN LATERAL (
      SELECT id, "receivedAt" FROM "Complaint"
       WHERE ${Prisma.raw(`"${column}"`)} = k.key AND ${base}
       ORDER BY "receivedAt" DESC LIMIT ${upTo}
    ) c`;
  const branches = [
    ...(search.tenantIds.length ? [newestOf("tenantId", search.tenantIds)] : []),
    ...(search.unitIds.length ? [newestOf("unitId", search.unitIds)] : []),
    ...(search.number
      ? [
          Prisma.sql`(SELECT id, "receivedAt" FROM "Complaint"
             WHERE ${numberConditionSql(search.number)} AND ${base}
             ORDER BY "receivedAt" DESC LIMIT ${upTo})`,
        ]
      : []),
  ];
  if (branches.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (${Prisma.join(branches, " UNION ")}) m
     ORDER BY "receivedAt" DESC, id DESC OFFSET ${page.skip} LIMIT ${page.take}`;
  return rows.map((r) => r.id);
}

/** Complaints of the user's sites, newest first, filtered and paginated in SQL; the total is capped (pagination.COUNT_CAP). */
export async function listComplaints(filter: { q?: string; site?: string; state?: string; severity?: string }, page: PageRequest) {
  const actor = await requirePermission("complaint:read");
  const sites = siteScope(actor, filter.site);
  const conditions: ListConditions = {
    sites,
    state: oneOf(STATES, filter.state),
    severity: oneOf(SEVERITIES, filter.severity),
    search: filter.q ? await searchMatches(filter.q, sites) : undefined,
  };
  const search = conditions.search;
  // A search reads its page's ids first (searchPageIds), then those rows; the plain list reads its page.
  const pageIds = search ? await searchPageIds(conditions, search, page) : null;
  const [rows, total, calendars] = await Promise.all([
    db.complaint.findMany({
      where: pageIds ? { id: { in: pageIds } } : listWhere(conditions),
      select: {
        id: true,
        number: true,
        siteId: true,
        severity: true,
        state: true,
        category: true,
        receivedAt: true,
        rectificationDueAt: true,
        revisitDueAt: true,
        site: { select: { code: true, timeZone: true } },
        tenant: { select: { name: true } },
        unit: { select: { code: true } },
        department: { select: { name: true } },
      },
      orderBy: pageIds ? [{ receivedAt: "desc" }, { id: "desc" }] : [{ receivedAt: "desc" }],
      ...(pageIds ? {} : { skip: page.skip, take: page.take }),
    }),
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM "Complaint" WHERE ${listConditionsSql(conditions)} LIMIT ${countLimit(page)}
      ) capped`.then((r) => r[0].n),
    loadSiteCalendars(sites),
  ]);
  const now = new Date();
  return pagedCapped(
    rows.map((r) => {
      const calendar = calendars.get(r.siteId)!;
      const deadline = currentDeadline(r);
      return {
        ...r,
        receivedLocal: formatInZone(r.receivedAt, r.site.timeZone),
        deadline: deadline
          ? {
              kind: deadline.kind,
              dueLocal: formatInZone(deadline.dueAt, r.site.timeZone),
              state: deadlineState(calendar, deadline.dueAt, null, now, deadline.kind),
            }
          : null,
      };
    }),
    total,
    page,
  );
}

/** One complaint with its whole history; another site's complaint is "not found" (null). */
export async function getComplaint(id: string) {
  const actor = await requirePermission("complaint:read");
  const c = await db.complaint.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      number: true,
      siteId: true,
      source: true,
      category: true,
      severity: true,
      description: true,
      state: true,
      round: true,
      receivedAt: true,
      backdated: true,
      rectificationDueAt: true,
      rectificationDueProvisional: true,
      rectifiedAt: true,
      revisitDueAt: true,
      revisitDueProvisional: true,
      revisitedAt: true,
      closedAt: true,
      site: { select: { code: true, name: true, timeZone: true } },
      tenant: {
        select: {
          name: true,
          // Confidential (§1.9): contacts only for roles that may read them.
          contacts: roleHas(actor.role, "tenant:contact:read")
            ? { select: { name: true, phone: true }, orderBy: { isPrimary: "desc" }, take: 1 }
            : false,
        },
      },
      unit: { select: { code: true } },
      department: { select: { name: true } },
      receivedBy: { select: { name: true } },
      photos: { select: { fileId: true, rectificationId: true } },
      rectifications: {
        select: {
          id: true,
          round: true,
          dueAt: true,
          startedAt: true,
          startedById: true,
          rectifiedAt: true,
          rectifiedById: true,
          actionTaken: true,
        },
        orderBy: { round: "asc" },
      },
      revisits: {
        select: {
          id: true,
          round: true,
          dueAt: true,
          method: true,
          revisitedAt: true,
          satisfaction: true,
          clientName: true,
          comments: true,
          signatureFileId: true,
          signedAt: true,
          completedAt: true,
          by: { select: { name: true } },
        },
        orderBy: { round: "asc" },
      },
    },
  });
  if (!c) return null;
  const staffIds = [...new Set(c.rectifications.flatMap((r) => [r.startedById, r.rectifiedById]).filter((x): x is string => !!x))];
  const [staff, calendars] = await Promise.all([
    db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }),
    loadSiteCalendars([c.siteId]),
  ]);
  const nameOf = (userId: string | null) => staff.find((s) => s.id === userId)?.name ?? null;
  const calendar = calendars.get(c.siteId)!;
  const now = new Date();
  const tz = c.site.timeZone;
  const fmt = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  return {
    ...c,
    local: {
      receivedAt: fmt(c.receivedAt),
      rectificationDueAt: fmt(c.rectificationDueAt),
      revisitDueAt: fmt(c.revisitDueAt),
      closedAt: fmt(c.closedAt),
    },
    rectificationState: deadlineState(calendar, c.rectificationDueAt, c.rectifiedAt, now, "rectification"),
    revisitState: c.revisitDueAt
      ? deadlineState(calendar, c.revisitDueAt, c.state === "REVISITED" || c.state === "CLOSED" ? c.revisitedAt : null, now, "revisit")
      : null,
    rectifications: c.rectifications.map((r) => ({
      ...r,
      startedBy: nameOf(r.startedById),
      rectifiedBy: nameOf(r.rectifiedById),
      local: { dueAt: fmt(r.dueAt), startedAt: fmt(r.startedAt), rectifiedAt: fmt(r.rectifiedAt) },
      onTime: r.rectifiedAt ? r.rectifiedAt <= r.dueAt : null,
      photoIds: c.photos.filter((p) => p.rectificationId === r.id).map((p) => p.fileId),
    })),
    revisits: c.revisits.map((v) => ({
      ...v,
      local: { dueAt: fmt(v.dueAt), revisitedAt: fmt(v.revisitedAt), signedAt: fmt(v.signedAt) },
      // R-CMP-4: done only once the client signed.
      awaitingSignature: !v.completedAt,
      onTime: v.completedAt ? v.completedAt <= v.dueAt : null,
    })),
    intakePhotoIds: c.photos.filter((p) => !p.rectificationId).map((p) => p.fileId),
  };
}

export type ComplaintDetail = NonNullable<Awaited<ReturnType<typeof getComplaint>>>;

/** What the intake form offers: the user's sites and their departments. */
export async function intakeOptions() {
  const actor = await requirePermission("complaint:create");
  const [sites, departments] = await Promise.all([
    sitesWith(actor.siteIds, "id", "name", "timeZone"),
    db.department.findMany({
      where: { siteId: { in: actor.siteIds } },
      select: { id: true, name: true, siteId: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
  ]);
  return { sites, departments, mayBackdate: roleHas(actor.role, "complaint:backdate") };
}
