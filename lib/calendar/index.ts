/**
 * Working-day calendar and deadline arithmetic (R-CAL-1..3). Pure: no I/O, no env, no server
 * time zone. All deadline code of the app goes through this module; loading a site's calendar from
 * the database is `@/lib/calendar/store` (server-only).
 */
export { createCalendar, MAX_DAYS_TO_ADD, MAX_SPAN_DAYS, type Calendar, type DayInfo, type DaySource, type Deadline } from "./calendar";
export { dateColumn, localDateOfColumn } from "./date-column";
export { yearStatus, type OfficialYearTable, type OverrideKind, type SiteCalendar, type YearStatus } from "./site-input";
export {
  addDays,
  assertLocalDate,
  dayOfWeek,
  diffDays,
  endOfLocalDayInZone,
  formatInZone,
  isValidLocalDate,
  isValidTimeZone,
  isWeekend,
  instantFromLocalDateTime,
  localDateInZone,
  localDateTimeInZone,
  makeLocalDate,
  parseLocalDate,
  startOfLocalDayInZone,
  yearOf,
  type DayOfWeek,
  type LocalDate,
} from "./local-date";
export { datesListedByOtherYears, missingStatutoryHolidays, yearTableChanges, type DayChange, type DayState } from "./official-year";
export { packageCoversYear, PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR } from "./package-data";
export {
  chuxiDate,
  provisionalCompensatoryDays,
  provisionalDaysOff,
  provisionalHolidays,
  qingmingDate,
  solarDateOfLunar,
  PROVISIONAL_MAX_YEAR,
  PROVISIONAL_MIN_YEAR,
  STATUTORY_RULES_SINCE,
  type NamedDate,
} from "./provisional";
