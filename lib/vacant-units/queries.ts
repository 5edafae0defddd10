import "server-only";
import { localDateOfColumn } from "@/lib/calendar";
import { requirePermission } from "@/lib/auth/guard";
import { firstInstant, versionedMemo } from "@/lib/cache-version";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UnitStatus } from "@/lib/generated/prisma/enums";
import { chosenSite, showsEachSite } from "@/lib/many-sites";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { sqlInstant } from "@/lib/sql-time";
import {
  cellState,
  currentMonth,
  endOfMonth,
  isDue,
  isValidMonth,
  monthEnded,
  monthScoreOf,
  monthsEnding,
  scheduleInstant,
  type CleaningCellState,
  type MonthKey,
} from "./rules";
import { containsText } from "@/lib/text-search";

/** Months of the score history managers see (R-VAC-3). */
export const SCORE_MONTHS = 6;

/** What the month view reads of a unit to decide whether it is due (R-VAC-1, rules.isDue). */
const DUE_UNIT_SELECT = {
  id: true,
  siteId: true,
  status: true,
  createdAt: true,
  cleanerId: true,
  statusChanges: { select: { status: true, changedAt: true } },
} satisfies Prisma.UnitSelect;

/** The units that may be due, with what the month view shows of them; `q` narrows to a unit code or building. */
function unitsWithHistory(mayBeDue: Prisma.UnitWhereInput, q?: string) {
  return db.unit.findMany({
    where: {
      ...mayBeDue,
      ...(q ? { OR: [{ code: containsText(q) }, { building: containsText(q) }] } : {}),
    },
    select: {
      ...DUE_UNIT_SELECT,
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

/** mayBeDueIds read once, as a filter for Prisma (the month view reads the units with their names). */
async function mayBeDueIn(siteIds: string[], months: MonthKey[]): Promise<Prisma.UnitWhereInput> {
  if (siteIds.length === 0 || months.length === 0) return { siteId: { in: siteIds } };
  const ids = (await db.$queryRaw<{ id: string }[]>`${mayBeDueIds(siteIds, months)}`).map((r) => r.id);
  return { siteId: { in: siteIds }, id: { in: ids } };
}

/** One due unit of the month view (R-VAC-1, R-VAC-3). */
export interface VacantUnitRow {
  id: string;
  siteId: string;
  code: string;
  building: string | null;
  floor: string | null;
  statusNow: UnitStatus;
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
  const sites = await sitesWith(siteIds, "id", "code", "name", "timeZone");
  const todayMonth = currentMonth(now, sites[0]?.timeZone ?? "Asia/Shanghai");
  const month = isValidMonth(filter.month) && filter.month <= todayMonth ? filter.month : todayMonth;
  const showScore = roleHas(actor.role, "vacant:score");
  const scoreMonths = monthsEnding(month, showScore ? SCORE_MONTHS : 1);

  // Many sites and none chosen (decision 020, lib/many-sites.ts): each site's counts and score, no units
  // until a site is chosen. Fifty sites' due units (~3 000 rows, every cleaning record read for the last
  // cleaning date) took seconds per view and were read by nobody.
  if (!site && !showsEachSite(sites.length)) {
    const siteScores = (await scoresBySite(sites, scoreMonths, now, { withoutCleaner: true })).map((s) => ({
      ...s,
      history: showScore ? s.history : [],
    }));
    return { month, currentMonth: todayMonth, site, sites, rows: [] as VacantUnitRow[], siteScores, showScore, bySite: true };
  }

  // The rows are the due units of the month (narrowed by a search term); the score counts every due unit in SQL.
  const [units, scores, records, lastCleaned] = await Promise.all([
    mayBeDueIn(siteIds, [month]).then((mayBeDue) => unitsWithHistory(mayBeDue, filter.q)),
    scoresBySite(sites, scoreMonths, now, { withoutCleaner: true }),
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

  const siteScores = scores.map((s) => ({
    ...s,
    history: showScore ? s.history : [],
  }));

  return { month, currentMonth: todayMonth, site, sites, rows, siteScores, showScore, bySite: false };
}

export type VacantMonthView = Awaited<ReturnType<typeof vacantMonthView>>;

type Site = { id: string; code: string; name: string; timeZone: string };

/** The counts of a site's month as scoresBySite reads them from SQL. */
type MonthCounts = { due: number; done: number; verified: number; verifiedPassed: number; overdue: number; substitutes: number };

/**
 * Per site and month: due units, records, verified-and-passed, overdue, substitutes and the score
 * (R-VAC-1..3), counted in one grouped statement whatever the number of sites and units, with the
 * month's schedule instant and end taken per site in JS (rules.scheduleInstant, rules.monthEnded).
 * The SQL reads R-VAC-1 as rules.ts states it for one unit (statusAt, isDueAt, cellStateOf): a unit
 * is due when its latest status change at or before the instant is VACANT, or, without any change,
 * when it existed then and is VACANT; overdue = due, the month ended, and no submitted or verified
 * record. tests/integration/vacant-units.test.ts holds the two to the same answer (the rows of the
 * month view against its score). Reading the ~3 000 candidate units of fifty sites with their
 * histories into JS cost the dashboard ~60 ms of CPU a view (docs/performance.md).
 */
async function scoresBySite(sites: Site[], months: MonthKey[], now: Date, options: { withoutCleaner?: boolean } = {}) {
  const key = JSON.stringify([sites.map((s) => s.id), months, options.withoutCleaner ?? false]);
  return scores.get(key, () => countScores(sites, months, now, options), { at: now, until: () => scoreHorizon(sites, now) });
}

/**
 * The scores of a set of sites and months, kept in memory while no unit, status change, cleaning record
 * or check is written and the clock has not reached their horizon (lib/cache-version.ts versionedMemo,
 * decision 026): the dashboard's card and the month view's six months counted every unit of the sites
 * on each view (~75 ms of the database's time on fifty sites), though the months that ended no longer
 * move and the running one moves only with a write.
 */
const scores = versionedMemo<Awaited<ReturnType<typeof countScores>>>(["vacant", "site"], 100);

/**
 * The first instant at which time alone changes a score of these sites: the end of a site's month (its
 * units left uncleaned turn overdue, R-VAC-1), or a status change or a unit dated after now (the running
 * month reads each unit's status at now).
 */
async function scoreHorizon(sites: Site[], now: Date): Promise<Date> {
  if (sites.length === 0) return now;
  const inSites = Prisma.join(sites.map((s) => s.id));
  return firstInstant(
    Prisma.sql`LEAST(
      (SELECT min(h."changedAt") FROM "UnitStatusChange" h JOIN "Unit" u ON u.id = h."unitId"
        WHERE h."changedAt" > ${sqlInstant(now)} AND u."siteId" IN (${inSites})),
      (SELECT min(u."createdAt") FROM "Unit" u WHERE u."createdAt" > ${sqlInstant(now)} AND u."siteId" IN (${inSites})))`,
    sites.map((s) => new Date(endOfMonth(currentMonth(now, s.timeZone), s.timeZone).getTime() + 1)),
  );
}

async function countScores(sites: Site[], months: MonthKey[], now: Date, options: { withoutCleaner?: boolean }) {
  const siteIds = sites.map((s) => s.id);
  const schedule = sites.flatMap((site) =>
    months.flatMap((month) => {
      const at = scheduleInstant(month, site.timeZone, now);
      return at ? [{ siteId: site.id, month, at, ended: monthEnded(month, site.timeZone, now) }] : [];
    }),
  );
  const [counted, withoutCleaner] = await Promise.all([
    schedule.length === 0
      ? []
      : db.$queryRaw<({ site_id: string; month: MonthKey } & MonthCounts)[]>`
    WITH schedule (site_id, month, at, ended) AS (
      VALUES ${Prisma.join(schedule.map((r) => Prisma.sql`(${r.siteId}, ${r.month}, ${sqlInstant(r.at)}, ${r.ended}::boolean)`))}
    ),
    candidate AS MATERIALIZED (${mayBeDueIds(siteIds, months)}),
    due AS (
      -- From the candidates, each unit found by its key and its site's index (not every unit hashed).
      SELECT s.site_id, s.month, s.ended, u.id AS unit_id
        FROM candidate c
        JOIN "Unit" u ON u.id = c.id AND u."siteId" IN (${Prisma.join(siteIds)})
        JOIN schedule s ON s.site_id = u."siteId"
       WHERE COALESCE(
               (SELECT h.status FROM "UnitStatusChange" h
                 WHERE h."unitId" = u.id AND h."changedAt" <= s.at
                 ORDER BY h."changedAt" DESC LIMIT 1),
               CASE WHEN u."createdAt" <= s.at AND NOT EXISTS (SELECT 1 FROM "UnitStatusChange" h WHERE h."unitId" = u.id)
                    THEN u.status END
             ) = 'VACANT'
    )
    SELECT d.site_id, d.month, count(*)::int AS due,
           (count(*) FILTER (WHERE r.state IN ('SUBMITTED', 'VERIFIED')))::int AS done,
           (count(*) FILTER (WHERE r.state = 'VERIFIED'))::int AS verified,
           -- R-VAC-2: all passed = the four checks recorded and each a pass.
           (count(*) FILTER (WHERE r.state = 'VERIFIED' AND (SELECT count(*) = 4 AND bool_and(c.result = 'PASS')
                                                               FROM "VacantCleaningCheck" c WHERE c."recordId" = r.id)))::int AS "verifiedPassed",
           (count(*) FILTER (WHERE d.ended AND (r.state IS NULL OR r.state NOT IN ('SUBMITTED', 'VERIFIED'))))::int AS overdue,
           -- R-VAC-1: records by a substitute count in the score as any other, and are shown beside it.
           (count(*) FILTER (WHERE r."substituteReason" IS NOT NULL))::int AS substitutes
      FROM due d
      -- Each due unit's record of the month by the (unit, month) key. As a plain join the planner looked
      -- records up by unit alone and walked each unit's three years of months (LIMIT 1 keeps it a lookup).
      LEFT JOIN LATERAL (SELECT r.id, r.state, r."substituteReason" FROM "VacantCleaningRecord" r
                          WHERE r."unitId" = d.unit_id AND r.month = d.month LIMIT 1) r ON TRUE
     GROUP BY d.site_id, d.month`,
    // R-VAC-1: vacant units now without a dedicated cleaner (the month view's table).
    options.withoutCleaner && siteIds.length > 0
      ? db.unit.groupBy({ by: ["siteId"], where: { siteId: { in: siteIds }, status: "VACANT", cleanerId: null }, _count: { _all: true } })
      : [],
  ]);
  const countsOf = new Map(counted.map((c) => [`${c.site_id}:${c.month}`, c]));
  const withoutCleanerOf = new Map(withoutCleaner.map((w) => [w.siteId, w._count._all]));
  return sites.map((site) => {
    const history = months.map((month) => {
      const c = countsOf.get(`${site.id}:${month}`);
      const { due = 0, done = 0, verified = 0, verifiedPassed = 0, overdue = 0, substitutes = 0 } = c ?? {};
      return { month, ...monthScoreOf({ due, done, verified, verifiedPassed }), overdue, substitutes };
    });
    return { site, current: history[history.length - 1], history, withoutCleaner: withoutCleanerOf.get(site.id) ?? 0 };
  });
}

/**
 * The managers' dashboard card (考核, R-VAC-3): per site (of the reader, or the dashboard's site), last
 * month's cleaning-quality score and this month's progress. Two queries whatever the number of sites.
 */
export async function vacantScoreSummary(lastMonth?: MonthKey, filter: { site?: string } = {}) {
  const actor = await requirePermission("vacant:score");
  const now = new Date();
  const siteIds = siteScope(actor, filter.site);
  const sites = await sitesWith(siteIds, "id", "code", "name", "timeZone");
  const thisMonth = currentMonth(now, sites[0]?.timeZone ?? "Asia/Shanghai");
  // `lastMonth`: a past month and the one before it (the monthly contractor report), else this month and last.
  const months = monthsEnding(lastMonth && lastMonth < thisMonth ? lastMonth : thisMonth, 2);
  return (await scoresBySite(sites, months, now)).map(({ site, history: [last, current] }) => ({ site, last, current }));
}
