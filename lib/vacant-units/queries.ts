import "server-only";
import { localDateOfColumn } from "@/lib/calendar";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CleaningRecordState, UnitStatus } from "@/lib/generated/prisma/enums";
import { chosenSite, showsEachSite } from "@/lib/many-sites";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { sqlInstant } from "@/lib/sql-time";
import {
  cellState,
  cellStateOf,
  currentMonth,
  isDue,
  isDueAt,
  isValidMonth,
  monthEnded,
  monthScore,
  monthsEnding,
  scheduleInstant,
  type CleaningCellState,
  type MonthKey,
  type StatusChange,
} from "./rules";
import { containsText } from "@/lib/text-search";

/** Months of the score history managers see (R-VAC-3). */
export const SCORE_MONTHS = 6;

/** What the score needs of a unit (no names: the dashboard's card reads thousands of units). */
type ScoreUnit = {
  id: string;
  siteId: string;
  status: UnitStatus;
  createdAt: Date;
  cleanerId: string | null;
  statusChanges: StatusChange[];
};

/** The same, as the month view reads it with the unit's names (Prisma's nested select). */
const SCORE_UNIT_SELECT = {
  id: true,
  siteId: true,
  status: true,
  createdAt: true,
  cleanerId: true,
  statusChanges: { select: { status: true, changedAt: true } },
} satisfies Prisma.UnitSelect;

/**
 * The units `u` the condition selects, as the score needs them, in one statement with each unit's
 * status history as one JSON array. Prisma's nested select read them in two statements, the second with
 * every unit id as a parameter, and joined them in memory: on fifty sites (~3 000 units) a third of
 * the dashboard's CPU (docs/performance.md). The rule stays in rules.ts (statusAt, isDueAt).
 */
async function scoreUnits(condition: Prisma.Sql): Promise<ScoreUnit[]> {
  const rows = await db.$queryRaw<(Omit<ScoreUnit, "statusChanges"> & { history: [UnitStatus, number][] | null })[]>`
    SELECT u.id, u."siteId", u.status::text AS status, u."createdAt", u."cleanerId",
           (SELECT json_agg(json_build_array(h.status, (extract(epoch FROM h."changedAt") * 1000)::bigint))
              FROM "UnitStatusChange" h WHERE h."unitId" = u.id) AS history
      FROM "Unit" u
     WHERE ${condition}`;
  return rows.map(({ history, ...unit }) => ({
    ...unit,
    statusChanges: (history ?? []).map(([status, at]) => ({ status, changedAt: new Date(at) })),
  }));
}

/** The units of `siteIds` that may be due in `months`, as the score needs them: the ids found inside the same statement. */
function scoreUnitsIn(siteIds: string[], months: MonthKey[]): Promise<ScoreUnit[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return scoreUnits(Prisma.sql`u.id IN (${mayBeDueIds(siteIds, months)})`);
}

/** The units that may be due, with what the month view shows of them; `q` narrows to a unit code or building. */
function unitsWithHistory(mayBeDue: Prisma.UnitWhereInput, q?: string) {
  return db.unit.findMany({
    where: {
      ...mayBeDue,
      ...(q ? { OR: [{ code: containsText(q) }, { building: containsText(q) }] } : {}),
    },
    select: {
      ...SCORE_UNIT_SELECT,
      code: true,
      building: true,
      floor: true,
      cleaner: { select: { id: true, name: true, company: true } },
    },
    orderBy: [{ building: "asc" }, { code: "asc" }],
  });
}

/**
 * Only the units that can be due in one of `months` (R-VAC-1: VACANT at the month's end): vacant now,
 * or whose status changed after the earliest month began (two days earlier, for every time zone), or
 * with a record in those months. Any other unit has had one status, not VACANT, since before then.
 * On a large company this is a few thousand units instead of every unit with its whole history. A
 * UNION of three index scans: Prisma's OR of the two relation filters scanned every unit (fifty sites:
 * 83 ms against 8 ms). Without months, every unit of the sites.
 */
function mayBeDueIds(siteIds: string[], months: MonthKey[]): Prisma.Sql {
  const sites = Prisma.join(siteIds);
  const earliest = [...months].sort()[0];
  if (!earliest) return Prisma.sql`SELECT id FROM "Unit" WHERE "siteId" IN (${sites})`;
  const since = new Date(Date.parse(`${earliest}-01T00:00:00Z`) - 2 * 86_400_000);
  return Prisma.sql`
    SELECT id FROM "Unit" WHERE "siteId" IN (${sites}) AND status = 'VACANT'
    UNION
    SELECT h."unitId" FROM "UnitStatusChange" h JOIN "Unit" u ON u.id = h."unitId"
     WHERE h."changedAt" >= ${sqlInstant(since)} AND u."siteId" IN (${sites})
    UNION
    SELECT "unitId" FROM "VacantCleaningRecord" WHERE "siteId" IN (${sites}) AND month IN (${Prisma.join(months)})`;
}

/**
 * mayBeDueIds read once, as a filter for Prisma (the month view reads the units with their names) and
 * as a condition for scoreUnits (the score with a search term, which needs every due unit).
 */
async function mayBeDueIn(siteIds: string[], months: MonthKey[]): Promise<{ where: Prisma.UnitWhereInput; sql: Prisma.Sql }> {
  if (siteIds.length === 0 || months.length === 0)
    return { where: { siteId: { in: siteIds } }, sql: Prisma.sql`u."siteId" = ANY(${siteIds})` };
  const ids = (await db.$queryRaw<{ id: string }[]>`${mayBeDueIds(siteIds, months)}`).map((r) => r.id);
  return { where: { siteId: { in: siteIds }, id: { in: ids } }, sql: Prisma.sql`u.id = ANY(${ids})` };
}

/** The record states of due units, by site and month: what the score is computed from. */
type RecordSummary = {
  unitId: string;
  siteId: string;
  month: string;
  state: CleaningRecordState;
  allPassed: boolean;
  /** R-VAC-1: cleaned by a substitute, not the unit's assigned cleaner. */
  substitute: boolean;
};

async function recordSummaries(siteIds: string[], months: MonthKey[]): Promise<RecordSummary[]> {
  if (siteIds.length === 0 || months.length === 0) return [];
  // R-VAC-2: all passed = the four checks recorded and each a pass, decided in SQL (not every check read).
  return db.$queryRaw<RecordSummary[]>`
    SELECT r."unitId", r."siteId", r.month, r.state::text AS state, r."substituteReason" IS NOT NULL AS substitute,
           COALESCE((SELECT count(*) = 4 AND bool_and(c.result = 'PASS') FROM "VacantCleaningCheck" c WHERE c."recordId" = r.id), false) AS "allPassed"
      FROM "VacantCleaningRecord" r
     WHERE r."siteId" IN (${Prisma.join(siteIds)}) AND r.month IN (${Prisma.join(months)})`;
}

/** One due unit of the month view (R-VAC-1, R-VAC-3). */
export interface VacantUnitRow {
  id: string;
  siteId: string;
  code: string;
  building: string | null;
  floor: string | null;
  statusNow: ScoreUnit["status"];
  cleaner: { id: string; name: string; company: string | null } | null;
  noCleaner: boolean;
  lastCleanedOn: string | null;
  state: CleaningCellState;
  record: { id: string; cleanedOn: string; cleaner: string; substituteReason: string | null; failures: number } | null;
}

/**
 * The month view (R-VAC-1, R-VAC-3): each unit due in the month with its dedicated cleaner, last
 * cleaning date and this month's state; per site the counts, and for managers (vacant:score) the
 * cleaning-quality score of the last six months.
 */
export async function vacantMonthView(filter: { site?: string; month?: string; q?: string }) {
  const actor = await requirePermission("vacant:read");
  // A site the reader does not have counts as none chosen (lib/many-sites.ts): the summary, not every site's units.
  const site = chosenSite(filter.site, actor.siteIds);
  const siteIds = siteScope(actor, site);
  const now = new Date();
  const sites = await db.site.findMany({
    where: { id: { in: siteIds } },
    select: { id: true, code: true, name: true, timeZone: true },
    orderBy: { code: "asc" },
  });
  const todayMonth = currentMonth(now, sites[0]?.timeZone ?? "Asia/Shanghai");
  const month = isValidMonth(filter.month) && filter.month <= todayMonth ? filter.month : todayMonth;
  const showScore = roleHas(actor.role, "vacant:score");
  const scoreMonths = monthsEnding(month, showScore ? SCORE_MONTHS : 1);

  // Many sites and none chosen (decision 020, lib/many-sites.ts): each site's counts and score, no units
  // until a site is chosen. Fifty sites' due units (~3 000 rows, every cleaning record read for the last
  // cleaning date) took seconds per view and were read by nobody.
  if (!site && !showsEachSite(sites.length)) {
    const [units, summaries] = await Promise.all([scoreUnitsIn(siteIds, scoreMonths), recordSummaries(siteIds, scoreMonths)]);
    const siteScores = scoresBySite(sites, units, summaries, scoreMonths, now).map((s) => ({ ...s, history: showScore ? s.history : [] }));
    return { month, currentMonth: todayMonth, site, sites, rows: [] as VacantUnitRow[], siteScores, showScore, bySite: true };
  }

  // Read once: the view's rows (with their names, narrowed by a search term) and, with a search term,
  // the score's units (every due unit) both start from it.
  const mayBeDue = await mayBeDueIn(siteIds, scoreMonths);
  const [units, searchedScoreUnits, summaries, records, lastCleaned] = await Promise.all([
    unitsWithHistory(mayBeDue.where, filter.q),
    filter.q ? scoreUnits(mayBeDue.sql) : null,
    recordSummaries(siteIds, scoreMonths),
    db.vacantCleaningRecord.findMany({
      where: { siteId: { in: siteIds }, month },
      select: {
        id: true,
        unitId: true,
        state: true,
        cleanedOn: true,
        substituteReason: true,
        cleaner: { select: { name: true } },
        checks: { select: { result: true } },
      },
    }),
    db.vacantCleaningRecord.groupBy({
      by: ["unitId"],
      where: { siteId: { in: siteIds }, state: { in: ["SUBMITTED", "VERIFIED"] } },
      _max: { cleanedOn: true },
    }),
  ]);
  const zoneOf = new Map(sites.map((s) => [s.id, s.timeZone]));
  const recordOf = new Map(records.map((r) => [r.unitId, r]));
  const lastOf = new Map(lastCleaned.map((r) => [r.unitId, r._max.cleanedOn]));

  const siteOrder = new Map(sites.map((s, i) => [s.id, i]));
  const rows: VacantUnitRow[] = units
    // Due units, and a unit cleaned this month before it was let (its record stays visible; the score counts due units only).
    .filter((u) => isDue(u, u.statusChanges, month, zoneOf.get(u.siteId)!, now) || recordOf.has(u.id))
    // Site by site (in code order), then building and unit as the query sorted them (stable sort).
    .sort((a, b) => siteOrder.get(a.siteId)! - siteOrder.get(b.siteId)!)
    .map((u) => {
      const record = recordOf.get(u.id) ?? null;
      const last = lastOf.get(u.id);
      return {
        id: u.id,
        siteId: u.siteId,
        code: u.code,
        building: u.building,
        floor: u.floor,
        statusNow: u.status,
        cleaner: u.cleaner,
        // R-VAC-1 (专人): a vacant unit without its dedicated cleaner is a problem to fix.
        noCleaner: !u.cleaner && u.status === "VACANT",
        lastCleanedOn: last ? localDateOfColumn(last) : null,
        state: cellState(record, month, zoneOf.get(u.siteId)!, now),
        record: record
          ? {
              id: record.id,
              cleanedOn: localDateOfColumn(record.cleanedOn),
              cleaner: record.cleaner.name,
              substituteReason: record.substituteReason,
              failures: record.checks.filter((c) => c.result === "FAIL").length,
            }
          : null,
      };
    });

  // The score needs every unit, not only those matching the search.
  const allUnits = searchedScoreUnits ?? units;
  const siteScores = scoresBySite(sites, allUnits, summaries, scoreMonths, now).map((s) => ({
    ...s,
    history: showScore ? s.history : [],
  }));

  return { month, currentMonth: todayMonth, site, sites, rows, siteScores, showScore, bySite: false };
}

export type VacantMonthView = Awaited<ReturnType<typeof vacantMonthView>>;

type Site = { id: string; code: string; name: string; timeZone: string };

/** Per site and month: due units, records, verified-and-passed, overdue and the score (R-VAC-3, rules.monthScore). */
function scoresBySite(sites: Site[], units: ScoreUnit[], summaries: RecordSummary[], months: MonthKey[], now: Date) {
  const summaryOf = new Map(summaries.map((s) => [`${s.unitId}:${s.month}`, s]));
  const unitsOf = new Map<string, ScoreUnit[]>();
  for (const u of units) {
    const ofSite = unitsOf.get(u.siteId);
    if (ofSite) ofSite.push(u);
    else unitsOf.set(u.siteId, [u]);
  }
  return sites.map((site) => {
    const siteUnits = unitsOf.get(site.id) ?? [];
    const history = months.map((m) => {
      // The month's end and whether it has passed are the site's, not the unit's: taken once (thousands of units).
      const at = scheduleInstant(m, site.timeZone, now);
      const ended = monthEnded(m, site.timeZone, now);
      const due = siteUnits.filter((u) => isDueAt(u, u.statusChanges, at));
      const score = monthScore(
        due.map((u) => {
          const s = summaryOf.get(`${u.id}:${m}`);
          return { state: s?.state ?? null, allPassed: s?.allPassed ?? false };
        }),
      );
      const overdue = due.filter((u) => cellStateOf(summaryOf.get(`${u.id}:${m}`) ?? null, ended) === "overdue").length;
      // R-VAC-1: records by a substitute count in the score as any other, and are shown beside it.
      const substitutes = due.filter((u) => summaryOf.get(`${u.id}:${m}`)?.substitute).length;
      return { month: m, ...score, overdue, substitutes };
    });
    // R-VAC-1: vacant units now without a dedicated cleaner.
    const withoutCleaner = siteUnits.filter((u) => u.status === "VACANT" && !u.cleanerId).length;
    return { site, current: history[history.length - 1], history, withoutCleaner };
  });
}

/**
 * The managers' dashboard card (考核, R-VAC-3): per site (of the reader, or the dashboard's site), last
 * month's cleaning-quality score and this month's progress. Three queries whatever the number of sites.
 */
export async function vacantScoreSummary(lastMonth?: MonthKey, filter: { site?: string } = {}) {
  const actor = await requirePermission("vacant:score");
  const now = new Date();
  const siteIds = siteScope(actor, filter.site);
  const sites = await db.site.findMany({
    where: { id: { in: siteIds } },
    select: { id: true, code: true, name: true, timeZone: true },
    orderBy: { code: "asc" },
  });
  const thisMonth = currentMonth(now, sites[0]?.timeZone ?? "Asia/Shanghai");
  // `lastMonth`: a past month and the one before it (the monthly contractor report), else this month and last.
  const months = monthsEnding(lastMonth && lastMonth < thisMonth ? lastMonth : thisMonth, 2);
  const [units, summaries] = await Promise.all([scoreUnitsIn(siteIds, months), recordSummaries(siteIds, months)]);
  return scoresBySite(sites, units, summaries, months, now).map(({ site, history: [last, current] }) => ({ site, last, current }));
}
