/**
 * Vacant units (§8, R-VAC-1..3): which units are due in a month, what state each one's monthly
 * cleaning is in, and the cleaning-quality score. Pure: no I/O, no server time zone (R-CAL-2).
 */
import { addDays, endOfLocalDayInZone, isValidLocalDate, localDateInZone, type LocalDate } from "@/lib/calendar/local-date";
import type { CleaningRecordState, UnitStatus } from "@/lib/generated/prisma/enums";

/** A site-local month, "YYYY-MM". */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isValidMonth(value: unknown): value is MonthKey {
  return typeof value === "string" && MONTH.test(value) && Number(value.slice(0, 4)) >= 1000;
}

/** The month a local date falls in. */
export function monthOf(date: LocalDate): MonthKey {
  return date.slice(0, 7);
}

/** The site's current month (R-CAL-2: the site's zone, never the server's). */
export function currentMonth(now: Date, timeZone: string): MonthKey {
  return monthOf(localDateInZone(now, timeZone));
}

/** `month` moved by `n` months (negative: back). */
export function addMonths(month: MonthKey, n: number): MonthKey {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function firstDayOf(month: MonthKey): LocalDate {
  return `${month}-01`;
}

export function lastDayOf(month: MonthKey): LocalDate {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

/** The last millisecond of the month at the site: after it, a month without a record is overdue. */
export function endOfMonth(month: MonthKey, timeZone: string): Date {
  return endOfLocalDayInZone(lastDayOf(month), timeZone);
}

export function monthEnded(month: MonthKey, timeZone: string, now: Date): boolean {
  return now.getTime() > endOfMonth(month, timeZone).getTime();
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export interface StatusChange {
  status: UnitStatus;
  changedAt: Date;
}

/**
 * A unit's status at an instant from its history (UnitStatusChange). Without any history row the
 * unit has had its current status since it was created. Before its first row (or its creation)
 * the unit did not exist yet: null.
 */
export function statusAt(unit: { status: UnitStatus; createdAt: Date }, history: StatusChange[], at: Date): UnitStatus | null {
  if (history.length === 0) return unit.createdAt.getTime() <= at.getTime() ? unit.status : null;
  let status: UnitStatus | null = null;
  let latest = -Infinity;
  for (const change of history) {
    const t = change.changedAt.getTime();
    if (t <= at.getTime() && t >= latest) {
      latest = t;
      status = change.status;
    }
  }
  return status;
}

/**
 * R-VAC-1 (§8.1–8.2): a unit is due in month M when it is VACANT at the end of M, or now if M is
 * still running at the site. So a unit that becomes occupied (or goes under renovation) mid-month
 * leaves that month's schedule, and one that becomes vacant joins it for that month. A month that
 * has not started yet has no schedule.
 */
export function isDue(
  unit: { status: UnitStatus; createdAt: Date },
  history: StatusChange[],
  month: MonthKey,
  timeZone: string,
  now: Date,
): boolean {
  return isDueAt(unit, history, scheduleInstant(month, timeZone, now));
}

/**
 * When isDue reads a unit's status for `month` at a site: the month's end, or now while the month
 * runs; null before the month starts. The same for every unit of the site, so a caller that checks
 * thousands of units computes it once per site and month (isDueAt).
 */
export function scheduleInstant(month: MonthKey, timeZone: string, now: Date): Date | null {
  if (month > currentMonth(now, timeZone)) return null;
  return monthEnded(month, timeZone, now) ? endOfMonth(month, timeZone) : now;
}

/** isDue with the site's scheduleInstant of the month already taken. */
export function isDueAt(unit: { status: UnitStatus; createdAt: Date }, history: StatusChange[], at: Date | null): boolean {
  return at !== null && statusAt(unit, history, at) === "VACANT";
}

/** What the month view shows for one unit (R-VAC-1, R-VAC-3). */
export type CleaningCellState = "verified" | "submitted" | "sentBack" | "notYet" | "overdue";

/**
 * Overdue = due, the month has ended at the site, and no submitted or verified record: a record
 * still sent back when the month ends does not count as done.
 */
export function cellState(record: { state: CleaningRecordState } | null, month: MonthKey, timeZone: string, now: Date): CleaningCellState {
  return cellStateOf(record, monthEnded(month, timeZone, now));
}

/** cellState with monthEnded already taken (once per site and month). */
export function cellStateOf(record: { state: CleaningRecordState } | null, ended: boolean): CleaningCellState {
  if (record?.state === "VERIFIED") return "verified";
  if (record?.state === "SUBMITTED") return "submitted";
  if (ended) return "overdue";
  return record?.state === "SENT_BACK" ? "sentBack" : "notYet";
}

/** Why a cleaning date cannot be recorded for `month`, or null: not in the future, inside the month. */
export function cleanedOnProblem(cleanedOn: LocalDate, month: MonthKey, today: LocalDate): "future" | "outsideMonth" | null {
  if (!isValidLocalDate(cleanedOn)) return "outsideMonth";
  if (cleanedOn > today) return "future";
  if (monthOf(cleanedOn) !== month) return "outsideMonth";
  return null;
}

export interface MonthScore {
  due: number;
  /** Records submitted or verified. */
  done: number;
  verified: number;
  /** Verified records whose four checks all passed (R-VAC-2). */
  verifiedPassed: number;
  completionRate: number | null;
  verificationRate: number | null;
  /** 0–100, one decimal; null when no unit was due. */
  score: number | null;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

/**
 * The cleaning-quality score of a site's month (R-VAC-3, §8.3 "在评定保洁服务质量时将空置单元的保洁养护
 * 纳入考核范畴"): score = 100 × verified records whose four checks (R-VAC-2) all passed ÷ units due.
 * Only what the supervisor has checked counts, and a failed check costs the unit the whole point;
 * the completion rate (submitted or verified ÷ due) and verification rate (verified ÷ due) are shown
 * beside it so a low score can be read as "not cleaned", "not yet checked" or "cleaned badly".
 *
 * The counts (due units; done = submitted or verified; verified; verified with all four checks passed)
 * are taken in SQL (lib/vacant-units/queries.ts scoresBySite).
 */
export function monthScoreOf(counts: Pick<MonthScore, "due" | "done" | "verified" | "verifiedPassed">): MonthScore {
  const { due, done, verified, verifiedPassed } = counts;
  return {
    due,
    done,
    verified,
    verifiedPassed,
    completionRate: pct(done, due),
    verificationRate: pct(verified, due),
    score: pct(verifiedPassed, due),
  };
}

/**
 * Several sites' month as one (the managers' dashboard with many sites): the counts added up and the
 * rates of the sums, so the company's score weighs each site by its units due (R-VAC-3).
 */
export function combinedMonthScore<T extends MonthScore & { overdue: number }>(months: T[]): MonthScore & { overdue: number } {
  const sum = (key: "due" | "done" | "verified" | "verifiedPassed" | "overdue") => months.reduce((n, m) => n + m[key], 0);
  return {
    ...monthScoreOf({ due: sum("due"), done: sum("done"), verified: sum("verified"), verifiedPassed: sum("verifiedPassed") }),
    overdue: sum("overdue"),
  };
}
