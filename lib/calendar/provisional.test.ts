import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import { PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, packageCoversYear, packageDay } from "./package-data";
import { dayOfWeek } from "./local-date";
import {
  chuxiDate,
  PROVISIONAL_MAX_YEAR,
  PROVISIONAL_MIN_YEAR,
  provisionalCompensatoryDays,
  provisionalDayOff,
  provisionalDaysOff,
  provisionalHolidays,
  qingmingDate,
  solarDateOfLunar,
} from "./provisional";
import { withServerZone } from "./test-support";

/** Lunar fields of a Gregorian date. getLunarDate's lunar fields are zone-safe (it counts whole
 *  days from a UTC base); only its echoed `date` field follows the server zone, so we ignore it. */
function lunarOf(date: string) {
  const { lunarYear, lunarMon, lunarDay, isLeap } = chineseDays.getLunarDate(date);
  return { lunarYear, lunarMon, lunarDay, isLeap };
}

describe("package coverage (detected from its data)", () => {
  it("covers 2004–2026 in chinese-days 1.5.7", () => {
    expect(PACKAGE_FIRST_YEAR).toBe(2004);
    expect(PACKAGE_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(packageCoversYear(2026)).toBe(true);
    expect(packageCoversYear(2003)).toBe(false);
    // The package itself would happily answer for 2030 by weekday; we must not treat that as data.
    expect(packageCoversYear(2030)).toBe(false);
  });

  it("reads cross-year entries by date (the 2019 notice made Sat 2018-12-29 a workday)", () => {
    expect(packageDay("2018-12-29")).toEqual({ working: true, name: "元旦" });
  });
});

describe("provisional 2027 (the brief's numbers, checked with the package's lunar data)", () => {
  it("puts 春节 on 除夕 Feb 5 – 初三 Feb 8", () => {
    expect(lunarOf("2027-02-06")).toEqual({ lunarYear: 2027, lunarMon: 1, lunarDay: 1, isLeap: false }); // 正月初一
    // Lunar month 12 of 2026 has only 29 days, so 除夕 is 12/29, not 12/30.
    expect(chineseDays.monthDays(2026, 12)).toBe(29);
    expect(lunarOf("2027-02-05")).toEqual({ lunarYear: 2026, lunarMon: 12, lunarDay: 29, isLeap: false });
    expect(lunarOf("2027-02-08")).toMatchObject({ lunarMon: 1, lunarDay: 3 });
    expect(chuxiDate(2027)).toBe("2027-02-05");
  });

  it("matches 端午 Jun 9, 中秋 Sep 15 and 清明 Apr 5", () => {
    expect(lunarOf("2027-06-09")).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
    expect(lunarOf("2027-09-15")).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false });
    expect(withServerZone("Asia/Shanghai", () => chineseDays.getSolarTermDate(2027, 4, "pure_brightness"))).toBe("2027-04-05");
    expect(qingmingDate(2027)).toBe("2027-04-05");
  });

  it("builds the whole table", () => {
    expect(provisionalHolidays(2027)).toEqual([
      { date: "2027-01-01", name: "元旦" },
      { date: "2027-02-05", name: "春节" },
      { date: "2027-02-06", name: "春节" },
      { date: "2027-02-07", name: "春节" },
      { date: "2027-02-08", name: "春节" },
      { date: "2027-04-05", name: "清明节" },
      { date: "2027-05-01", name: "劳动节" },
      { date: "2027-05-02", name: "劳动节" },
      { date: "2027-06-09", name: "端午节" },
      { date: "2027-09-15", name: "中秋节" },
      { date: "2027-10-01", name: "国庆节" },
      { date: "2027-10-02", name: "国庆节" },
      { date: "2027-10-03", name: "国庆节" },
    ]);
  });
});

describe("除夕 is the day before 正月初一", () => {
  it("handles 30-day and 29-day twelfth months", () => {
    expect(chineseDays.monthDays(2022, 12)).toBe(30);
    expect(chuxiDate(2023)).toBe("2023-01-21"); // 12/30; 春节 2023 was Jan 22
    expect(chineseDays.monthDays(2029, 12)).toBe(30);
    expect(chuxiDate(2030)).toBe("2030-02-02");
    expect(chineseDays.monthDays(2024, 12)).toBe(29);
    expect(chuxiDate(2025)).toBe("2025-01-28"); // the 2025 notice: 1月28日（农历除夕）
  });

  it("lands on the last day of lunar month 12 for every supported year", () => {
    for (let year = PROVISIONAL_MIN_YEAR; year <= PROVISIONAL_MAX_YEAR; year++) {
      const chuxi = lunarOf(chuxiDate(year));
      expect({ year, ...chuxi }).toMatchObject({ year, lunarYear: year - 1, lunarMon: 12, lunarDay: chineseDays.monthDays(year - 1, 12) });
    }
  });
});

describe("our lunar/solar-term arithmetic agrees with the package", () => {
  it("for 正月初一, 端午 and 中秋 of every supported year", () => {
    for (let year = PROVISIONAL_MIN_YEAR; year <= PROVISIONAL_MAX_YEAR; year++) {
      for (const [month, day] of [
        [1, 1],
        [5, 5],
        [8, 15],
      ] as const) {
        const ours = solarDateOfLunar(year, month, day);
        expect(lunarOf(ours)).toEqual({ lunarYear: year, lunarMon: month, lunarDay: day, isLeap: false });
        // The package's own conversion, run with a server zone it handles correctly (UTC+8).
        const theirs = withServerZone("Asia/Shanghai", () => chineseDays.getSolarDateFromLunar(`${year}-${month}-${day}`).date);
        expect(ours).toBe(theirs);
      }
    }
  });

  it("for 清明 of every supported year", () => {
    for (let year = PROVISIONAL_MIN_YEAR; year <= PROVISIONAL_MAX_YEAR; year++) {
      const theirs = withServerZone("Asia/Shanghai", () => chineseDays.getSolarTermDate(year, 4, "pure_brightness"));
      expect({ year, date: qingmingDate(year) }).toEqual({ year, date: theirs });
    }
  });

  it("with the official 清明 holidays 2008–2026 (清明 became a holiday in 2008)", () => {
    for (let year = 2008; year <= 2026; year++) {
      expect({ year, holiday: packageDay(qingmingDate(year)) }).toEqual({ year, holiday: { working: false, name: "清明" } });
    }
  });
});

describe("the provisional rules against real tables made under them", () => {
  it("2025 and 2026 (the current rules apply from 2025): every provisional holiday is an official one", () => {
    for (const year of [2025, 2026]) {
      for (const { date } of provisionalHolidays(year)) {
        expect({ date, official: packageDay(date)?.working }).toEqual({ date, official: false });
      }
    }
  });

  it("gives a 中秋 that falls in 国庆 both names (2020)", () => {
    const oct1 = provisionalHolidays(2020).filter(({ date }) => date === "2020-10-01");
    expect(oct1).toEqual([{ date: "2020-10-01", name: "中秋节、国庆节" }]);
    expect(provisionalHolidays(2020)).toHaveLength(12);
  });

  it("2025 and 2026: every computed 补假 is an official day off too", () => {
    // 端午 Sat 2025-05-31 → Mon Jun 2; 清明 Sun 2026-04-05 → Mon Apr 6; 劳动节 Sat 2026-05-02 → Mon May 4;
    // 国庆 Sat 2026-10-03 → Mon Oct 5. The notices gave each of these days off.
    expect(provisionalCompensatoryDays(2025)).toEqual([{ date: "2025-06-02", name: "端午节" }]);
    expect(provisionalCompensatoryDays(2026)).toEqual([
      { date: "2026-04-06", name: "清明节" },
      { date: "2026-05-04", name: "劳动节" },
      { date: "2026-10-05", name: "国庆节" },
    ]);
    for (const { date } of [...provisionalCompensatoryDays(2025), ...provisionalCompensatoryDays(2026)]) {
      expect({ date, official: packageDay(date)?.working }).toEqual({ date, official: false });
    }
  });

  it("refuses years it cannot compute", () => {
    expect(() => provisionalHolidays(PROVISIONAL_MAX_YEAR + 1)).toThrow(RangeError);
    expect(() => provisionalHolidays(1999)).toThrow(RangeError);
  });
});

describe("补假: a statutory holiday on a Saturday or Sunday gives the next working day off", () => {
  // Each festival day of 2027–2030 that falls on a weekend, and the day the law gives for it.
  const weekendFestivals = {
    2027: [
      ["2027-02-06", "2027-02-09", "春节"], // 初一 Sat → Tue (Mon Feb 8 is 初三)
      ["2027-02-07", "2027-02-10", "春节"], // 初二 Sun → Wed
      ["2027-05-01", "2027-05-03", "劳动节"], // Sat → Mon
      ["2027-05-02", "2027-05-04", "劳动节"], // Sun → Tue
      ["2027-10-02", "2027-10-04", "国庆节"], // Sat → Mon
      ["2027-10-03", "2027-10-05", "国庆节"], // Sun → Tue
    ],
    2028: [
      ["2028-01-01", "2028-01-03", "元旦"], // Sat → Mon (Sun Jan 2 is a weekend)
      ["2028-05-28", "2028-05-29", "端午节"], // Sun → Mon
      ["2028-10-01", "2028-10-04", "国庆节"], // Sun → Wed: Mon 2 and Tue 3 are holidays themselves
    ],
    2029: [
      ["2029-06-16", "2029-06-18", "端午节"], // Sat → Mon
      ["2029-09-22", "2029-09-24", "中秋节"], // Sat → Mon
    ],
    2030: [
      ["2030-02-02", "2030-02-06", "春节"], // 除夕 Sat → Wed (Mon 4, Tue 5 are 初二, 初三)
      ["2030-02-03", "2030-02-07", "春节"], // 初一 Sun → Thu
    ],
  } as const;

  it.each(Object.entries(weekendFestivals))("in %s", (year, cases) => {
    for (const [holiday, dayOff, name] of cases) {
      expect([0, 6]).toContain(dayOfWeek(holiday));
      expect(provisionalDayOff(holiday)).toEqual({ name, compensatory: false });
      expect(provisionalDayOff(dayOff)).toEqual({ name, compensatory: true });
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(dayOff));
    }
    expect(provisionalCompensatoryDays(Number(year))).toEqual(cases.map(([, date, name]) => ({ date, name })));
  });

  it("checks the festival dates those cases rest on (lunar data of the package)", () => {
    expect(lunarOf("2028-05-28")).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
    expect(lunarOf("2028-10-03")).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false }); // 中秋 inside 国庆
    expect(lunarOf("2029-06-16")).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
    expect(lunarOf("2029-09-22")).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false });
    expect([chuxiDate(2028), chuxiDate(2029), chuxiDate(2030)]).toEqual(["2028-01-25", "2029-02-12", "2030-02-02"]);
    // Festivals on weekdays earn nothing: 清明 2027 Mon, 端午/中秋 2027 Wed, all of 2030 but 春节.
    for (const date of ["2027-04-06", "2027-06-10", "2027-09-16", "2030-04-08", "2030-10-04"])
      expect(provisionalDayOff(date)).toBeUndefined();
  });

  it("adds 补假 to the days off but never to the statutory list a table is checked against", () => {
    expect(provisionalHolidays(2027)).toHaveLength(13);
    expect(provisionalDaysOff(2027)).toHaveLength(19);
    expect(provisionalDaysOff(2027).map(({ date }) => date)).toEqual([...provisionalDaysOff(2027).map(({ date }) => date)].sort());
    // 中秋 on 国庆's third day (2028): one date, both names, and no extra day (the law compensates weekends only).
    expect(provisionalDayOff("2028-10-03")).toEqual({ name: "中秋节、国庆节", compensatory: false });
    expect(provisionalHolidays(2028)).toHaveLength(12);
  });
});
