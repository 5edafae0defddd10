/**
 * Source 3 of R-CAL-1: the official tables (2004–2026 in chinese-days 1.5.7) carried by the
 * `chinese-days` package.
 *
 * We read the package's published JSON (documented in its README) instead of calling its
 * `isWorkday`/`getDayDetail`, for two reasons found while building this module:
 *  1. Those functions parse 'YYYY-MM-DD' as UTC midnight and then read it with the SERVER's local
 *     getters. On a server west of UTC (TZ=America/New_York) every answer is for the previous
 *     day: `isWorkday('2026-03-07')` (a Saturday) returns true. That breaks R-CAL-2.
 *  2. For years without data they silently answer by weekday, so they cannot tell us which years
 *     are covered. The JSON can: the covered years are the years that have holiday entries.
 */
import packageJson from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { LocalDate } from "./local-date";

interface PackageJsonShape {
  /** date → "English name,中文名,days" e.g. "Spring Festival,春节,4" */
  holidays: Record<string, string>;
  /** make-up working days (调休上班), same value format */
  workdays: Record<string, string>;
}

export interface PackageDay {
  working: boolean;
  /** Chinese holiday name (for a make-up day: the holiday it makes up for). */
  name: string;
}

const data = packageJson as unknown as PackageJsonShape;

function chineseName(value: string): string {
  // "Spring Festival,春节,4" → "春节"; fall back to the raw text if the format ever changes.
  const parts = value.split(",");
  return (parts[1] ?? parts[0] ?? value).trim();
}

const packageDays: ReadonlyMap<LocalDate, PackageDay> = (() => {
  const days = new Map<LocalDate, PackageDay>();
  for (const [date, value] of Object.entries(data.holidays)) days.set(date, { working: false, name: chineseName(value) });
  // The package lets a make-up workday win over a holiday on the same date; so do we.
  for (const [date, value] of Object.entries(data.workdays)) days.set(date, { working: true, name: chineseName(value) });
  return days;
})();

const coveredYears: ReadonlySet<number> = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));

/** First and last year the installed package has official data for (detected, not hard-coded). */
export const PACKAGE_FIRST_YEAR = Math.min(...coveredYears);
export const PACKAGE_LAST_YEAR = Math.max(...coveredYears);

/** True when the installed `chinese-days` carries the official table for `year`. */
export function packageCoversYear(year: number): boolean {
  return coveredYears.has(year);
}

/** The package's entry for a date (holiday or make-up day); undefined for an ordinary day. */
export function packageDay(date: LocalDate): PackageDay | undefined {
  return packageDays.get(date);
}
