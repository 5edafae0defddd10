import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import {
  dayOfWeek,
  datesListedByOtherYears,
  missingStatutoryHolidays,
  yearTableChanges,
  type NamedDate,
  type OfficialYearTable,
} from "@/lib/calendar";
import { OfficialYearSchema, type OfficialYearInput } from "./schema";
import { loadOfficialYears } from "@/lib/calendar/store";

const toTable = (input: OfficialYearInput): OfficialYearTable => ({
  year: input.year,
  holidays: input.holidays.map(({ date, name }) => (name ? { date, name } : { date })),
  workdays: input.workdays.map(({ date, name }) => (name ? { date, name } : { date })),
});

/** "国庆节 2027-10-02、2027-10-03；元旦 2027-01-01": the missing days grouped by festival. */
function describeMissing(missing: NamedDate[]): string {
  const byName = new Map<string, string[]>();
  for (const { date, name } of missing) byName.set(name, [...(byName.get(name) ?? []), date]);
  return [...byName].map(([name, dates]) => `${name} ${dates.join("、")}`).join("；");
}

/**
 * R-CAL-1: what saving a year table requires beyond its own shape, checked against the tables in
 * force. Shared by the preview and the save, so the preview never shows a table the save refuses.
 */
export async function checkOfficialYear(input: OfficialYearInput): Promise<{ inForce: OfficialYearTable[]; table: OfficialYearTable }> {
  const table = toTable(input);
  const missing = missingStatutoryHolidays(table);
  if (missing.length > 0) {
    throw new DomainError("invalid", "calendar.errors.missingFestivals", "holidays", { days: describeMissing(missing) });
  }
  const inForce = await loadOfficialYears();
  const clash = datesListedByOtherYears(inForce, table);
  if (clash.length > 0) {
    const field = table.holidays.some(({ date }) => date === clash[0]) ? "holidays" : "workdays";
    throw new DomainError("invalid", "calendar.errors.inOtherYear", field, { dates: clash.join("、") });
  }
  return { inForce, table };
}

/**
 * The day-by-day difference a table would make (R-CAL-1), shown before the manager confirms the
 * save. Reads only: no audit row.
 */
export const previewOfficialYear = defineMutation({
  name: "previewOfficialYearAction",
  schema: OfficialYearSchema,
  async run(_actor: Actor, input) {
    const { inForce, table } = await checkOfficialYear(input);
    const changes = yearTableChanges(inForce, table).map((change) => ({ ...change, weekday: dayOfWeek(change.date) }));
    return { year: table.year, changes };
  },
});
