/**
 * Checks and preview for a year table a manager enters (R-CAL-1). An entered table replaces every
 * other source for its whole year and for every site, so it must hold every statutory holiday of
 * that year, may not claim a date another year's table already lists, and the manager sees what it
 * changes, day by day, before it is saved. Pure: the caller passes the tables in force.
 */
import { createCalendar, type DayInfo } from "./calendar";
import { addDays, makeLocalDate, type LocalDate } from "./local-date";
import { provisionalHolidays, STATUTORY_RULES_SINCE, type NamedDate } from "./provisional";
import type { OfficialYearTable } from "./site-input";

/**
 * Statutory holidays of `table.year` (the law's days, as the provisional computation gives them)
 * that the table does not list as days off. The State Council's notices always contain these days
 * themselves; only the bridging around them (调休, 补假) varies, so a table without one of them is a
 * typo or a truncated paste, and saving it would turn that festival into working days.
 */
export function missingStatutoryHolidays(table: OfficialYearTable): NamedDate[] {
  if (table.year < STATUTORY_RULES_SINCE) {
    throw new RangeError(`Year ${table.year} predates the statutory rules in force since ${STATUTORY_RULES_SINCE}`);
  }
  const listedOff = new Set(table.holidays.map(({ date }) => date));
  return provisionalHolidays(table.year).filter(({ date }) => !listedOff.has(date));
}

/** Dates of `table` that another year's table in force already lists (a 元旦 block of December). */
export function datesListedByOtherYears(inForce: ReadonlyArray<OfficialYearTable>, table: OfficialYearTable): LocalDate[] {
  const elsewhere = new Set(
    inForce.filter(({ year }) => year !== table.year).flatMap((t) => [...t.holidays, ...t.workdays].map(({ date }) => date)),
  );
  return [...table.holidays, ...table.workdays].map(({ date }) => date).filter((date) => elsewhere.has(date));
}

export interface DayState {
  working: boolean;
  provisional: boolean;
  /** Holiday name, or for a make-up working day the holiday it makes up for. */
  name?: string;
  compensatory?: boolean;
}

export interface DayChange {
  date: LocalDate;
  before: DayState;
  after: DayState;
}

function stateOf(info: Readonly<DayInfo>): DayState {
  const state: DayState = { working: info.working, provisional: info.provisional };
  const name = info.holidayName ?? info.makeUpFor;
  if (name !== undefined) state.name = name;
  if (info.compensatory) state.compensatory = true;
  return state;
}

/**
 * Every day whose working status would change if `table` replaced its year's table in force:
 * from 1 December of the previous year (a notice may start 元旦 there) to 31 December. Site
 * overrides are left out on purpose — they win over any table and do not change with it.
 * Throws like createCalendar when the tables clash; check datesListedByOtherYears first.
 */
export function yearTableChanges(inForce: ReadonlyArray<OfficialYearTable>, table: OfficialYearTable): DayChange[] {
  // The zone does not affect which days are off; any valid one will do.
  const before = createCalendar({ timeZone: "UTC", overrides: [], officialYears: inForce });
  const after = createCalendar({
    timeZone: "UTC",
    overrides: [],
    officialYears: [...inForce.filter(({ year }) => year !== table.year), table],
  });
  const changes: DayChange[] = [];
  const last = makeLocalDate(table.year, 12, 31);
  for (let date = makeLocalDate(table.year - 1, 12, 1); date <= last; date = addDays(date, 1)) {
    const was = before.dayInfo(date);
    const will = after.dayInfo(date);
    if (was.working !== will.working) changes.push({ date, before: stateOf(was), after: stateOf(will) });
  }
  return changes;
}
