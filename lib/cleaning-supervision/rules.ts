/**
 * The cleaning supervisor's day, the contractor's plans and the monthly report (§10, R-CLN-1), pure.
 * Times are the site's wall-clock times turned into instants with the site's zone (R-CAL-2); which
 * days have a supervisor's day comes from the site's working-day calendar (R-CAL-1).
 */
import { addDays, dayOfWeek, instantFromLocalDateTime, makeLocalDate, parseLocalDate, type Calendar, type LocalDate } from "@/lib/calendar";

/** The steps recorded on the day page. The two patrols (§10.2) are the day's inspection rounds (R-INS-1). */
export const DAY_STEPS = ["PLAN_HEARD", "LUNCH_CHECK", "OPINIONS_HEARD", "LAST_PATROL"] as const;
export type DayStep = (typeof DAY_STEPS)[number];

/** Everything the day is checked for, in the order of the day. */
export const DAY_ITEMS = ["PLAN_HEARD", "PATROL_1", "LUNCH_CHECK", "PATROL_2", "OPINIONS_HEARD", "LAST_PATROL", "REPORT"] as const;
export type DayItemKey = (typeof DAY_ITEMS)[number];

/**
 * R-CLN-1: by when (site time) each recorded step is due. §10.3 the contractor's arrangement is heard at
 * the start of the day; §10.4 the lunchtime check covers the cleaners' lunch (11:30–13:30); §10.6
 * tenants' opinions are heard during the day; §10.8 the last patrol before leaving; §10.7 the report
 * to the manager closes the day.
 */
export const STEP_DUE: Record<DayStep | "REPORT", string> = {
  PLAN_HEARD: "09:30",
  LUNCH_CHECK: "13:30",
  OPINIONS_HEARD: "17:00",
  LAST_PATROL: "18:00",
  REPORT: "18:30",
};

/**
 * R-CLN-1 with R-CAL-1: a supervisor's day exists on working days only — none on a public holiday or
 * an ordinary weekend, one on a make-up working day (调休上班).
 */
export function hasCleaningDay(calendar: Calendar, date: LocalDate): boolean {
  return calendar.isWorkingDay(date);
}

export function dueAtOf(calendar: Calendar, date: LocalDate, step: DayStep | "REPORT"): Date {
  return instantFromLocalDateTime(`${date}T${STEP_DUE[step]}`, calendar.timeZone);
}

/**
 * A step is recorded on its own day, as it happens: only today (site time), and only on a day that has
 * a supervisor's day. A past day stays as it was left (a missed step stays missed).
 */
export function canRecordOn(calendar: Calendar, date: LocalDate, now: Date): "ok" | "not_working" | "not_today" {
  if (date !== calendar.localDateOf(now)) return "not_today";
  return hasCleaningDay(calendar, date) ? "ok" : "not_working";
}

/** done: by its time; late: recorded after it; open: not yet, still in time; missed: not recorded by its time (R-CLN-1). */
export type ItemState = "done" | "late" | "open" | "missed";

export function itemState(dueAt: Date, recordedAt: Date | null, now: Date): ItemState {
  if (recordedAt) return recordedAt.getTime() <= dueAt.getTime() ? "done" : "late";
  return now.getTime() > dueAt.getTime() ? "missed" : "open";
}

/**
 * A patrol is the day's inspection slot over the public areas the cleaning supervisor walks (§10.2,
 * R-INS-1): done when every area was checked in the slot, missed when the slot ended short (R-INS-4).
 */
export function patrolState(slot: { end: Date }, areas: { due: number; done: number }, now: Date): ItemState {
  if (areas.due > 0 && areas.done >= areas.due) return "done";
  return now.getTime() > slot.end.getTime() ? "missed" : "open";
}

export interface DayItem {
  key: DayItemKey;
  dueAt: Date;
  recordedAt: Date | null;
  state: ItemState;
}

export interface DayFacts {
  steps: Partial<Record<DayStep, Date>>;
  /** Per slot (1, 2): its end, the areas due and checked; absent when the site has no rounds that day. */
  patrols: Partial<Record<1 | 2, { end: Date; due: number; done: number; lastCheckAt: Date | null }>>;
  reportSentAt: Date | null;
}

/** The day's checklist with each item's state; null on a day without a supervisor's day (R-CAL-1). */
export function dayItems(calendar: Calendar, date: LocalDate, facts: DayFacts, now: Date): DayItem[] | null {
  if (!hasCleaningDay(calendar, date)) return null;
  return DAY_ITEMS.flatMap((key): DayItem[] => {
    if (key === "PATROL_1" || key === "PATROL_2") {
      const patrol = facts.patrols[key === "PATROL_1" ? 1 : 2];
      if (!patrol) return [];
      const state = patrolState(patrol, patrol, now);
      return [{ key, dueAt: patrol.end, recordedAt: state === "done" ? patrol.lastCheckAt : null, state }];
    }
    const recordedAt = key === "REPORT" ? facts.reportSentAt : (facts.steps[key] ?? null);
    const dueAt = dueAtOf(calendar, date, key);
    return [{ key, dueAt, recordedAt, state: itemState(dueAt, recordedAt, now) }];
  });
}

export const missedItems = (items: readonly DayItem[]) => items.filter((i) => i.state === "missed").map((i) => i.key);

// ---------------------------------------------------------------------------------------------
// Weekly and monthly (§10.11–13)
// ---------------------------------------------------------------------------------------------

/** The Monday of the week of `date` (weeks run Monday to Sunday). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

export const firstOfMonth = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

function lastDayOfMonth(first: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(first);
  return addDays(month === 12 ? makeLocalDate(year + 1, 1, 1) : makeLocalDate(year, month + 1, 1), -1);
}

/** The last working day from `last` back to `first`, or null when there is none. */
function lastWorkingDay(calendar: Calendar, first: LocalDate, last: LocalDate): LocalDate | null {
  for (let d = last; d >= first; d = addDays(d, -1)) if (calendar.isWorkingDay(d)) return d;
  return null;
}

/**
 * §10.11: the weekend cleaning plan and next week's schedule are due by the week's summary meeting with
 * the cleaning company (R-MTG-1's cleaning series): the meeting held that week, else the series' usual
 * weekday and time when that is a working day, else the end of the week's last working day. A week
 * without working days (a holiday week) has no plan due: null.
 */
export function weeklyPlanDue(
  calendar: Calendar,
  monday: LocalDate,
  meeting: { startsAt: Date } | null,
  series: { weekday: number; startTime: string } | null,
): Date | null {
  const sunday = addDays(monday, 6);
  const last = lastWorkingDay(calendar, monday, sunday);
  if (!last) return null;
  if (meeting) return meeting.startsAt;
  if (series) {
    const day = addDays(monday, series.weekday - 1);
    if (calendar.isWorkingDay(day)) return instantFromLocalDateTime(`${day}T${series.startTime}`, calendar.timeZone);
  }
  return calendar.endOfLocalDay(last);
}

/**
 * §10.12–13: at the month's end the contractor's next-month plan and the supervisor's written summary
 * are due: by the end of the month's last working day (the month-end meeting's day at the latest).
 */
export function monthEndDue(calendar: Calendar, first: LocalDate): Date | null {
  const last = lastWorkingDay(calendar, first, lastDayOfMonth(first));
  return last ? calendar.endOfLocalDay(last) : null;
}

/** on_time / late: handed in by / after the due time; missing: not handed in and overdue; open: not yet due. */
export type PlanState = "on_time" | "late" | "missing" | "open";

export function planState(dueAt: Date, submittedAt: Date | null, now: Date): PlanState {
  if (submittedAt) return submittedAt.getTime() <= dueAt.getTime() ? "on_time" : "late";
  return now.getTime() > dueAt.getTime() ? "missing" : "open";
}

/**
 * Which periods a plan or report may be handed in for: a WEEKLY period is a Monday, a MONTHLY one the
 * first day of a month; not a period that has not begun yet (today's week or month at most).
 */
export function periodProblem(kind: "WEEKLY" | "MONTHLY", period: LocalDate, today: LocalDate): "malformed" | "future" | null {
  const current = kind === "WEEKLY" ? mondayOf(today) : firstOfMonth(today);
  const wellFormed = kind === "WEEKLY" ? mondayOf(period) === period : firstOfMonth(period) === period;
  if (!wellFormed) return "malformed";
  return period > current ? "future" : null;
}

/** The last `count` weekly (or monthly) periods up to today's, newest first. */
export function recentPeriods(kind: "WEEKLY" | "MONTHLY", today: LocalDate, count: number): LocalDate[] {
  const periods: LocalDate[] = [];
  let p = kind === "WEEKLY" ? mondayOf(today) : firstOfMonth(today);
  for (let i = 0; i < count; i++) {
    periods.push(p);
    p = kind === "WEEKLY" ? addDays(p, -7) : firstOfMonth(addDays(p, -1));
  }
  return periods;
}

/** The last working day before `today` (within two weeks), for yesterday's reminders; null when none. */
export function previousWorkingDay(calendar: Calendar, today: LocalDate): LocalDate | null {
  for (let d = addDays(today, -1); d >= addDays(today, -14); d = addDays(d, -1)) if (calendar.isWorkingDay(d)) return d;
  return null;
}

/** A finished day's recorded steps and report: what is missing from it (R-CLN-1). */
export function missingOfDay(recorded: readonly DayStep[], reportSent: boolean): (DayStep | "REPORT")[] {
  return [...DAY_STEPS.filter((s) => !recorded.includes(s)), ...(reportSent ? [] : (["REPORT"] as const))];
}
