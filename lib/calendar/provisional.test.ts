import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import { PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, packageCoversYear, packageDay } from "./package-data";
import { chuxiDate, PROVISIONAL_MAX_YEAR, PROVISIONAL_MIN_YEAR, provisionalHolidays, qingmingDate, solarDateOfLunar } from "./provisional";
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

  it("refuses years it cannot compute", () => {
    expect(() => provisionalHolidays(PROVISIONAL_MAX_YEAR + 1)).toThrow(RangeError);
    expect(() => provisionalHolidays(1999)).toThrow(RangeError);
  });
});
