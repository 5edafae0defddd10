import { describe, expect, it } from "vitest";
import { createCalendar, yearStatus, type OfficialYearTable, type SiteCalendar } from "./index";
import { datesOfRange, isMonToFri } from "./test-support";

/**
 * The official 2026 table, typed in by hand from 国办发明电〔2025〕7号 (published 2025-11-04),
 * NOT from the package: 元旦 Jan 1–3 (work Sun Jan 4); 春节 Feb 15–23 (work Sat Feb 14, Sat Feb 28);
 * 清明 Apr 4–6; 劳动节 May 1–5 (work Sat May 9); 端午 Jun 19–21; 中秋 Sep 25–27;
 * 国庆 Oct 1–7 (work Sun Sep 20, Sat Oct 10).
 */
const HOLIDAYS_2026 = [
  ...datesOfRange("2026-01-01", "2026-01-03"),
  ...datesOfRange("2026-02-15", "2026-02-23"),
  ...datesOfRange("2026-04-04", "2026-04-06"),
  ...datesOfRange("2026-05-01", "2026-05-05"),
  ...datesOfRange("2026-06-19", "2026-06-21"),
  ...datesOfRange("2026-09-25", "2026-09-27"),
  ...datesOfRange("2026-10-01", "2026-10-07"),
];
const MAKE_UP_WORKDAYS_2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

const SHANGHAI: SiteCalendar = { timeZone: "Asia/Shanghai", overrides: [], officialYears: [] };
const shanghai = createCalendar(SHANGHAI);
/** A Shanghai wall-clock time as an instant (UTC+8, no DST). */
const sh = (localDateTime: string) => new Date(`${localDateTime}+08:00`);

describe("2026 from the package matches the official notice (R-CAL-1)", () => {
  it("agrees on every day of 2026", () => {
    const holidays = new Set(HOLIDAYS_2026);
    const makeUps = new Set(MAKE_UP_WORKDAYS_2026);
    for (const date of datesOfRange("2026-01-01", "2026-12-31")) {
      const expected = makeUps.has(date) || (!holidays.has(date) && isMonToFri(date));
      expect({ date, working: shanghai.isWorkingDay(date) }).toEqual({ date, working: expected });
      expect(shanghai.dayInfo(date)).toMatchObject({ source: "package", provisional: false });
    }
  });

  it("names the days the issue asks about", () => {
    for (const date of datesOfRange("2026-02-15", "2026-02-23")) {
      expect(shanghai.dayInfo(date)).toMatchObject({ working: false, holidayName: "春节" });
    }
    expect(shanghai.dayInfo("2026-02-14")).toMatchObject({ working: true, makeUpFor: "春节" });
    expect(shanghai.dayInfo("2026-02-28")).toMatchObject({ working: true, makeUpFor: "春节" });
    for (const date of datesOfRange("2026-10-01", "2026-10-07")) {
      expect(shanghai.dayInfo(date)).toMatchObject({ working: false, holidayName: "国庆节" });
    }
    expect(shanghai.dayInfo("2026-09-20")).toMatchObject({ working: true, makeUpFor: "国庆节" });
    expect(shanghai.dayInfo("2026-10-10")).toMatchObject({ working: true, makeUpFor: "国庆节" });
    expect(shanghai.dayInfo("2026-03-07")).toEqual({ working: false, provisional: false, source: "package" });
  });
});

describe("addWorkingDays (R-CAL-2, R-CMP-2)", () => {
  const due = (from: string, n: number) => shanghai.addWorkingDays(sh(from), n);

  it.each([
    // [received (Shanghai), working days, due end of (Shanghai) — worked out by hand from the table]
    ["2026-02-13T10:00", 1, "2026-02-14"], // Fri → Sat Feb 14 is a make-up working day
    ["2026-02-14T10:00", 1, "2026-02-24"], // make-up Sat → Feb 15–23 off → Tue Feb 24
    ["2026-02-20T10:00", 1, "2026-02-24"], // received on a holiday: counts from that day
    ["2026-02-14T00:30", 1, "2026-02-24"], // 00:30 local is already Feb 14 (16:30Z on Feb 13)
    ["2026-02-13T10:00", 3, "2026-02-25"], // Feb 14, Feb 24, Feb 25
    ["2026-03-07T10:00", 1, "2026-03-09"], // Saturday + 1 working day = Monday
    ["2026-04-03T18:00", 1, "2026-04-07"], // 清明 Apr 4–6 (Sat–Mon)
    ["2026-04-30T09:00", 3, "2026-05-08"], // 劳动节 May 1–5 → May 6, 7, 8
    ["2026-04-30T09:00", 4, "2026-05-09"], // … and Sat May 9 is a make-up day
    ["2026-09-18T09:00", 3, "2026-09-22"], // Sun Sep 20 make-up, Mon 21, Tue 22
    ["2026-09-30T15:00", 3, "2026-10-10"], // 国庆 Oct 1–7 → Oct 8, 9, Sat Oct 10
    ["2026-12-30T09:00", 1, "2026-12-31"],
    ["2026-02-13T10:00", 0, "2026-02-13"], // n = 0: by the end of the same local day
  ])("received %s + %i working day(s) → due end of %s Shanghai", (from, n, dueDate) => {
    expect(due(from, n)).toEqual({ dueAt: sh(`${dueDate}T23:59:59.999`), provisional: false });
  });

  it("flags a deadline that runs into a provisional year", () => {
    // Thu 2026-12-31 + 1: 2027-01-01 元旦 (provisional), Jan 2–3 weekend → Mon Jan 4.
    expect(due("2026-12-31T09:00", 1)).toEqual({ dueAt: sh("2027-01-04T23:59:59.999"), provisional: true });
  });

  it("refuses negative, fractional and absurd counts", () => {
    expect(() => due("2026-02-13T10:00", -1)).toThrow(RangeError);
    expect(() => due("2026-02-13T10:00", 1.5)).toThrow(RangeError);
    expect(() => due("2026-02-13T10:00", 367)).toThrow(RangeError);
    expect(due("2026-02-13T10:00", 366).provisional).toBe(true); // reaches 2027
  });

  it("throws instead of looping when overrides close the site for too long", () => {
    const closed = datesOfRange("2026-03-02", "2026-07-31").map((date) => ({ date, kind: "HOLIDAY" as const }));
    const calendar = createCalendar({ ...SHANGHAI, overrides: closed });
    expect(() => calendar.addWorkingDays(sh("2026-03-01T09:00"), 1)).toThrow(/overrides/);
  });
});

describe("addCalendarDays (R-CAL-3, R-CMP-3)", () => {
  it("counts calendar days and weeks, holidays or not", () => {
    const from = sh("2026-09-30T15:00");
    const expected = { dueAt: new Date("2026-10-07T15:59:59.999Z"), provisional: false };
    expect(shanghai.addCalendarDays(from, 7)).toEqual(expected);
    expect(shanghai.addCalendarWeeks(from, 1)).toEqual(expected);
    expect(shanghai.addCalendarWeeks(from, 2).dueAt).toEqual(sh("2026-10-14T23:59:59.999"));
    // Calendar days never depend on the holiday table, so never provisional.
    expect(shanghai.addCalendarDays(sh("2027-02-04T09:00"), 2).provisional).toBe(false);
    expect(() => shanghai.addCalendarDays(from, -1)).toThrow(RangeError);
  });
});

describe("site time zones (R-CAL-2)", () => {
  const sundayEveningUtc = new Date("2026-03-01T17:00:00Z");

  it("uses the Shanghai local date: Mon 2026-03-02 01:00", () => {
    expect(shanghai.localDateOf(sundayEveningUtc)).toBe("2026-03-02");
    expect(shanghai.endOfLocalDay("2026-03-02").toISOString()).toBe("2026-03-02T15:59:59.999Z");
    expect(shanghai.startOfLocalDay("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(shanghai.addWorkingDays(sundayEveningUtc, 1).dueAt.toISOString()).toBe("2026-03-03T15:59:59.999Z");
  });

  it("gives a site in another zone its own answer for the same instant", () => {
    const london = createCalendar({ ...SHANGHAI, timeZone: "Europe/London" });
    expect(london.localDateOf(sundayEveningUtc)).toBe("2026-03-01"); // Sunday 17:00
    expect(london.addWorkingDays(sundayEveningUtc, 1).dueAt.toISOString()).toBe("2026-03-02T23:59:59.999Z");
    const urumqi = createCalendar({ ...SHANGHAI, timeZone: "Asia/Urumqi" });
    expect(urumqi.addWorkingDays(sundayEveningUtc, 1).dueAt.toISOString()).toBe("2026-03-02T17:59:59.999Z");
  });

  it("rejects an unknown zone", () => {
    expect(() => createCalendar({ ...SHANGHAI, timeZone: "Asia/Atlantis" })).toThrow(RangeError);
  });
});

describe("source precedence (R-CAL-1)", () => {
  /** A made-up 2027 table for the tests — NOT the real 2027 notice, which is not out yet. */
  const FAKE_2027: OfficialYearTable = {
    year: 2027,
    holidays: datesOfRange("2027-02-05", "2027-02-11").map((date) => ({ date, name: "春节" })),
    workdays: [{ date: "2027-02-20", name: "春节" }],
  };

  it("computes 2027 provisionally until a table is entered", () => {
    expect(yearStatus(2027, [])).toBe("provisional");
    expect(shanghai.dayInfo("2027-02-05")).toEqual({ working: false, provisional: true, source: "provisional", holidayName: "春节" });
    // Sat 6 and Sun 7 are 春节 days on a weekend: the law gives 补假 on Tue 9 and Wed 10.
    for (const date of ["2027-02-09", "2027-02-10"]) {
      expect(shanghai.dayInfo(date)).toEqual({
        working: false,
        provisional: true,
        source: "provisional",
        holidayName: "春节",
        compensatory: true,
      });
    }
    expect(shanghai.dayInfo("2027-02-11")).toEqual({ working: true, provisional: true, source: "provisional" });
    // Thu Feb 4: Fri 5 除夕, Sat 6, Sun 7, Mon 8 初三, Tue 9 and Wed 10 补假 → Thu Feb 11.
    expect(shanghai.addWorkingDays(sh("2027-02-04T10:00"), 1)).toEqual({ dueAt: sh("2027-02-11T23:59:59.999"), provisional: true });
  });

  it("counts the provisional 补假 days as days off in deadlines (2027–2030)", () => {
    // 国庆 2027: Fri Oct 1, Sat 2, Sun 3 → 补假 Mon 4, Tue 5; Thu Sep 30 + 1 working day = Wed Oct 6.
    expect(shanghai.addWorkingDays(sh("2027-09-30T10:00"), 1)).toEqual({ dueAt: sh("2027-10-06T23:59:59.999"), provisional: true });
    // 元旦 2028 is a Saturday → Mon Jan 3 off; Fri Dec 31 2027 + 1 = Tue Jan 4.
    expect(shanghai.addWorkingDays(sh("2027-12-31T10:00"), 1).dueAt).toEqual(sh("2028-01-04T23:59:59.999"));
    // 中秋 2029 is Sat Sep 22 → Mon Sep 24 off.
    expect(shanghai.workingDaysBetween("2029-09-21", "2029-09-28")).toBe(4);
    // 春节 2030: 除夕 Sat Feb 2 … Tue Feb 5 → 补假 Wed 6, Thu 7; Fri Feb 1 + 1 = Fri Feb 8.
    expect(shanghai.addWorkingDays(sh("2030-02-01T10:00"), 1).dueAt).toEqual(sh("2030-02-08T23:59:59.999"));
  });

  it("uses an entered table over the provisional computation", () => {
    const calendar = createCalendar({ ...SHANGHAI, officialYears: [FAKE_2027] });
    expect(yearStatus(2027, [FAKE_2027])).toBe("entered");
    expect(calendar.dayInfo("2027-02-10")).toEqual({ working: false, provisional: false, source: "entered", holidayName: "春节" });
    expect(calendar.dayInfo("2027-02-20")).toMatchObject({ working: true, source: "entered", makeUpFor: "春节" });
    expect(calendar.dayInfo("2027-03-01")).toEqual({ working: true, provisional: false, source: "entered" });
    expect(calendar.dayInfo("2027-10-01")).toEqual({ working: true, provisional: false, source: "entered" }); // not in this table
    expect(calendar.addWorkingDays(sh("2027-02-04T10:00"), 1)).toEqual({ dueAt: sh("2027-02-12T23:59:59.999"), provisional: false });
    expect(calendar.addWorkingDays(sh("2027-02-04T10:00"), 2).dueAt).toEqual(sh("2027-02-15T23:59:59.999"));
  });

  it("uses an entered table over the package", () => {
    const fix2026: OfficialYearTable = { year: 2026, holidays: [], workdays: [{ date: "2026-03-07", name: "test" }] };
    const calendar = createCalendar({ ...SHANGHAI, officialYears: [fix2026] });
    expect(yearStatus(2026, [fix2026])).toBe("entered");
    expect(yearStatus(2026, [])).toBe("package");
    expect(calendar.dayInfo("2026-03-07")).toMatchObject({ working: true, source: "entered" });
    // An entered year replaces the package's year entirely: Feb 16 is now an ordinary Monday.
    expect(calendar.dayInfo("2026-02-16")).toEqual({ working: true, provisional: false, source: "entered" });
  });

  it("lets overrides beat everything", () => {
    const calendar = createCalendar({
      ...SHANGHAI,
      overrides: [
        { date: "2026-02-14", kind: "HOLIDAY" }, // package make-up day
        { date: "2026-10-03", kind: "WORKDAY" }, // package holiday
        { date: "2027-02-05", kind: "WORKDAY" }, // provisional holiday
        { date: "2027-02-08", kind: "WORKDAY" }, // holiday in an entered table
      ],
      officialYears: [FAKE_2027],
    });
    expect(calendar.dayInfo("2026-02-14")).toEqual({ working: false, provisional: false, source: "override" });
    expect(calendar.addWorkingDays(sh("2026-02-13T10:00"), 1).dueAt).toEqual(sh("2026-02-24T23:59:59.999"));
    expect(calendar.addWorkingDays(sh("2026-09-30T10:00"), 1).dueAt).toEqual(sh("2026-10-03T23:59:59.999"));
    expect(calendar.dayInfo("2027-02-08")).toMatchObject({ working: true, source: "override" });
    const withoutTable = createCalendar({ ...SHANGHAI, overrides: [{ date: "2027-02-05", kind: "WORKDAY" }] });
    expect(withoutTable.dayInfo("2027-02-05")).toEqual({ working: true, provisional: false, source: "override" });
    expect(withoutTable.addWorkingDays(sh("2027-02-04T10:00"), 1)).toEqual({ dueAt: sh("2027-02-05T23:59:59.999"), provisional: false });
  });

  it("rejects inconsistent input", () => {
    const make = (input: Partial<SiteCalendar>) => () => createCalendar({ ...SHANGHAI, ...input });
    expect(make({ officialYears: [FAKE_2027, FAKE_2027] })).toThrow(/Two official tables/);
    expect(make({ officialYears: [{ year: 2027, holidays: [{ date: "2026-10-01" }], workdays: [] }] })).toThrow(/does not belong/);
    expect(make({ officialYears: [{ year: 2027, holidays: [{ date: "2027-02-05" }], workdays: [{ date: "2027-02-05" }] }] })).toThrow(
      /twice/,
    );
    expect(
      make({
        overrides: [
          { date: "2026-03-07", kind: "WORKDAY" },
          { date: "2026-03-07", kind: "HOLIDAY" },
        ],
      }),
    ).toThrow(/Conflicting/);
    expect(make({ overrides: [{ date: "2026-02-30", kind: "WORKDAY" }] })).toThrow(RangeError);
    // A notice may start 元旦 in the previous December (the 2019 notice did).
    expect(make({ officialYears: [{ year: 2027, holidays: [{ date: "2026-12-31" }], workdays: [] }] })).not.toThrow();
    expect(() => shanghai.dayInfo("2026-02-30")).toThrow(RangeError);
    expect(() => shanghai.dayInfo("2100-01-04")).toThrow(/enter the official table/);
  });
});

describe("memoised answers are safe to share", () => {
  it("freezes day infos and hands out fresh Dates", () => {
    expect(Object.isFrozen(shanghai.dayInfo("2026-02-14"))).toBe(true);
    shanghai.endOfLocalDay("2026-05-06").setTime(0);
    expect(shanghai.endOfLocalDay("2026-05-06")).toEqual(sh("2026-05-06T23:59:59.999"));
  });
});

describe("workingDaysBetween (dashboards)", () => {
  it("counts working days after a, up to and including b", () => {
    expect(shanghai.workingDaysBetween("2026-02-13", "2026-02-25")).toBe(3);
    expect(shanghai.workingDaysBetween("2026-02-25", "2026-02-13")).toBe(-3);
    expect(shanghai.workingDaysBetween("2026-09-30", "2026-10-10")).toBe(3);
    expect(shanghai.workingDaysBetween("2026-03-02", "2026-03-02")).toBe(0);
    expect(() => shanghai.workingDaysBetween("2000-01-01", "2026-01-01")).toThrow(RangeError);
  });

  it("is the inverse of addWorkingDays", () => {
    for (const date of datesOfRange("2026-01-20", "2026-03-10")) {
      for (const n of [1, 3, 10]) {
        const dueDate = shanghai.localDateOf(shanghai.addWorkingDays(sh(`${date}T12:00`), n).dueAt);
        expect(shanghai.workingDaysBetween(date, dueDate)).toBe(n);
      }
    }
  });
});
