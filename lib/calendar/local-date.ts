/**
 * Local dates ('YYYY-MM-DD') and their relation to instants in a given IANA time zone.
 *
 * R-CAL-2: days are counted in the SITE's time zone, never the server's. Everything here is
 * therefore either pure arithmetic on the date string (done on UTC day numbers, which have no
 * zone and no DST) or goes through `TZDate` / `tzOffset` with an explicit zone. Nothing reads
 * the server zone: no `Date#getDay()/getDate()/getHours()` on plain `Date`s, no `new Date(y, m, d)`.
 */
import { TZDate, tzOffset } from "@date-fns/tz";

/** A calendar day in some site's zone, 'YYYY-MM-DD'. Compare with `<`/`>`: the format sorts. */
export type LocalDate = string;

/** 0 = Sunday … 6 = Saturday, like `Date#getDay()`, but for the local date itself. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

const DAYS_KEPT = 50_000;
/** Valid local dates → their day numbers, and back: a page asks for the same few hundred days thousands of times. */
const dayNumbers = new Map<string, number>();
const datesOfDays = new Map<number, LocalDate>();

function kept<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= DAYS_KEPT) map.clear();
  map.set(key, value);
  return value;
}

/** The day number of a valid local date, or undefined: validated once per distinct string (bounded map). */
function dayNumberIfValid(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const known = dayNumbers.get(value);
  if (known !== undefined) return known;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined; // rejects 2026-02-30 and friends
  return kept(dayNumbers, value, toDayNumber(year, month, day));
}

/** Years 1000–9999 only: keeps the 4-digit format unambiguous and `Date.UTC` out of its 0–99 quirk. */
export function isValidLocalDate(value: unknown): value is LocalDate {
  return dayNumberIfValid(value) !== undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function toDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function assertLocalDate(value: unknown, what = "date"): asserts value is LocalDate {
  if (!isValidLocalDate(value)) {
    throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} (expected 'YYYY-MM-DD')`);
  }
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  assertLocalDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  assertLocalDate(date);
  return date;
}

export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

/** Days since 1970-01-01 (UTC day number). Zone-free: a local date is a label, not an instant. */
export function dayNumberOf(date: LocalDate): number {
  const dayNumber = dayNumberIfValid(date);
  if (dayNumber === undefined) throw new RangeError(`Invalid date: ${JSON.stringify(date)} (expected 'YYYY-MM-DD')`);
  return dayNumber;
}

export function localDateFromDayNumber(dayNumber: number): LocalDate {
  const known = datesOfDays.get(dayNumber);
  if (known !== undefined) return known;
  const utc = new Date(dayNumber * MS_PER_DAY);
  if (Number.isNaN(utc.getTime())) throw new RangeError(`Invalid day number: ${dayNumber}`);
  return kept(datesOfDays, dayNumber, `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return localDateFromDayNumber(dayNumberOf(date) + days);
}

/** `b - a` in days (negative when b is earlier). */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4). The double modulo keeps pre-1970 dates positive.
  return ((((dayNumberOf(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** True for IANA names the runtime knows ('Asia/Shanghai'). Offsets like '+08:00' are refused: sites have DST-aware names. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string") return false;
  if (!timeZone.includes("/") && timeZone !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: unknown): asserts timeZone is string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(timeZone)}`);
}

function assertInstant(instant: Date, what = "instant"): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Invalid ${what}: ${String(instant)}`);
  }
}

const OFFSET_DAYS_PER_ZONE = 5_000;
/** Per zone, per UTC day (days since the epoch): the zone's offset all that day, or null when it changes in the day. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's UTC offset at an instant, in minutes. tzOffset is one Intl call (~2 µs): an export of
 * 10 000 deadlines asks 20 000 times. So the offset is asked at the start and the end of the instant's
 * UTC day, and when both agree it is kept for the whole day (tz data has no offset that changes and
 * changes back within one day); a day with a transition (DST) asks for each instant. Bounded per zone.
 */
function offsetAt(timeZone: string, instant: Date): number {
  const day = Math.floor(instant.getTime() / MS_PER_DAY);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const start = tzOffset(timeZone, new Date(day * MS_PER_DAY));
    offset = start === tzOffset(timeZone, new Date((day + 1) * MS_PER_DAY - 1)) ? start : null;
    if (days.size >= OFFSET_DAYS_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return offset ?? tzOffset(timeZone, instant);
}

/**
 * The site's wall-clock time of an instant, as epoch milliseconds whose UTC fields ARE that wall-clock
 * time. An instant has exactly one offset, so instant + offset is exact (no DST ambiguity this way);
 * the offset is a cached Intl call (offsetAt), several times cheaper than constructing a TZDate.
 */
function wallClockMs(instant: Date, timeZone: string): number {
  assertInstant(instant);
  const offsetMinutes = offsetAt(timeZone, instant);
  if (Number.isNaN(offsetMinutes)) throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(timeZone)}`);
  return instant.getTime() + offsetMinutes * 60_000;
}

/** The local date of an instant in `timeZone` (R-CAL-2). */
export function localDateInZone(instant: Date, timeZone: string): LocalDate {
  return localDateFromDayNumber(Math.floor(wallClockMs(instant, timeZone) / MS_PER_DAY));
}

/** 'YYYY-MM-DD HH:mm' of an instant in `timeZone`, for deadlines shown to staff. */
export function formatInZone(instant: Date, timeZone: string): string {
  const wall = wallClockMs(instant, timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  const minuteOfDay = Math.floor((wall - day * MS_PER_DAY) / 60_000);
  return `${localDateFromDayNumber(day)} ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/**
 * First instant of the local day. Where DST skips midnight (e.g. America/Santiago), TZDate moves
 * forward to the first existing time, which is the day's real start.
 */
export function startOfLocalDayInZone(date: LocalDate, timeZone: string): Date {
  return new Date(
    remembered(`${timeZone} ${date}`, () => {
      const { year, month, day } = parseLocalDate(date);
      return new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone).getTime();
    }),
  );
}

const WALL_CLOCK_CACHE = 20_000;
const instants = new Map<string, number>();

/**
 * The instant of a wall-clock time in a zone, computed once: it never changes while the process runs,
 * a TZDate costs microseconds, and a page asks for the same few times thousands of times (a dashboard
 * of fifty sites, a month of inspection windows: two slots × two ends × areas × days). A bounded map.
 */
function remembered(key: string, compute: () => number): number {
  let at = instants.get(key);
  if (at === undefined) {
    at = compute();
    if (Number.isNaN(at)) throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(key.slice(0, key.indexOf(" ")))}`);
    if (instants.size >= WALL_CLOCK_CACHE) instants.clear();
    instants.set(key, at);
  }
  return at;
}

/**
 * Last millisecond of the local day (R-CAL-2 "by the end (23:59:59 local)"). Computed as the next
 * day's start minus 1 ms rather than by setting 23:59:59.999, so 23- and 25-hour DST days are right.
 */
export function endOfLocalDayInZone(date: LocalDate, timeZone: string): Date {
  return new Date(startOfLocalDayInZone(addDays(date, 1), timeZone).getTime() - 1);
}

/** 'YYYY-MM-DDTHH:mm' as typed into a datetime-local field at the site → the instant it means there. */
export function instantFromLocalDateTime(value: string, timeZone: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !isValidLocalDate(m[1])) throw new RangeError(`Invalid local date-time: ${JSON.stringify(value)}`);
  return new Date(
    remembered(`${timeZone} ${value}`, () => {
      const { year, month, day } = parseLocalDate(m[1]);
      return new TZDate(year, month - 1, day, Number(m[2]), Number(m[3]), 0, 0, timeZone).getTime();
    }),
  );
}

/** The inverse, for prefilling a datetime-local field: 'YYYY-MM-DDTHH:mm' in the site's zone. */
export function localDateTimeInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone).replace(" ", "T");
}
