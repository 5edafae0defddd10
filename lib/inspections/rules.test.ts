import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import { canSubmit, complianceRate, dailyWindows, dutyFor, monthlyWindow, windowState } from "./rules";

const calendar = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const site = {
  timeZone: "Asia/Shanghai",
  slot1Start: "09:00",
  slot1End: "12:00",
  slot2Start: "14:00",
  slot2End: "17:30",
  inspectOnWeekends: false,
};

describe("R-INS-1 two slots a day in site time", () => {
  it("a working day has two windows, in Shanghai time", () => {
    const [morning, afternoon] = dailyWindows(calendar, site, "2026-11-27");
    expect(morning).toMatchObject({ periodKey: "2026-11-27#1", slot: 1 });
    expect(morning.start.toISOString()).toBe("2026-11-27T01:00:00.000Z");
    expect(afternoon.end.toISOString()).toBe("2026-11-27T09:30:00.000Z");
  });
  it("no rounds on weekends and holidays unless the site says so; make-up Saturdays are working days", () => {
    expect(dailyWindows(calendar, site, "2026-11-28")).toEqual([]);
    expect(dailyWindows(calendar, site, "2026-10-02")).toEqual([]);
    expect(dailyWindows(calendar, site, "2026-10-10")).toHaveLength(2);
    expect(dailyWindows(calendar, { ...site, inspectOnWeekends: true }, "2026-11-28")).toHaveLength(2);
  });
});

describe("R-INS-2 outlets monthly", () => {
  it("the month runs from the first to the last local day", () => {
    const w = monthlyWindow(calendar, "2026-12-15");
    expect(w.periodKey).toBe("2026-12");
    expect(w.start.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-12-31T15:59:59.999Z");
  });
  it("outlets belong to the coordination supervisor", () => {
    expect(dutyFor("COMMERCIAL_OUTLET")).toBe("COORDINATION");
    expect(dutyFor("LOBBY")).toBe("CLEANING");
  });
});

describe("R-INS-4 window states and misses", () => {
  const [morning] = dailyWindows(calendar, site, "2026-11-27");
  it.each([
    ["upcoming", false, "2026-11-27T08:59:00+08:00"],
    ["due_now", false, "2026-11-27T09:00:00+08:00"],
    ["missed", false, "2026-11-27T12:00:01+08:00"],
    ["done", true, "2026-11-27T12:00:01+08:00"],
  ] as const)("%s", (state, done, now) => {
    expect(windowState(morning, done, new Date(now))).toBe(state);
  });
  it("a check is accepted only inside its window", () => {
    expect(canSubmit(morning, new Date("2026-11-27T08:00:00+08:00"))).toBe("future");
    expect(canSubmit(morning, new Date("2026-11-27T10:00:00+08:00"))).toBe("ok");
    expect(canSubmit(morning, new Date("2026-11-27T13:00:00+08:00"))).toBe("closed");
  });
  it("compliance is done ÷ due", () => {
    expect(complianceRate(4, 3)).toBe(0.75);
    expect(complianceRate(0, 0)).toBeNull();
  });
});

describe("slots follow the site's zone, not the server's", () => {
  it("a site in London: 09:00 local is 09:00 UTC in winter and 08:00 UTC in summer", () => {
    const london = createCalendar({ timeZone: "Europe/London", overrides: [], officialYears: [] });
    const site = {
      timeZone: "Europe/London",
      slot1Start: "09:00",
      slot1End: "12:00",
      slot2Start: "14:00",
      slot2End: "17:30",
      inspectOnWeekends: false,
    };
    expect(dailyWindows(london, site, "2026-12-01")[0].start.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(dailyWindows(london, site, "2026-07-01")[0].start.toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });
  it("a Shanghai slot seen at 01:30 UTC is due now (09:30 local), whatever the server's zone", () => {
    const [morning] = dailyWindows(calendar, site, "2026-11-27");
    expect(windowState(morning, false, new Date("2026-11-27T01:30:00Z"))).toBe("due_now");
  });
});
