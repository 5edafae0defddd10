import { describe, expect, it } from "vitest";
import { canteenTally, cleaningTally, docTally, mondaysOf, monthDaysUpTo, nextMonthStart } from "./report.rules";
import { weekStartOf } from "./rules";

const check = (counts: Partial<Record<"breakfastKinds" | "lunchMainDishes" | "lunchStaples" | "dinnerKinds", number>>, extra = {}) => ({
  breakfastKinds: 8,
  lunchMainDishes: 5,
  lunchStaples: 4,
  dinnerKinds: 8,
  failures: 0,
  resolution: "NONE",
  ...counts,
  ...extra,
});

describe("the month's days and weeks", () => {
  it("the next month's first day, across a year", () => {
    expect(nextMonthStart("2026-02")).toBe("2026-03-01");
    expect(nextMonthStart("2026-12")).toBe("2027-01-01");
  });

  it("a past month has all its days; the current one stops at today", () => {
    expect(monthDaysUpTo("2026-02", "2026-06-17")).toHaveLength(28);
    expect(monthDaysUpTo("2026-06", "2026-06-17").at(-1)).toBe("2026-06-17");
    expect(monthDaysUpTo("2026-07", "2026-06-17")).toEqual([]);
  });

  it("the weeks of a month are those whose Monday lies in it (R-CAT-1)", () => {
    // June 2026 begins on a Monday; 2026-05-25's week belongs to May.
    expect(mondaysOf("2026-06", weekStartOf)).toEqual(["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"]);
    expect(mondaysOf("2026-05", weekStartOf)).toEqual(["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25"]);
  });
});

describe("R-CAT-1 canteen figures", () => {
  it("counts each short dish count with the days and the lowest count, and the failed and escalated checks", () => {
    const tally = canteenTally([
      check({ lunchMainDishes: 3 }, { failures: 1, resolution: "CORRECTED" }),
      check({ lunchMainDishes: 4, dinnerKinds: 7 }, { failures: 2, resolution: "ESCALATED" }),
      check({}),
      check({}, { failures: 1, resolution: "CORRECTED" }),
    ]);
    expect(tally).toMatchObject({ done: 4, failed: 3, escalated: 1, shortDays: 2 });
    expect(tally.short.lunchMainDishes).toEqual({ days: 2, lowest: 3 });
    expect(tally.short.dinnerKinds).toEqual({ days: 1, lowest: 7 });
    expect(tally.short.breakfastKinds).toEqual({ days: 0, lowest: null });
  });

  it("weekly papers by state", () => {
    expect(docTally(["onTime", "late", "missing", "missing", "pending", "notDue"])).toEqual({ onTime: 1, late: 1, missing: 2, pending: 1 });
  });
});

describe("R-CLN-1 over a month", () => {
  it("counts working days, recorded days, reports sent and missed items; a holiday has no items", () => {
    const tally = cleaningTally([
      {
        date: "2026-06-15",
        recorded: true,
        items: [
          { key: "PLAN_HEARD", state: "done" },
          { key: "REPORT", state: "late" },
        ],
      },
      {
        date: "2026-06-16",
        recorded: true,
        items: [
          { key: "PLAN_HEARD", state: "missed" },
          { key: "REPORT", state: "missed" },
        ],
      },
      {
        date: "2026-06-17",
        recorded: false,
        items: [
          { key: "LUNCH_CHECK", state: "missed" },
          { key: "REPORT", state: "open" },
        ],
      },
      { date: "2026-06-19", recorded: false, items: null },
    ]);
    expect(tally).toEqual({
      workingDays: 3,
      recordedDays: 2,
      reportsSent: 1,
      daysWithMissed: 2,
      missed: 3,
      missedByItem: { PLAN_HEARD: 1, REPORT: 1, LUNCH_CHECK: 1 },
    });
  });
});
