/**
 * Prisma's `@db.Date` columns hold a calendar day, not an instant: Prisma carries it as a `Date` at
 * UTC midnight of that day. These two are the only crossing between that value and a `LocalDate`;
 * neither involves any time zone (the day is already the site's local day).
 */
import { MS_PER_DAY, dayNumberOf, localDateFromDayNumber, type LocalDate } from "./local-date";

/** 'YYYY-MM-DD' → the value Prisma writes into (or compares with) a `@db.Date` column. */
export function dateColumn(date: LocalDate): Date {
  return new Date(dayNumberOf(date) * MS_PER_DAY);
}

/** A `@db.Date` column's value → 'YYYY-MM-DD'. */
export function localDateOfColumn(value: Date): LocalDate {
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid time value");
  return localDateFromDayNumber(Math.floor(ms / MS_PER_DAY));
}
