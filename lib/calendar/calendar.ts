/**
 * A site's working-day calendar (R-CAL-1) and the deadline arithmetic built on it (R-CAL-2,
 * R-CAL-3). Pure: the caller loads the site's zone, overrides and entered year tables and passes
 * them in. `createCalendar` validates them into lookup maps once and memoises per-day answers
 * and day boundaries, so computing deadlines for long lists stays cheap.
 *
 * Source precedence for a local date (R-CAL-1):
 *   1. per-site override (manager-edited)                 source 'override'
 *   2. official year table entered by a manager            source 'entered'
 *   3. official data in the `chinese-days` package         source 'package'
 *   4. provisional year computed from the statutory rules  source 'provisional' (provisional: true)
 *      (statutory holidays and the 补假 days the law adds when one falls on a weekend)
 */
import {
  assertLocalDate,
  assertTimeZone,
  dayNumberOf,
  endOfLocalDayInZone,
  isWeekend,
  localDateFromDayNumber,
  localDateInZone,
  startOfLocalDayInZone,
  yearOf,
  type LocalDate,
} from "./local-date";
import { packageCoversYear, packageDay } from "./package-data";
import { provisionalDayOff } from "./provisional";
import { buildEnteredDays, buildOverrides, type SiteCalendar } from "./site-input";

export type DaySource = "override" | "entered" | "package" | "provisional";

export interface DayInfo {
  working: boolean;
  /** True when the answer came from a computed provisional year (no official table yet). */
  provisional: boolean;
  source: DaySource;
  /** Set on statutory holidays (non-working days of a holiday table). */
  holidayName?: string;
  /** Set on make-up working days (调休上班): the holiday they make up for, when known. */
  makeUpFor?: string;
  /** Set on a provisional compensatory day off (补假): `holidayName` is the festival it compensates. */
  compensatory?: true;
}

export interface Deadline {
  /** Last millisecond of the due local day, as an instant. */
  dueAt: Date;
  /** True if any day the count relied on came from a provisional year. */
  provisional: boolean;
}

/** Upper bound for N in "within N (working) days": the rules use 1–14; a year is already absurd. */
export const MAX_DAYS_TO_ADD = 366;
/** workingDaysBetween refuses spans longer than this (≈10 years) to keep its loop bounded. */
export const MAX_SPAN_DAYS = 3660;

export interface Calendar {
  readonly timeZone: string;
  /** Answers are frozen and shared between calls. */
  dayInfo(date: LocalDate): Readonly<DayInfo>;
  isWorkingDay(date: LocalDate): boolean;
  localDateOf(instant: Date): LocalDate;
  startOfLocalDay(date: LocalDate): Date;
  endOfLocalDay(date: LocalDate): Date;
  addWorkingDays(from: Date, n: number): Deadline;
  addCalendarDays(from: Date, n: number): Deadline;
  addCalendarWeeks(from: Date, weeks: number): Deadline;
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
}

function namedDay(working: boolean, source: DaySource, name: string | undefined): DayInfo {
  const info: DayInfo = { working, provisional: source === "provisional", source };
  if (name !== undefined) {
    if (working) info.makeUpFor = name;
    else info.holidayName = name;
  }
  return info;
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS_TO_ADD) {
    throw new RangeError(`${what} must be an integer from 0 to ${MAX_DAYS_TO_ADD}, got ${n}`);
  }
}

export function createCalendar(input: SiteCalendar): Calendar {
  const { timeZone } = input;
  assertTimeZone(timeZone);
  const overrides = buildOverrides(input.overrides);
  const enteredDays = buildEnteredDays(input.officialYears);
  const enteredYears = new Set(input.officialYears.map((table) => table.year));

  // Memo tables. Bounded in practice by the distinct dates one request looks at; the answers are
  // a pure function of the (immutable) input, so caching cannot go stale.
  const infoByDate = new Map<LocalDate, Readonly<DayInfo>>();
  const endByDate = new Map<LocalDate, number>();

  function computeDayInfo(date: LocalDate): DayInfo {
    const override = overrides.get(date);
    if (override !== undefined) return { working: override, provisional: false, source: "override" };

    const entered = enteredDays.get(date);
    if (entered) return namedDay(entered.working, "entered", entered.name);
    const year = yearOf(date);
    if (enteredYears.has(year)) return namedDay(!isWeekend(date), "entered", undefined);

    if (packageCoversYear(year)) {
      const fromPackage = packageDay(date);
      return fromPackage ? namedDay(fromPackage.working, "package", fromPackage.name) : namedDay(!isWeekend(date), "package", undefined);
    }

    const dayOff = provisionalDayOff(date);
    if (!dayOff) return namedDay(!isWeekend(date), "provisional", undefined);
    const info = namedDay(false, "provisional", dayOff.name);
    if (dayOff.compensatory) info.compensatory = true;
    return info;
  }

  function dayInfo(date: LocalDate): Readonly<DayInfo> {
    let info = infoByDate.get(date);
    if (!info) {
      assertLocalDate(date);
      info = Object.freeze(computeDayInfo(date));
      infoByDate.set(date, info);
    }
    return info;
  }

  const localDateOf = (instant: Date): LocalDate => localDateInZone(instant, timeZone);

  /** Returns a fresh Date each time: callers may mutate what they get. */
  function endOfLocalDay(date: LocalDate): Date {
    let end = endByDate.get(date);
    if (end === undefined) {
      end = endOfLocalDayInZone(date, timeZone).getTime();
      endByDate.set(date, end);
    }
    return new Date(end);
  }

  /**
   * R-CAL-2: by the end of the n-th working day AFTER the local date D of `from`. D itself never
   * counts, working or not, so an event on Saturday + 1 working day = the next working day.
   * n = 0 means "by the end of D". The scan is bounded: n working days span about 1.4·n calendar
   * days plus holidays (the longest statutory break is 9 days); 2·n + 120 leaves room for site
   * closures entered as overrides, and running past it means the overrides are wrong — throw.
   */
  function addWorkingDays(from: Date, n: number): Deadline {
    assertCount(n, "Working days");
    const start = localDateOf(from);
    const maxScan = 2 * n + 120;
    let dayNumber = dayNumberOf(start);
    let date = start;
    let provisional = false;
    for (let counted = 0, scanned = 0; counted < n;) {
      if (++scanned > maxScan) {
        throw new RangeError(`No ${n} working days within ${maxScan} days after ${start}: check the site's overrides`);
      }
      date = localDateFromDayNumber(++dayNumber);
      const info = dayInfo(date);
      provisional ||= info.provisional;
      if (info.working) counted++;
    }
    return { dueAt: endOfLocalDay(date), provisional };
  }

  /**
   * R-CAL-3: calendar days ignore the holiday table, so the answer is never provisional; the
   * field is kept so callers can treat every deadline alike.
   */
  function addCalendarDays(from: Date, n: number): Deadline {
    assertCount(n, "Calendar days");
    const due = localDateFromDayNumber(dayNumberOf(localDateOf(from)) + n);
    return { dueAt: endOfLocalDay(due), provisional: false };
  }

  /**
   * Working days d with a < d ≤ b — the same counting as addWorkingDays, so
   * workingDaysBetween(D, due date of addWorkingDays(D, n)) === n. Negative when b < a.
   * "Due within the next 3 working days" is 0 ≤ workingDaysBetween(today, dueDate) ≤ 3.
   */
  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const first = dayNumberOf(a);
    const last = dayNumberOf(b);
    if (Math.abs(last - first) > MAX_SPAN_DAYS) throw new RangeError(`Span ${a}..${b} exceeds ${MAX_SPAN_DAYS} days`);
    if (last < first) return -workingDaysBetween(b, a);
    let count = 0;
    for (let day = first + 1; day <= last; day++) if (dayInfo(localDateFromDayNumber(day)).working) count++;
    return count;
  }

  return {
    timeZone,
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    localDateOf,
    startOfLocalDay: (date) => startOfLocalDayInZone(date, timeZone),
    endOfLocalDay,
    addWorkingDays,
    addCalendarDays,
    addCalendarWeeks: (from, weeks) => {
      assertCount(weeks * 7, "Calendar days (7 × weeks)");
      return addCalendarDays(from, weeks * 7);
    },
    workingDaysBetween,
  };
}
