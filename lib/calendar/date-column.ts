/**
 * Prisma's `@db.Date` columns hold a calendar day, not an instant: Prisma carries it as a `Date` at
 * UTC midnight of that day. These two are the only crossing between that value and a `LocalDate`;
 * neither involves any time zone (the day is already the site's local day).
 */
import { assertLocalDate, type LocalDate } from "./local-date";

/** 'YYYY-MM-DD' → the value Prisma writes into (or compares with) a `@db.Date` column. */
export function dateColumn(date: LocalDate): Date {
  assertLocalDate(date);
  return new Date(`${date}T00:00:00.000Z`);
}

/** A `@db.Date` column's value → 'YYYY-MM-DD'. */
export function localDateOfColumn(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}
