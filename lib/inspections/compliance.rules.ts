/**
 * Compliance of the inspection rounds (R-INS-4), pure: which windows of a range count, their state,
 * and the tallies the manager reviews. Windows come from ./rules (dailyWindows, monthlyWindow).
 *
 * A window counts in a range when it is done with its check made inside the range, or when it is
 * missed and its end falls inside the range. Windows still open (due now, upcoming) count nowhere, so
 * today's rate is not pulled down by slots that can still be done.
 */
import type { Calendar, LocalDate } from "@/lib/calendar";
import { addDays, dayOfWeek, diffDays } from "@/lib/calendar/local-date";
import {
  complianceRate,
  dailyWindows,
  dutyFor,
  isMonthly,
  monthlyWindow,
  windowState,
  type AreaTypeName,
  type CheckWindow,
  type SiteSchedule,
  type WindowState,
} from "./rules";

export const PERIODS = ["day", "week", "month"] as const;
export type Period = (typeof PERIODS)[number];

/** The local days of the period containing `date`: the day, its week (Monday–Sunday) or its month. */
export function periodRange(period: Period, date: LocalDate): { from: LocalDate; to: LocalDate } {
  if (period === "day") return { from: date, to: date };
  if (period === "week") {
    const from = addDays(date, -((dayOfWeek(date) + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  const from = `${date.slice(0, 7)}-01`;
  const nextMonth = addDays(from, 31).slice(0, 7);
  return { from, to: addDays(`${nextMonth}-01`, -1) };
}

export function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const n = diffDays(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

export interface ScheduledArea {
  id: string;
  type: AreaTypeName;
}

export interface AreaWindow {
  areaId: string;
  areaType: AreaTypeName;
  window: CheckWindow;
}

/** Every window of the areas over the days from..to: two a day for public areas, one a month for outlets. */
export function windowsInRange(
  calendar: Calendar,
  site: SiteSchedule,
  areas: ScheduledArea[],
  from: LocalDate,
  to: LocalDate,
): AreaWindow[] {
  const days = daysOf(from, to);
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  const out: AreaWindow[] = [];
  for (const area of areas) {
    if (isMonthly(area.type)) {
      for (const month of months) out.push({ areaId: area.id, areaType: area.type, window: monthlyWindow(calendar, `${month}-01`) });
    } else {
      for (const day of days) {
        for (const window of dailyWindows(calendar, site, day)) out.push({ areaId: area.id, areaType: area.type, window });
      }
    }
  }
  return out;
}

export interface CheckRecord {
  areaId: string;
  periodKey: string;
  supervisorId: string;
  checkedAt: Date;
  failures: number;
}

export interface CountedWindow extends AreaWindow {
  state: "done" | "missed";
  check: CheckRecord | null;
  /** The local day the window counts on: the check's day, or the day the window ended. */
  day: LocalDate;
}

/** The windows that count in [rangeStart, rangeEnd] (see the header), each with its check. */
export function countedWindows(
  calendar: Calendar,
  windows: AreaWindow[],
  checks: CheckRecord[],
  range: { start: Date; end: Date },
  now: Date,
): CountedWindow[] {
  const checkOf = new Map(checks.map((c) => [`${c.areaId}|${c.periodKey}`, c]));
  const inRange = (d: Date) => d.getTime() >= range.start.getTime() && d.getTime() <= range.end.getTime();
  const out: CountedWindow[] = [];
  for (const w of windows) {
    const check = checkOf.get(`${w.areaId}|${w.window.periodKey}`) ?? null;
    const state = windowState(w.window, check !== null, now);
    if (state === "done" && check && inRange(check.checkedAt)) {
      out.push({ ...w, state, check, day: calendar.localDateOf(check.checkedAt) });
    } else if (state === "missed" && inRange(w.window.end)) {
      out.push({ ...w, state, check: null, day: calendar.localDateOf(w.window.end) });
    }
  }
  return out;
}

export interface Tally {
  due: number;
  done: number;
  missed: number;
  failures: number;
  /** done ÷ due, null when nothing was due (R-INS-4) */
  rate: number | null;
}

export function tally(windows: CountedWindow[]): Tally {
  const done = windows.filter((w) => w.state === "done").length;
  const missed = windows.length - done;
  const failures = windows.reduce((n, w) => n + (w.check?.failures ?? 0), 0);
  return { due: windows.length, done, missed, failures, rate: complianceRate(windows.length, done) };
}

/** Group counted windows by a key and tally each group (insertion order of the keys given). */
export function tallyBy<K extends string>(
  windows: CountedWindow[],
  keyOf: (w: CountedWindow) => K | K[] | null,
  keys: K[] = [],
): Map<K, Tally> {
  const groups = new Map<K, CountedWindow[]>(keys.map((k) => [k, []]));
  for (const w of windows) {
    const k = keyOf(w);
    for (const key of k === null ? [] : Array.isArray(k) ? k : [k]) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(w);
    }
  }
  return new Map([...groups].map(([k, list]) => [k, tally(list)]));
}

export interface Supervisor {
  id: string;
  duty: "CLEANING" | "COORDINATION" | null;
}

/**
 * Whose window is it, for the per-supervisor table: a done window is the checker's; a missed one is
 * every supervisor's whose duty covers the area (dutyFor) — the walk was theirs to make.
 */
export function supervisorsOf(w: CountedWindow, supervisors: Supervisor[]): string[] {
  if (w.check) return [w.check.supervisorId];
  const duty = dutyFor(w.areaType);
  return supervisors.filter((s) => s.duty === duty).map((s) => s.id);
}

export type CellState = WindowState | "none";

export interface GridCell {
  periodKey: string | null;
  slot: 1 | 2 | null;
  state: CellState;
  check: CheckRecord | null;
}

/**
 * The manager's day grid: per area, its two slot cells of `date` (or "none" on a day without rounds),
 * or for an outlet the month's single cell.
 */
export function dayCells(
  calendar: Calendar,
  site: SiteSchedule,
  area: ScheduledArea,
  date: LocalDate,
  checks: CheckRecord[],
  now: Date,
): GridCell[] {
  const checkOf = (key: string) => checks.find((c) => c.areaId === area.id && c.periodKey === key) ?? null;
  const cell = (w: CheckWindow): GridCell => {
    const check = checkOf(w.periodKey);
    return { periodKey: w.periodKey, slot: w.slot, state: windowState(w, check !== null, now), check };
  };
  if (isMonthly(area.type)) return [cell(monthlyWindow(calendar, date))];
  const windows = dailyWindows(calendar, site, date);
  if (windows.length === 0) return [1, 2].map((slot) => ({ periodKey: null, slot: slot as 1 | 2, state: "none", check: null }));
  return windows.map(cell);
}

/** The period keys a range's windows can have: one per day and slot, one per month. */
export function periodKeysOf(from: LocalDate, to: LocalDate): string[] {
  const days = daysOf(from, to);
  return [...days.flatMap((d) => [`${d}#1`, `${d}#2`]), ...new Set(days.map((d) => d.slice(0, 7)))];
}
