import { describe, expect, it } from "vitest";
import { datesListedByOtherYears, missingStatutoryHolidays, yearTableChanges } from "./official-year";
import { provisionalDaysOff, provisionalHolidays } from "./provisional";
import type { OfficialYearTable } from "./site-input";
import { datesOfRange } from "./test-support";

/** The law's own days off for 2027 (holidays and 补假), as a manager would start from. */
const COMPUTED_2027: OfficialYearTable = { year: 2027, holidays: provisionalDaysOff(2027), workdays: [] };

describe("an entered table must hold every statutory holiday of its year (R-CAL-1)", () => {
  it("accepts the computed days off, and a real-looking notice that bridges around them", () => {
    expect(missingStatutoryHolidays(COMPUTED_2027)).toEqual([]);
    const notice: OfficialYearTable = {
      year: 2027,
      holidays: [...provisionalHolidays(2027), ...datesOfRange("2027-10-04", "2027-10-07").map((date) => ({ date, name: "国庆节" }))],
      workdays: [{ date: "2027-10-09", name: "国庆节" }],
    };
    expect(missingStatutoryHolidays(notice)).toEqual([]);
  });

  it("names each statutory day a table leaves out", () => {
    const onlyNewYear: OfficialYearTable = { year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], workdays: [] };
    expect(missingStatutoryHolidays(onlyNewYear)).toHaveLength(12);
    const noNationalDay: OfficialYearTable = {
      ...COMPUTED_2027,
      holidays: COMPUTED_2027.holidays.filter(({ date }) => !["2027-10-02", "2027-10-03"].includes(date)),
    };
    expect(missingStatutoryHolidays(noNationalDay)).toEqual([
      { date: "2027-10-02", name: "国庆节" },
      { date: "2027-10-03", name: "国庆节" },
    ]);
    // Listing the day as a make-up WORKING day does not count as listing the holiday.
    expect(missingStatutoryHolidays({ ...noNationalDay, workdays: [{ date: "2027-10-02" }] })).toHaveLength(2);
  });

  it("does not judge years before the rules in force", () => {
    expect(() => missingStatutoryHolidays({ year: 2024, holidays: [], workdays: [] })).toThrow(RangeError);
  });
});

describe("dates another year's table already lists", () => {
  it("are found across the year boundary", () => {
    const table2028: OfficialYearTable = { year: 2028, holidays: [{ date: "2027-12-31", name: "元旦" }], workdays: [] };
    const table2027: OfficialYearTable = { ...COMPUTED_2027, workdays: [{ date: "2027-12-31" }] };
    expect(datesListedByOtherYears([table2028], table2027)).toEqual(["2027-12-31"]);
    // Replacing the 2028 table itself is not a clash.
    expect(datesListedByOtherYears([table2028], table2028)).toEqual([]);
  });
});

describe("the day-by-day preview against the calendar in force", () => {
  it("lists the provisional year's days that the notice changes", () => {
    const notice: OfficialYearTable = {
      year: 2027,
      holidays: [...COMPUTED_2027.holidays, ...datesOfRange("2027-10-06", "2027-10-07").map((date) => ({ date, name: "国庆节" }))],
      workdays: [{ date: "2027-09-26", name: "国庆节" }], // a Sunday made a working day
    };
    expect(yearTableChanges([], notice)).toEqual([
      { date: "2027-09-26", before: { working: false, provisional: true }, after: { working: true, provisional: false, name: "国庆节" } },
      {
        date: "2027-10-06",
        before: { working: true, provisional: true },
        after: { working: false, provisional: false, name: "国庆节" },
      },
      {
        date: "2027-10-07",
        before: { working: true, provisional: true },
        after: { working: false, provisional: false, name: "国庆节" },
      },
    ]);
  });

  it("shows what replacing an entered table gives back or takes away", () => {
    const entered: OfficialYearTable = { ...COMPUTED_2027, holidays: [...COMPUTED_2027.holidays, { date: "2027-12-31", name: "元旦" }] };
    const changes = yearTableChanges([entered], COMPUTED_2027);
    expect(changes).toEqual([
      { date: "2027-12-31", before: { working: false, provisional: false, name: "元旦" }, after: { working: true, provisional: false } },
    ]);
  });

  it("marks a provisional 补假 a notice turns into a working day", () => {
    const withoutCompensatory: OfficialYearTable = { year: 2027, holidays: provisionalHolidays(2027), workdays: [] };
    const changes = yearTableChanges([], withoutCompensatory);
    expect(changes.map(({ date }) => date)).toEqual(["2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"]);
    expect(changes[0]).toEqual({
      date: "2027-02-09",
      before: { working: false, provisional: true, name: "春节", compensatory: true },
      after: { working: true, provisional: false },
    });
  });

  it("reaches back into December of the previous year", () => {
    const from2026: OfficialYearTable = { ...COMPUTED_2027, holidays: [{ date: "2026-12-31", name: "元旦" }, ...COMPUTED_2027.holidays] };
    expect(yearTableChanges([], from2026)).toEqual([
      { date: "2026-12-31", before: { working: true, provisional: false }, after: { working: false, provisional: false, name: "元旦" } },
    ]);
  });
});
