/**
 * Inspection rounds (§2, §10), pure: which checks are due when, and the state of each (R-INS-1..4).
 * All times are the site's wall-clock times, turned into instants with the site's zone (R-CAL-2).
 */
import type { Calendar, LocalDate } from "@/lib/calendar";
import { instantFromLocalDateTime } from "@/lib/calendar/local-date";

export type AreaTypeName =
  | "FLOOR"
  | "LOBBY"
  | "ROOFTOP"
  | "ELEVATOR"
  | "RESTROOM"
  | "TEA_ROOM"
  | "EXTERIOR"
  | "GARBAGE_ROOM"
  | "FIRE_ESCAPE"
  | "STAIRS"
  | "COMMERCIAL_OUTLET";

/** R-INS-2: commercial outlets are checked monthly by the coordination supervisor; all else twice a day (R-INS-1). */
export function isMonthly(areaType: AreaTypeName): boolean {
  return areaType === "COMMERCIAL_OUTLET";
}

/** Which supervisor duty walks which areas. */
export function dutyFor(areaType: AreaTypeName): "CLEANING" | "COORDINATION" {
  return isMonthly(areaType) ? "COORDINATION" : "CLEANING";
}

export interface SiteSchedule {
  timeZone: string;
  slot1Start: string;
  slot1End: string;
  slot2Start: string;
  slot2End: string;
  inspectOnWeekends: boolean;
}

export interface CheckWindow {
  /** "YYYY-MM-DD#1", "YYYY-MM-DD#2" or "YYYY-MM" — unique per area (one check per slot). */
  periodKey: string;
  slot: 1 | 2 | null;
  start: Date;
  end: Date;
}

/**
 * R-INS-1: the two daily slots of `date` for public areas — on working days, and on other days only
 * when the site says so (inspectOnWeekends).
 */
export function dailyWindows(calendar: Calendar, site: SiteSchedule, date: LocalDate): CheckWindow[] {
  if (!calendar.isWorkingDay(date) && !site.inspectOnWeekends) return [];
  const at = (hhmm: string) => instantFromLocalDateTime(`${date}T${hhmm}`, site.timeZone);
  return [
    { periodKey: `${date}#1`, slot: 1, start: at(site.slot1Start), end: at(site.slot1End) },
    { periodKey: `${date}#2`, slot: 2, start: at(site.slot2Start), end: at(site.slot2End) },
  ];
}

/** R-INS-2: the calendar month (site time) of `date` for commercial outlets. */
export function monthlyWindow(calendar: Calendar, date: LocalDate): CheckWindow {
  const month = date.slice(0, 7);
  const first = `${month}-01`;
  const [y, m] = month.split("-").map(Number);
  const nextFirst = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return {
    periodKey: month,
    slot: null,
    start: calendar.startOfLocalDay(first),
    end: new Date(calendar.startOfLocalDay(nextFirst).getTime() - 1),
  };
}

export type WindowState = "done" | "due_now" | "upcoming" | "missed";

/** R-INS-4: a window with no check by its end is missed. */
export function windowState(window: CheckWindow, done: boolean, now: Date): WindowState {
  if (done) return "done";
  if (now.getTime() > window.end.getTime()) return "missed";
  return now.getTime() >= window.start.getTime() ? "due_now" : "upcoming";
}

/**
 * A check may be submitted for a window that has started and not yet ended. Late checks after the
 * window's end are refused so that "missed" stays missed (R-INS-4); future slots are refused too.
 */
export function canSubmit(window: CheckWindow, now: Date): "ok" | "future" | "closed" {
  if (now.getTime() < window.start.getTime()) return "future";
  if (now.getTime() > window.end.getTime()) return "closed";
  return "ok";
}

/** R-INS-4: compliance = done ÷ due, over the windows that have ended or are done. */
export function complianceRate(due: number, done: number): number | null {
  return due === 0 ? null : done / due;
}
