/**
 * What a site's calendar is made of (R-CAL-1), as loaded by the caller, and its validation into
 * lookup maps. Bad input throws here, once, instead of producing wrong deadlines later.
 */
import { assertLocalDate, yearOf, type LocalDate } from "./local-date";
import { packageCoversYear } from "./package-data";

/** A State Council year table (国务院办公厅关于YYYY年部分节假日安排的通知) as a manager entered it. */
export interface OfficialYearTable {
  year: number;
  /** 放假 days. */
  holidays: ReadonlyArray<{ date: LocalDate; name?: string }>;
  /** 调休上班 make-up working days (usually weekends); `name` = the holiday made up for. */
  workdays: ReadonlyArray<{ date: LocalDate; name?: string }>;
}

export type OverrideKind = "WORKDAY" | "HOLIDAY";

export interface SiteCalendar {
  /** IANA zone of the site, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Per-site days a manager set by hand; they beat every other source. */
  overrides: ReadonlyArray<{ date: LocalDate; kind: OverrideKind }>;
  officialYears: ReadonlyArray<OfficialYearTable>;
}

export type YearStatus = "package" | "entered" | "provisional";

export interface EnteredDay {
  working: boolean;
  name?: string;
}

/**
 * Which source answers for an ordinary (unlisted) day of `year`, overrides aside. An entered table
 * wins over the package: a manager enters one to correct or replace what the package says.
 */
export function yearStatus(year: number, officialYears: ReadonlyArray<OfficialYearTable>): YearStatus {
  if (officialYears.some((table) => table.year === year)) return "entered";
  return packageCoversYear(year) ? "package" : "provisional";
}

/**
 * An entered table may list dates of the previous December: a notice can start 元旦 there
 * (the 2019 notice made 2018-12-29 a workday and 12-30/31 holidays). Anything else is a typo.
 */
function assertDateBelongsToTable(date: LocalDate, year: number): void {
  assertLocalDate(date, `date in the ${year} table`);
  const ok = yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5, 7) === "12");
  if (!ok) throw new RangeError(`Date ${date} does not belong to the official ${year} table`);
}

/** date → entered day, across all tables; throws on duplicate years or dates. */
export function buildEnteredDays(officialYears: ReadonlyArray<OfficialYearTable>): Map<LocalDate, EnteredDay> {
  const days = new Map<LocalDate, EnteredDay>();
  const seenYears = new Set<number>();
  for (const table of officialYears) {
    if (!Number.isInteger(table.year)) throw new RangeError(`Invalid official table year: ${table.year}`);
    if (seenYears.has(table.year)) throw new RangeError(`Two official tables for ${table.year}`);
    seenYears.add(table.year);
    const entries = [
      ...table.holidays.map((entry) => ({ ...entry, working: false })),
      ...table.workdays.map((entry) => ({ ...entry, working: true })),
    ];
    for (const { date, name, working } of entries) {
      assertDateBelongsToTable(date, table.year);
      if (days.has(date)) throw new RangeError(`Date ${date} is listed twice in the official tables`);
      days.set(date, name === undefined ? { working } : { working, name });
    }
  }
  return days;
}

/** date → working?; the same date twice is fine only with the same kind. */
export function buildOverrides(overrides: SiteCalendar["overrides"]): Map<LocalDate, boolean> {
  const working = new Map<LocalDate, boolean>();
  for (const { date, kind } of overrides) {
    assertLocalDate(date, "override date");
    if (kind !== "WORKDAY" && kind !== "HOLIDAY") throw new RangeError(`Invalid override kind: ${String(kind)}`);
    const isWorkday = kind === "WORKDAY";
    if (working.has(date) && working.get(date) !== isWorkday) {
      throw new RangeError(`Conflicting overrides for ${date}`);
    }
    working.set(date, isWorkday);
  }
  return working;
}
