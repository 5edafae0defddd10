import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  canRecordOn,
  dayItems,
  dueAtOf,
  hasCleaningDay,
  itemState,
  missedItems,
  monthEndDue,
  mondayOf,
  patrolState,
  periodProblem,
  planState,
  recentPeriods,
  weeklyPlanDue,
  type DayFacts,
} from "./rules";

const calendar = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const at = (iso: string) => new Date(iso);

describe("R-CLN-1 a supervisor's day on working days only (2026 calendar)", () => {
  it("an ordinary working day has a day, a weekend does not", () => {
    expect(hasCleaningDay(calendar, "2026-11-27")).toBe(true);
    expect(hasCleaningDay(calendar, "2026-11-28")).toBe(false);
  });
  it("a public holiday has no day (National Day), a make-up Saturday has one (2026-10-10, 2026-02-28)", () => {
    expect(hasCleaningDay(calendar, "2026-10-01")).toBe(false);
    expect(dayItems(calendar, "2026-10-01", { steps: {}, patrols: {}, reportSentAt: null }, at("2026-10-01T20:00:00+08:00"))).toBeNull();
    expect(hasCleaningDay(calendar, "2026-10-10")).toBe(true);
    expect(hasCleaningDay(calendar, "2026-02-28")).toBe(true);
  });
  it("a site override turning a Saturday into a working day gives it a day", () => {
    const withOverride = createCalendar({
      timeZone: "Asia/Shanghai",
      overrides: [{ date: "2026-12-26", kind: "WORKDAY" }],
      officialYears: [],
    });
    expect(hasCleaningDay(withOverride, "2026-12-26")).toBe(true);
  });
  it("steps are recorded only today in site time, and only on a working day", () => {
    // 2026-10-09 23:30 UTC is already 10-10 07:30 in Shanghai: the make-up Saturday.
    expect(canRecordOn(calendar, "2026-10-10", at("2026-10-09T23:30:00Z"))).toBe("ok");
    expect(canRecordOn(calendar, "2026-10-09", at("2026-10-09T23:30:00Z"))).toBe("not_today");
    expect(canRecordOn(calendar, "2026-10-01", at("2026-10-01T10:00:00+08:00"))).toBe("not_working");
  });
});

describe("R-CLN-1 each step by its time; not recorded by then = missed", () => {
  it("due times are site wall-clock times", () => {
    expect(dueAtOf(calendar, "2026-11-27", "PLAN_HEARD").toISOString()).toBe("2026-11-27T01:30:00.000Z");
    expect(dueAtOf(calendar, "2026-11-27", "REPORT").toISOString()).toBe("2026-11-27T10:30:00.000Z");
  });
  it.each([
    ["open", null, "2026-11-27T09:00:00+08:00"],
    ["missed", null, "2026-11-27T09:31:00+08:00"],
    ["done", "2026-11-27T09:29:00+08:00", "2026-11-27T20:00:00+08:00"],
    ["late", "2026-11-27T09:45:00+08:00", "2026-11-27T20:00:00+08:00"],
  ] as const)("%s", (state, recorded, now) => {
    expect(itemState(dueAtOf(calendar, "2026-11-27", "PLAN_HEARD"), recorded ? at(recorded) : null, at(now))).toBe(state);
  });
  it("a patrol is done when every area was checked in its slot, missed when the slot ended short (R-INS-4)", () => {
    const slot = { end: at("2026-11-27T12:00:00+08:00") };
    expect(patrolState(slot, { due: 4, done: 4 }, at("2026-11-27T13:00:00+08:00"))).toBe("done");
    expect(patrolState(slot, { due: 4, done: 3 }, at("2026-11-27T11:00:00+08:00"))).toBe("open");
    expect(patrolState(slot, { due: 4, done: 3 }, at("2026-11-27T12:00:01+08:00"))).toBe("missed");
  });
  it("the day's list on a make-up Saturday: what was not recorded by its time shows as missed", () => {
    const facts: DayFacts = {
      steps: { PLAN_HEARD: at("2026-10-10T09:10:00+08:00"), LUNCH_CHECK: at("2026-10-10T14:00:00+08:00") },
      patrols: {
        1: { end: at("2026-10-10T12:00:00+08:00"), due: 2, done: 2, lastCheckAt: at("2026-10-10T10:30:00+08:00") },
        2: { end: at("2026-10-10T17:30:00+08:00"), due: 2, done: 1, lastCheckAt: at("2026-10-10T15:00:00+08:00") },
      },
      reportSentAt: null,
    };
    const items = dayItems(calendar, "2026-10-10", facts, at("2026-10-10T17:45:00+08:00"))!;
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ["PLAN_HEARD", "done"],
      ["PATROL_1", "done"],
      ["LUNCH_CHECK", "late"],
      ["PATROL_2", "missed"],
      ["OPINIONS_HEARD", "missed"],
      ["LAST_PATROL", "open"],
      ["REPORT", "open"],
    ]);
    expect(missedItems(items)).toEqual(["PATROL_2", "OPINIONS_HEARD"]);
  });
  it("a site without rounds that day lists no patrols", () => {
    const items = dayItems(calendar, "2026-11-27", { steps: {}, patrols: {}, reportSentAt: null }, at("2026-11-27T08:00:00+08:00"))!;
    expect(items.map((i) => i.key)).toEqual(["PLAN_HEARD", "LUNCH_CHECK", "OPINIONS_HEARD", "LAST_PATROL", "REPORT"]);
  });
});

describe("§10.11 weekly plan due by the cleaning meeting", () => {
  it("weeks run Monday to Sunday", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
  });
  it("the meeting held that week decides; else the series' usual day and time; else the week's last working day", () => {
    const meeting = { startsAt: at("2026-11-26T15:00:00+08:00") };
    expect(weeklyPlanDue(calendar, "2026-11-23", meeting, { weekday: 5, startTime: "10:00" })).toEqual(meeting.startsAt);
    expect(weeklyPlanDue(calendar, "2026-11-23", null, { weekday: 5, startTime: "10:00" })?.toISOString()).toBe("2026-11-27T02:00:00.000Z");
    expect(weeklyPlanDue(calendar, "2026-11-23", null, null)?.toISOString()).toBe("2026-11-27T15:59:59.999Z");
  });
  it("National Day week: the usual Monday is a holiday, so the plan is due at the end of the make-up Saturday", () => {
    expect(weeklyPlanDue(calendar, "2026-10-05", null, { weekday: 1, startTime: "10:00" })?.toISOString()).toBe("2026-10-10T15:59:59.999Z");
  });
  it("a week with no working day has no plan due", () => {
    const allOff = createCalendar({
      timeZone: "Asia/Shanghai",
      overrides: ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"].map((date) => ({ date, kind: "HOLIDAY" as const })),
      officialYears: [],
    });
    expect(weeklyPlanDue(allOff, "2026-11-23", null, null)).toBeNull();
  });
});

describe("§10.12–13 month-end plan and written summary", () => {
  it("due by the end of the month's last working day — a make-up Saturday counts (2026-02-28)", () => {
    expect(monthEndDue(calendar, "2026-02-01")?.toISOString()).toBe("2026-02-28T15:59:59.999Z");
    // 2026-10-31 is a Saturday: the 30th.
    expect(monthEndDue(calendar, "2026-10-01")?.toISOString()).toBe("2026-10-30T15:59:59.999Z");
  });
  it.each([
    ["on_time", "2026-11-27T09:00:00+08:00", "2026-11-30T00:00:00+08:00"],
    ["late", "2026-11-28T09:00:00+08:00", "2026-11-30T00:00:00+08:00"],
    ["missing", null, "2026-11-28T00:00:00+08:00"],
    ["open", null, "2026-11-27T23:00:00+08:00"],
  ] as const)("plan state %s", (state, submitted, now) => {
    expect(planState(at("2026-11-27T15:59:59.999Z"), submitted ? at(submitted) : null, at(now))).toBe(state);
  });
  it("a period is a Monday or a month's first day, and not one still to come", () => {
    expect(periodProblem("WEEKLY", "2026-11-23", "2026-11-27")).toBeNull();
    expect(periodProblem("WEEKLY", "2026-11-24", "2026-11-27")).toBe("malformed");
    expect(periodProblem("WEEKLY", "2026-11-30", "2026-11-27")).toBe("future");
    expect(periodProblem("MONTHLY", "2026-11-01", "2026-11-27")).toBeNull();
    expect(periodProblem("MONTHLY", "2026-11-02", "2026-11-27")).toBe("malformed");
    expect(periodProblem("MONTHLY", "2026-12-01", "2026-11-27")).toBe("future");
  });
  it("recent periods, newest first, across a year's end", () => {
    expect(recentPeriods("MONTHLY", "2026-01-15", 3)).toEqual(["2026-01-01", "2025-12-01", "2025-11-01"]);
    expect(recentPeriods("WEEKLY", "2026-01-01", 2)).toEqual(["2025-12-29", "2025-12-22"]);
  });
});

describe("reminders look back to the last working day", () => {
  it("after National Day the previous working day is before the holiday; a make-up Saturday counts", async () => {
    const { previousWorkingDay, missingOfDay } = await import("./rules");
    expect(previousWorkingDay(calendar, "2026-10-08")).toBe("2026-09-30");
    expect(previousWorkingDay(calendar, "2026-10-12")).toBe("2026-10-10");
    expect(missingOfDay(["PLAN_HEARD", "LAST_PATROL"], false)).toEqual(["LUNCH_CHECK", "OPINIONS_HEARD", "REPORT"]);
    expect(missingOfDay(["PLAN_HEARD", "LUNCH_CHECK", "OPINIONS_HEARD", "LAST_PATROL"], true)).toEqual([]);
  });
});
