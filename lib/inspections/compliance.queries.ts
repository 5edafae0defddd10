import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { formatInZone, isValidLocalDate, type Calendar, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { reportDb } from "@/lib/db";
import { sitesByIds } from "@/lib/registry/site.store";
import { oneOf } from "@/lib/pagination";
import {
  PERIODS,
  countedWindows,
  dayCells,
  daysOf,
  periodKeysOf,
  periodRange,
  supervisorsOf,
  tally,
  tallyBy,
  windowsInRange,
  type CheckRecord,
  type Period,
} from "./compliance.rules";
import { dutyFor, type SiteSchedule } from "./rules";

export interface ComplianceFilter {
  site?: string;
  date?: string;
  period?: string;
}

/** The manager's site (requested one if theirs, else the first by code), its calendar and the chosen day. */
async function resolveSite(siteIds: string[], requested: string | undefined) {
  // The sites and their slots (R-INS-1) from memory: the report's own reads go to the replica.
  const sites = await sitesByIds(siteIds);
  const site = sites.find((s) => s.id === requested) ?? sites[0];
  if (!site) throw new AccessError("not_found");
  const calendar = (await loadSiteCalendar(site.id))!;
  return { sites, site, calendar };
}

function dayOrToday(calendar: Calendar, date: string | undefined, now: Date): LocalDate {
  return date && isValidLocalDate(date) ? date : calendar.localDateOf(now);
}

/**
 * R-INS-4 for one site and period: due / done / missed and the on-time rate per supervisor, per area
 * and per day, plus the day grid (areas × slots) of the chosen date. Inspections of the range are
 * read in one query; the windows are computed in memory from the site's slots and calendar.
 */
export async function complianceReport(filter: ComplianceFilter, now = new Date()) {
  const actor = await requirePermission("inspection:compliance");
  const { sites, site, calendar } = await resolveSite(actor.siteIds, filter.site);
  const date = dayOrToday(calendar, filter.date, now);
  const period: Period = oneOf(PERIODS, filter.period) ?? "day";
  const { from, to } = periodRange(period, date);
  const range = { start: calendar.startOfLocalDay(from), end: calendar.endOfLocalDay(to) };

  const [areas, supervisorRows, inspections] = await Promise.all([
    reportDb.area.findMany({
      where: { siteId: site.id, active: true },
      select: { id: true, name: true, type: true, building: true, floor: true },
      orderBy: [{ building: "asc" }, { floor: "asc" }, { name: "asc" }],
    }),
    reportDb.user.findMany({
      where: { role: "SUPERVISOR", duty: { not: null }, disabled: false, sites: { some: { siteId: site.id } } },
      select: { id: true, name: true, duty: true },
      orderBy: { name: "asc" },
    }),
    reportDb.inspection.findMany({
      where: { siteId: site.id, periodKey: { in: periodKeysOf(from, to) } },
      select: {
        id: true,
        areaId: true,
        periodKey: true,
        supervisorId: true,
        checkedAt: true,
        failures: true,
        supervisor: { select: { name: true, duty: true } },
      },
    }),
  ]);

  const schedule: SiteSchedule = site;
  const checks: CheckRecord[] = inspections;
  const counted = countedWindows(calendar, windowsInRange(calendar, schedule, areas, from, to), checks, range, now);

  // Supervisors assigned to the site, and anyone else who made a check in the range.
  const supervisors = new Map(supervisorRows.map((s) => [s.id, s]));
  for (const i of inspections)
    if (!supervisors.has(i.supervisorId)) supervisors.set(i.supervisorId, { id: i.supervisorId, ...i.supervisor });
  const supervisorList = [...supervisors.values()];
  const bySupervisor = tallyBy(
    counted,
    (w) => supervisorsOf(w, supervisorList),
    supervisorList.map((s) => s.id),
  );
  const byArea = tallyBy(
    counted,
    (w) => w.areaId,
    areas.map((a) => a.id),
  );
  const byDay = tallyBy(counted, (w) => w.day, daysOf(from, to));

  const nameOf = new Map(supervisorList.map((s) => [s.id, s.name]));
  const byId = new Map(inspections.map((i) => [`${i.areaId}|${i.periodKey}`, i.id]));
  const grid = groupByPlace(areas).map((g) => ({
    ...g,
    rows: g.areas.map((area) => ({
      area,
      cells: dayCells(calendar, schedule, area, date, checks, now).map((cell) => ({
        ...cell,
        inspectionId: cell.check ? (byId.get(`${area.id}|${cell.periodKey}`) ?? null) : null,
        checkedLocal: cell.check ? formatInZone(cell.check.checkedAt, site.timeZone) : null,
        supervisorName: cell.check ? (nameOf.get(cell.check.supervisorId) ?? "") : null,
      })),
    })),
  }));

  return {
    sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    site: { id: site.id, code: site.code, name: site.name, timeZone: site.timeZone },
    date,
    today: calendar.localDateOf(now),
    period,
    from,
    to,
    totals: tally(counted),
    bySupervisor: supervisorList.map((s) => ({ id: s.id, name: s.name, duty: s.duty, tally: bySupervisor.get(s.id)! })),
    byArea: areas.map((a) => ({ ...a, tally: byArea.get(a.id)! })),
    byDay: [...byDay].map(([day, t]) => ({ day, working: calendar.isWorkingDay(day), tally: t })),
    grid,
  };
}

function groupByPlace<A extends { building: string; floor: string }>(areas: A[]) {
  const groups: { building: string; floor: string; areas: A[] }[] = [];
  for (const a of areas) {
    const last = groups.at(-1);
    if (last && last.building === a.building && last.floor === a.floor) last.areas.push(a);
    else groups.push({ building: a.building, floor: a.floor, areas: [a] });
  }
  return groups;
}

/**
 * The printable 《客务部工作检查表》 of one supervisor and day: every check they made that day with
 * its items, and the windows of their duty missed that day.
 */
export async function supervisorDailySheet(filter: { site?: string; date?: string; supervisor?: string }, now = new Date()) {
  const actor = await requirePermission("inspection:compliance");
  if (filter.site && !actor.siteIds.includes(filter.site)) throw new AccessError("not_found");
  const { site, calendar } = await resolveSite(actor.siteIds, filter.site);
  const date = dayOrToday(calendar, filter.date, now);
  const supervisor = filter.supervisor
    ? await reportDb.user.findFirst({
        where: { id: filter.supervisor, role: "SUPERVISOR", sites: { some: { siteId: site.id } } },
        select: { id: true, name: true, duty: true },
      })
    : null;
  if (!supervisor) throw new AccessError("not_found");
  const range = { start: calendar.startOfLocalDay(date), end: calendar.endOfLocalDay(date) };

  const [areas, dayChecks, ownChecks] = await Promise.all([
    reportDb.area.findMany({
      where: { siteId: site.id, active: true },
      select: { id: true, name: true, type: true, building: true, floor: true },
      orderBy: [{ building: "asc" }, { floor: "asc" }, { name: "asc" }],
    }),
    reportDb.inspection.findMany({
      where: { siteId: site.id, periodKey: { in: periodKeysOf(date, date) } },
      select: { areaId: true, periodKey: true, supervisorId: true, checkedAt: true, failures: true },
    }),
    reportDb.inspection.findMany({
      where: { siteId: site.id, supervisorId: supervisor.id, checkedAt: { gte: range.start, lte: range.end } },
      select: {
        id: true,
        periodKey: true,
        checkedAt: true,
        failures: true,
        area: { select: { name: true, building: true, floor: true } },
        template: { select: { version: true } },
        results: {
          select: { result: true, note: true, item: { select: { position: true, label: true, equipment: true } } },
          orderBy: { item: { position: "asc" } },
        },
      },
      orderBy: { checkedAt: "asc" },
    }),
  ]);

  const duty = supervisor.duty;
  const missed = countedWindows(calendar, windowsInRange(calendar, site, areas, date, date), dayChecks, range, now)
    .filter((w) => w.state === "missed" && duty !== null && dutyFor(w.areaType) === duty)
    .map((w) => {
      const area = areas.find((a) => a.id === w.areaId)!;
      return { periodKey: w.window.periodKey, slot: w.window.slot, area, endLocal: formatInZone(w.window.end, site.timeZone) };
    });

  return {
    site: { id: site.id, name: site.name, code: site.code },
    date,
    supervisor,
    checks: ownChecks.map((c) => ({
      ...c,
      slot: c.periodKey.endsWith("#1") ? 1 : c.periodKey.endsWith("#2") ? 2 : null,
      checkedLocal: formatInZone(c.checkedAt, site.timeZone).slice(11),
    })),
    missed,
  };
}
