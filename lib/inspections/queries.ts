import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { formatInZone, isValidLocalDate, type Calendar } from "@/lib/calendar";
import { loadSiteCalendar, loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { SITE_SETTINGS_SELECT, sitesByIds } from "@/lib/registry/site.store";
import type { AreaType } from "@/lib/generated/prisma/enums";
import {
  canSubmit,
  dailyWindows,
  dutyFor,
  isMonthly,
  monthlyWindow,
  windowState,
  type CheckWindow,
  type SiteSchedule,
  type WindowState,
} from "./rules";
import { periodSlug } from "./schema";

/** The area types a supervisor of this duty walks (R-INS-1: cleaning → public areas, R-INS-2: coordination → outlets). */
function areaTypesFilter(duty: "CLEANING" | "COORDINATION") {
  return duty === "COORDINATION" ? { equals: "COMMERCIAL_OUTLET" as const } : { not: "COMMERCIAL_OUTLET" as const };
}

/** The windows of the area's schedule on `today` (site time): two slots a day, or the calendar month for outlets. */
function windowsOn(calendar: Calendar, site: SiteSchedule, areaType: AreaType, today: string): CheckWindow[] {
  return isMonthly(areaType) ? [monthlyWindow(calendar, today)] : dailyWindows(calendar, site, today);
}

/**
 * The window a period key names for this area, whatever its day (a past or future key gets its own
 * window, so `canSubmit` can say "not started" or "ended"); null when the schedule has no such window
 * (a month key for a public area, a slot on a day without rounds, a malformed date).
 */
export function windowOf(calendar: Calendar, site: SiteSchedule, areaType: AreaType, periodKey: string): CheckWindow | null {
  const date = isMonthly(areaType) ? `${periodKey}-01` : periodKey.slice(0, 10);
  if (isMonthly(areaType) !== /^\d{4}-\d{2}$/.test(periodKey) || !isValidLocalDate(date)) return null;
  return windowsOn(calendar, site, areaType, date).find((w) => w.periodKey === periodKey) ?? null;
}

export interface RoundWindow {
  periodKey: string;
  /** The key as a URL segment ('#' replaced). */
  slug: string;
  slot: 1 | 2 | null;
  /** Local "HH:mm" for slots; the month ("YYYY-MM") for outlets. */
  startLocal: string;
  endLocal: string;
  state: WindowState;
  checkedAt: string | null;
  failures: number | null;
  /** The submitted check, to open its results. */
  inspectionId: string | null;
}

export interface RoundArea {
  id: string;
  name: string;
  type: AreaType;
  windows: RoundWindow[];
}

export interface RoundSite {
  id: string;
  name: string;
  code: string;
  today: string;
  working: boolean;
  /**
   * R-INS-1: no daily rounds today (a rest day of a site that switched rounds on rest days off). The
   * public areas are then left out and the page says so once for the site.
   */
  noRoundsToday: boolean;
  groups: { building: string; floor: string; areas: RoundArea[] }[];
}

const hhmmOf = (instant: Date, timeZone: string) => formatInZone(instant, timeZone).slice(11, 16);
const naturalOrder = (a: string, b: string) => a.localeCompare(b, "zh-CN", { numeric: true });

/**
 * The signed-in supervisor's rounds of today (site time): the active areas of their duty on their
 * sites, each with today's windows and their state (R-INS-1/2/4). Four queries plus the calendars,
 * whatever the number of areas.
 */
export async function todayRounds(now = new Date()): Promise<RoundSite[]> {
  const actor = await requirePermission("inspection:perform");
  if (!actor.duty || actor.siteIds.length === 0) return [];
  const [sites, areas, calendars] = await Promise.all([
    sitesByIds(actor.siteIds),
    db.area.findMany({
      where: { siteId: { in: actor.siteIds }, active: true, type: areaTypesFilter(actor.duty) },
      select: { id: true, siteId: true, name: true, type: true, building: true, floor: true },
    }),
    loadSiteCalendars(actor.siteIds),
  ]);

  const windowsBySite = new Map<string, { today: string; working: boolean; daily: CheckWindow[]; monthly: CheckWindow }>();
  for (const site of sites) {
    const calendar = calendars.get(site.id);
    if (!calendar) continue;
    const today = calendar.localDateOf(now);
    windowsBySite.set(site.id, {
      today,
      working: calendar.isWorkingDay(today),
      daily: dailyWindows(calendar, site, today),
      monthly: monthlyWindow(calendar, today),
    });
  }
  const keys = new Set<string>();
  for (const w of windowsBySite.values()) [...w.daily, w.monthly].forEach((x) => keys.add(x.periodKey));
  const done = await db.inspection.findMany({
    where: { areaId: { in: areas.map((a) => a.id) }, periodKey: { in: [...keys] } },
    select: { id: true, areaId: true, periodKey: true, checkedAt: true, failures: true },
  });
  const doneBy = new Map(done.map((d) => [`${d.areaId}|${d.periodKey}`, d]));

  return sites
    .toSorted((a, b) => naturalOrder(a.code, b.code))
    .flatMap((site) => {
      const w = windowsBySite.get(site.id);
      if (!w) return [];
      const groups = new Map<string, RoundSite["groups"][number]>();
      const siteAreas = areas
        .filter((a) => a.siteId === site.id)
        .toSorted((a, b) => naturalOrder(a.building, b.building) || naturalOrder(a.floor, b.floor) || naturalOrder(a.name, b.name));
      for (const area of siteAreas) {
        if (!isMonthly(area.type) && w.daily.length === 0) continue;
        const windows = (isMonthly(area.type) ? [w.monthly] : w.daily).map((win): RoundWindow => {
          const check = doneBy.get(`${area.id}|${win.periodKey}`);
          return {
            periodKey: win.periodKey,
            slug: periodSlug(win.periodKey),
            slot: win.slot,
            startLocal: win.slot === null ? win.periodKey : hhmmOf(win.start, site.timeZone),
            endLocal: win.slot === null ? win.periodKey : hhmmOf(win.end, site.timeZone),
            state: windowState(win, !!check, now),
            checkedAt: check ? formatInZone(check.checkedAt, site.timeZone) : null,
            failures: check?.failures ?? null,
            inspectionId: check?.id ?? null,
          };
        });
        const key = `${area.building}|${area.floor}`;
        const group = groups.get(key) ?? { building: area.building, floor: area.floor, areas: [] };
        group.areas.push({ id: area.id, name: area.name, type: area.type, windows });
        groups.set(key, group);
      }
      const noRoundsToday = w.daily.length === 0 && siteAreas.some((a) => !isMonthly(a.type));
      return [
        { id: site.id, name: site.name, code: site.code, today: w.today, working: w.working, noRoundsToday, groups: [...groups.values()] },
      ];
    });
}

/** An active area of the user's sites with its site's schedule; null when outside their sites. */
export async function areaForCheck(actor: Actor, areaId: string) {
  return db.area.findFirst({
    where: { id: areaId, siteId: { in: actor.siteIds }, active: true },
    select: {
      id: true,
      name: true,
      type: true,
      building: true,
      floor: true,
      siteId: true,
      site: { select: SITE_SETTINGS_SELECT },
    },
  });
}

/** The current checklist version of an area type, items in order (editing makes a new version). */
export async function currentTemplate(areaType: AreaType) {
  return db.checklistTemplate.findFirst({
    where: { areaType, current: true },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      items: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, equipment: true } },
    },
  });
}

/**
 * The checklist page: the area, the window the key names, its state, and the current template.
 * Null (→ 404) for an area outside the user's sites or duty, or a key that is no window of its schedule.
 */
export async function checklistFor(areaId: string, periodKey: string, now = new Date()) {
  const actor = await requirePermission("inspection:perform");
  const area = await areaForCheck(actor, areaId);
  if (!area || dutyFor(area.type) !== actor.duty) return null;
  const calendar = await loadSiteCalendar(area.siteId);
  const window = calendar ? windowOf(calendar, area.site, area.type, periodKey) : null;
  if (!window) return null;
  const [template, inspection] = await Promise.all([
    currentTemplate(area.type),
    db.inspection.findUnique({
      where: { areaId_periodKey: { areaId: area.id, periodKey } },
      select: { id: true, checkedAt: true, failures: true, supervisor: { select: { name: true } } },
    }),
  ]);
  const tz = area.site.timeZone;
  return {
    area: { id: area.id, name: area.name, type: area.type, building: area.building, floor: area.floor },
    site: { id: area.site.id, name: area.site.name, code: area.site.code, timeZone: tz },
    window: {
      periodKey,
      slot: window.slot,
      startLocal: window.slot === null ? periodKey : hhmmOf(window.start, tz),
      endLocal: window.slot === null ? periodKey : hhmmOf(window.end, tz),
      state: windowState(window, !!inspection, now),
      open: !inspection && canSubmit(window, now) === "ok",
    },
    template,
    inspection: inspection
      ? {
          id: inspection.id,
          checkedAt: formatInZone(inspection.checkedAt, tz),
          failures: inspection.failures,
          by: inspection.supervisor.name,
        }
      : null,
  };
}
