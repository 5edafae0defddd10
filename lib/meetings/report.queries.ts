import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { addDays, dateColumn, localDateOfColumn, type LocalDate } from "@/lib/calendar";
import { versionedMemo } from "@/lib/cache-version";
import { db, reportDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { siteScope } from "@/lib/registry/site.queries";
import { sitesWith } from "@/lib/registry/site.store";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import {
  DASHBOARD_WEEKS,
  STRIP_WEEKS,
  attendanceTally,
  completedMondays,
  countMissing,
  countUnconfirmed,
  quarterFromKey,
  recentMondays,
  recentQuarters,
  siteToday,
  weekCells,
  type AttendanceTally,
  type HeldMeeting,
} from "./report.rules";

/** `@db.Date` columns hold the local date at UTC midnight. */

/**
 * The actor's sites and the one asked for (default: the first by code). A site that is not the
 * actor's does not exist for them (not_found), so a crafted URL shows nothing of another site.
 */
export async function resolveReportSite(actor: Actor, requested: string | undefined) {
  if (requested && !actor.siteIds.includes(requested)) throw new AccessError("not_found");
  // The report pages read the replica, their sites included (tests/integration/replica.test.ts).
  const sites = await reportDb.site.findMany({
    where: { id: { in: actor.siteIds } },
    select: { id: true, code: true, name: true, timeZone: true },
    orderBy: { code: "asc" },
  });
  const site = sites.find((s) => s.id === requested) ?? sites[0];
  if (!site) throw new AccessError("not_found");
  return { sites, site };
}

/** Series of some sites with what the week strip needs (R-MTG-1). */
async function seriesOf(siteIds: string[], client: typeof db = reportDb) {
  return client.meetingSeries.findMany({
    where: { siteId: { in: siteIds } },
    select: { id: true, siteId: true, kind: true, name: true, startsOn: true, active: true },
    orderBy: [{ siteId: "asc" }, { kind: "asc" }],
  });
}

/**
 * Every meeting of the given series dated in [from, to], grouped by series, with how many people are
 * expected and how many of them have no attendance recorded: one query, the attendance read through its
 * (meetingId, participantId) index for these meetings only. (Prisma's filtered _count aggregated the
 * whole attendance table, three years of fifty sites, on every view.)
 */
async function meetingsBySeries(seriesIds: string[], from: LocalDate, to: LocalDate, client: typeof db = reportDb) {
  const bySeries = new Map<string, HeldMeeting[]>();
  if (seriesIds.length === 0) return bySeries;
  const rows = await client.$queryRaw<
    { id: string; series_id: string; date: LocalDate; state: string; people: number; unrecorded: number }[]
  >`
    SELECT m.id, m."seriesId" AS series_id, to_char(m.date, 'YYYY-MM-DD') AS date, m.state::text AS state,
           count(a.id)::int AS people, (count(a.id) FILTER (WHERE a.status IS NULL))::int AS unrecorded
      FROM "Meeting" m
      LEFT JOIN "MeetingAttendance" a ON a."meetingId" = m.id
     WHERE m."seriesId" IN (${Prisma.join(seriesIds)}) AND m.date >= ${from}::date AND m.date <= ${to}::date
     GROUP BY m.id
     ORDER BY m.date ASC`;
  for (const r of rows) {
    const list = bySeries.get(r.series_id) ?? [];
    list.push({
      id: r.id,
      date: r.date,
      // R-MTG-1: held = the attendance of every expected person is recorded.
      attendanceRecorded: r.people > 0 && r.unrecorded === 0,
      confirmed: r.state === "CONFIRMED",
    });
    bySeries.set(r.series_id, list);
  }
  return bySeries;
}

export interface PersonAttendance {
  id: string;
  seriesId: string;
  name: string;
  organization: string | null;
  position: string | null;
  active: boolean;
  tally: AttendanceTally;
}

export interface SeriesAttendance {
  /** Meetings of the series in the range. */
  meetings: number;
  people: PersonAttendance[];
}

export interface ComplianceFilter {
  site?: string;
  quarter?: string;
}

/**
 * Meeting compliance (R-MTG-1) for one site: per series the last STRIP_WEEKS weeks (held / missing / pending) and
 * the count of missing weeks (R-MTG-1); then the chosen quarter's attendance per person (R-MTG-3).
 */
export async function meetingCompliance(filter: ComplianceFilter, now = new Date()) {
  const actor = await requirePermission("meeting:compliance");
  const { sites, site } = await resolveReportSite(actor, filter.site);
  const today = siteToday(now, site.timeZone);
  const mondays = recentMondays(today, STRIP_WEEKS);
  const series = await seriesOf([site.id]);
  const held = await meetingsBySeries(
    series.map((s) => s.id),
    mondays[0],
    addDays(mondays[mondays.length - 1], 6),
  );
  const strips = series.map((s) => {
    const cells = weekCells({ startsOn: localDateOfColumn(s.startsOn), active: s.active }, held.get(s.id) ?? [], mondays, today);
    return {
      id: s.id,
      kind: s.kind,
      name: s.name,
      active: s.active,
      cells,
      missing: countMissing(cells),
      unconfirmed: countUnconfirmed(cells),
    };
  });
  const quarters = recentQuarters(today, 4);
  const quarter = quarterFromKey(filter.quarter ?? "") ?? quarters[0];
  const attendance = await quarterAttendance(site.id, quarter.from, quarter.to < today ? quarter.to : today);
  return {
    sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    today,
    strips,
    quarters: quarters.map((q) => q.key),
    quarter,
    attendance: series.map((s) => ({ id: s.id, name: s.name, ...(attendance.get(s.id) ?? { meetings: 0, people: [] }) })),
  };
}

/**
 * R-MTG-3 figures per participant of each series of a site, over its meetings dated in [from, to]
 * (up to today: scheduled future meetings are not counted). Counts are grouped in SQL.
 */
async function quarterAttendance(siteId: string, from: LocalDate, to: LocalDate): Promise<Map<string, SeriesAttendance>> {
  const inRange = { siteId, date: { gte: dateColumn(from), lte: dateColumn(to) } };
  const [participants, grouped, meetingCounts] = await Promise.all([
    reportDb.meetingParticipant.findMany({
      where: { series: { siteId } },
      select: { id: true, seriesId: true, name: true, organization: true, position: true, active: true },
      orderBy: [{ seriesId: "asc" }, { name: "asc" }],
    }),
    reportDb.meetingAttendance.groupBy({
      by: ["participantId", "status"],
      where: { meeting: inRange },
      _count: { _all: true },
    }),
    reportDb.meeting.groupBy({ by: ["seriesId"], where: inRange, _count: { _all: true } }),
  ]);
  const countsOf = new Map<string, { status: AttendanceStatus | null; count: number }[]>();
  for (const g of grouped) {
    const list = countsOf.get(g.participantId) ?? [];
    list.push({ status: g.status, count: g._count._all });
    countsOf.set(g.participantId, list);
  }
  const bySeries = new Map<string, SeriesAttendance>();
  for (const m of meetingCounts) bySeries.set(m.seriesId, { meetings: m._count._all, people: [] });
  for (const p of participants) {
    const counts = countsOf.get(p.id);
    // A former participant without a row in the range is not listed; a current one is, with zeros.
    if (!counts && !p.active) continue;
    const entry = bySeries.get(p.seriesId) ?? { meetings: 0, people: [] };
    entry.people.push({ ...p, tally: attendanceTally(counts ?? []) });
    bySeries.set(p.seriesId, entry);
  }
  return bySeries;
}

/** The quarter table alone, for its Excel export (meeting:export). */
export async function quarterAttendanceReport(filter: { site?: string; quarter?: string }, now = new Date()) {
  const actor = await requirePermission("meeting:export");
  const { site } = await resolveReportSite(actor, filter.site);
  const today = siteToday(now, site.timeZone);
  const quarter = quarterFromKey(filter.quarter ?? "") ?? recentQuarters(today, 1)[0];
  const series = await seriesOf([site.id]);
  const attendance = await quarterAttendance(site.id, quarter.from, quarter.to < today ? quarter.to : today);
  return {
    site: { id: site.id, name: site.name },
    quarter,
    series: series.map((s) => ({ id: s.id, name: s.name, ...(attendance.get(s.id) ?? { meetings: 0, people: [] }) })),
  };
}

/**
 * The manager dashboard's card: per series of all the manager's sites (or the dashboard's site), the
 * weeks among the last DASHBOARD_WEEKS completed ones without a meeting (R-MTG-1). Two queries
 * whatever the site count.
 */
export async function missingMeetingsSummary(now = new Date(), filter: { site?: string } = {}) {
  const actor = await requirePermission("meeting:compliance");
  const sites = await sitesWith(siteScope(actor, filter.site), "id", "code", "name", "timeZone");
  const todayOf = new Map(sites.map((s) => [s.id, siteToday(now, s.timeZone)]));
  // The figures depend on the sites' local dates, not the hour: the key holds them (no horizon).
  return missingMeetings.get(JSON.stringify([...todayOf]), () => countMissingMeetings(sites, todayOf));
}

/**
 * The card's figures kept in memory while no meeting, attendance or series is written (lib/cache-version.ts
 * versionedMemo, decision 026): the weeks it shows are completed ones, and on fifty sites each view read
 * ~750 meetings with their attendance (~30 ms of the database's time). Read from the primary: a
 * replica's rows could be older than the version they would be kept under.
 */
const missingMeetings = versionedMemo<Awaited<ReturnType<typeof countMissingMeetings>>>(["meeting", "site"], 100);

async function countMissingMeetings(sites: { id: string; name: string; timeZone: string }[], todayOf: Map<string, LocalDate>) {
  const series = await seriesOf(
    sites.map((s) => s.id),
    db,
  );
  // The widest window over the sites' zones (they differ by a day at most).
  const todays = [...todayOf.values()].sort();
  if (todays.length === 0) return { weeks: DASHBOARD_WEEKS, manySites: false, series: [] };
  const from = completedMondays(todays[0], DASHBOARD_WEEKS)[0];
  const to = todays[todays.length - 1];
  const held = await meetingsBySeries(
    series.map((s) => s.id),
    from,
    to,
    db,
  );
  const rows = series.map((s) => {
    const today = todayOf.get(s.siteId)!;
    const cells = weekCells(
      { startsOn: localDateOfColumn(s.startsOn), active: s.active },
      held.get(s.id) ?? [],
      completedMondays(today, DASHBOARD_WEEKS),
      today,
    );
    const site = sites.find((x) => x.id === s.siteId)!;
    return {
      id: s.id,
      name: s.name,
      site: { id: site.id, name: site.name },
      missingWeeks: cells.filter((c) => c.state === "missing").map((c) => ({ monday: c.monday, sunday: c.sunday })),
    };
  });
  return { weeks: DASHBOARD_WEEKS, manySites: sites.length > 1, series: rows };
}
