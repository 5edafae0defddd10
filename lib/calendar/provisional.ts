/**
 * Source 4 of R-CAL-1: a PROVISIONAL year for years nobody has entered and the package does not
 * cover, computed from the law itself (全国年节及纪念日放假办法, as revised in force from 2025):
 *  - the statutory holidays: 元旦 Jan 1; 春节 除夕–初三; 清明 (solar-term day); 劳动节 May 1–2;
 *    端午 (lunar 5/5); 中秋 (lunar 8/15); 国庆 Oct 1–3 — 13 days;
 *  - the compensatory days off (补假) the law grants when an all-citizen holiday falls on a Saturday
 *    or Sunday: one following working day per such holiday day (see `compensatoryDays`).
 * No bridged make-up working days (调休上班) — the State Council only announces those each autumn
 * and they cannot be derived from the law — so every answer that uses this table is flagged
 * `provisional: true`.
 *
 * Why not the package's getSolarDateFromLunar / getSolarTermDate: like its isWorkday they format
 * through the SERVER's local getters and answer one day early west of UTC (TZ=America/New_York
 * gives 2027-04-04 for 清明 and 2027-02-07 for 正月初一). We only use its pure table lookups
 * (monthDays, getYearLeapMonth) and do the date arithmetic on UTC day numbers ourselves.
 */
// The CommonJS build on purpose: the package's "module" entry (index.es.js) is ESM inside a
// "type": "commonjs" package, which Turbopack (Next 16) refuses to build. The CJS build works in
// Node, vitest and Turbopack alike; types come from chinese-days-cjs.d.ts.
import chineseDays from "chinese-days/dist/index.min.js";
import { addDays, isWeekend, localDateFromDayNumber, makeLocalDate, type LocalDate } from "./local-date";

/** Years the provisional rules can be computed for: the lunar table ends at 2100 and the 清明
 *  formula below uses the 21st-century constant. Deadlines never need more. */
export const PROVISIONAL_MIN_YEAR = 2000;
export const PROVISIONAL_MAX_YEAR = 2099;
/** First year under the current text of the law (the 2025 revision: 春节 from 除夕, 劳动节 2 days).
 *  The provisional table describes these rules, so it is only a yardstick from this year on. */
export const STATUTORY_RULES_SINCE = 2025;

export interface NamedDate {
  date: LocalDate;
  name: string;
}

/** Lunar 1900-01-01 (正月初一) fell on 1900-01-31, the base of the package's lunar table. */
const LUNAR_EPOCH_DAY_NUMBER = Date.UTC(1900, 0, 31) / 86_400_000;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < PROVISIONAL_MIN_YEAR || year > PROVISIONAL_MAX_YEAR) {
    throw new RangeError(
      `No provisional calendar for year ${year}: supported ${PROVISIONAL_MIN_YEAR}–${PROVISIONAL_MAX_YEAR}; enter the official table instead`,
    );
  }
}

/** Days in lunar year `y`: 12 regular months (29/30 each) plus the leap month if there is one. */
function lunarYearLength(lunarYear: number): number {
  let total = 0;
  for (let month = 1; month <= 12; month++) total += chineseDays.monthDays(lunarYear, month);
  return total + chineseDays.getYearLeapMonth(lunarYear).days;
}

/** Day number of lunar 正月初一 for each lunar year, memoised (deterministic, so caching is pure). */
const newYearDayNumbers = new Map<number, number>();
function lunarNewYearDayNumber(lunarYear: number): number {
  const cached = newYearDayNumbers.get(lunarYear);
  if (cached !== undefined) return cached;
  let dayNumber = LUNAR_EPOCH_DAY_NUMBER;
  for (let y = 1900; y < lunarYear; y++) dayNumber += lunarYearLength(y);
  newYearDayNumbers.set(lunarYear, dayNumber);
  return dayNumber;
}

/**
 * Gregorian date of a day in a REGULAR (non-leap) lunar month. A leap month comes right after the
 * regular month of the same number, so it is skipped over only when it precedes `month`.
 */
export function solarDateOfLunar(lunarYear: number, month: number, day: number): LocalDate {
  if (month < 1 || month > 12 || day < 1 || day > chineseDays.monthDays(lunarYear, month)) {
    throw new RangeError(`No lunar date ${lunarYear}-${month}-${day}`);
  }
  const leapMonth = chineseDays.getYearLeapMonth(lunarYear);
  let offset = 0;
  for (let m = 1; m < month; m++) {
    offset += chineseDays.monthDays(lunarYear, m);
    if (m === leapMonth.leapMonth) offset += leapMonth.days;
  }
  return localDateFromDayNumber(lunarNewYearDayNumber(lunarYear) + offset + day - 1);
}

/**
 * 清明 (pure brightness) solar-term day, 21st century: the "寿星" formula
 * day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with C = 4.81, Y = year mod 100 — the same constant the package
 * uses (it lists no correction years for 清明 in 2000–2099). Checked in tests against the
 * package's official 清明 holidays 2008–2026.
 */
export function qingmingDate(year: number): LocalDate {
  assertSupportedYear(year);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return makeLocalDate(year, 4, day);
}

/** 除夕: the day BEFORE 正月初一 (lunar month 12 has 29 or 30 days, so never "12/30"). */
export function chuxiDate(year: number): LocalDate {
  assertSupportedYear(year);
  return addDays(solarDateOfLunar(year, 1, 1), -1);
}

/** A day off of a provisional year: a statutory holiday, or the 补假 given for one. */
export interface ProvisionalDayOff {
  /** The festival (for a 补假: the festival whose weekend day it compensates). */
  name: string;
  /** True for a compensatory day off (补假), false for the statutory holiday itself. */
  compensatory: boolean;
}

interface ProvisionalYear {
  statutory: ReadonlyMap<LocalDate, string>;
  compensatory: ReadonlyMap<LocalDate, string>;
}

const cache = new Map<number, ProvisionalYear>();

function statutoryDays(year: number): Map<LocalDate, string> {
  const entries: NamedDate[] = [{ date: makeLocalDate(year, 1, 1), name: "元旦" }];
  const chuxi = chuxiDate(year);
  for (let i = 0; i < 4; i++) entries.push({ date: addDays(chuxi, i), name: "春节" }); // 除夕, 初一–初三
  entries.push({ date: qingmingDate(year), name: "清明节" });
  entries.push({ date: makeLocalDate(year, 5, 1), name: "劳动节" }, { date: makeLocalDate(year, 5, 2), name: "劳动节" });
  entries.push({ date: solarDateOfLunar(year, 5, 5), name: "端午节" });
  entries.push({ date: solarDateOfLunar(year, 8, 15), name: "中秋节" });
  for (let d = 1; d <= 3; d++) entries.push({ date: makeLocalDate(year, 10, d), name: "国庆节" });

  const byDate = new Map<LocalDate, string>();
  for (const { date, name } of entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    // 中秋 can fall on 10-01..03 (as in 2020, and 2028): one day off, both names.
    const existing = byDate.get(date);
    byDate.set(date, existing && existing !== name ? `${existing}、${name}` : name);
  }
  return byDate;
}

/**
 * 补假: "全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假". Every statutory holiday day
 * on a Saturday or Sunday earns one day off on the first FOLLOWING working day — a day that is not
 * a weekend, not itself a statutory holiday and not already taken by an earlier 补假. Walking the
 * holidays in date order makes multi-day holidays come out right: 国庆 2027 (Fri–Sun) gives Mon
 * Oct 4 for the Saturday and Tue Oct 5 for the Sunday. The law compensates weekends only; when
 * 中秋 and 国庆 share a date (2028-10-03) that date is one holiday day here — whatever extra day the
 * State Council grants for it comes with its notice.
 */
function compensatoryDays(statutory: ReadonlyMap<LocalDate, string>): Map<LocalDate, string> {
  const compensatory = new Map<LocalDate, string>();
  for (const [date, name] of statutory) {
    if (!isWeekend(date)) continue;
    let day = addDays(date, 1);
    while (isWeekend(day) || statutory.has(day) || compensatory.has(day)) day = addDays(day, 1);
    compensatory.set(day, name);
  }
  return compensatory;
}

function provisionalYear(year: number): ProvisionalYear {
  let table = cache.get(year);
  if (!table) {
    assertSupportedYear(year);
    const statutory = statutoryDays(year);
    table = { statutory, compensatory: compensatoryDays(statutory) };
    cache.set(year, table);
  }
  return table;
}

const asNamedDates = (days: ReadonlyMap<LocalDate, string>): NamedDate[] => [...days].map(([date, name]) => ({ date, name }));

/** The statutory holidays of `year` (13 days, 12 when 中秋 meets 国庆), sorted. */
export function provisionalHolidays(year: number): NamedDate[] {
  return asNamedDates(provisionalYear(year).statutory);
}

/** The 补假 days of `year`, sorted; `name` is the festival each one compensates. */
export function provisionalCompensatoryDays(year: number): NamedDate[] {
  return asNamedDates(provisionalYear(year).compensatory);
}

/** Every day off the law gives in `year` (holidays and 补假), sorted: the starting point for the official table. */
export function provisionalDaysOff(year: number): NamedDate[] {
  return [...provisionalHolidays(year), ...provisionalCompensatoryDays(year)].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The provisional day off on `date` (statutory holiday or 补假), else undefined. */
export function provisionalDayOff(date: LocalDate): ProvisionalDayOff | undefined {
  const { statutory, compensatory } = provisionalYear(Number(date.slice(0, 4)));
  const holiday = statutory.get(date);
  if (holiday !== undefined) return { name: holiday, compensatory: false };
  const compensated = compensatory.get(date);
  return compensated === undefined ? undefined : { name: compensated, compensatory: true };
}
