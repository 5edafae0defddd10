import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  countedWindows,
  dayCells,
  periodKeysOf,
  periodRange,
  supervisorsOf,
  tally,
  windowsInRange,
  type CheckRecord,
} from "./compliance.rules";

const calendar = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const site = {
  timeZone: "Asia/Shanghai",
  slot1Start: "09:00",
  slot1End: "12:00",
  slot2Start: "14:00",
  slot2End: "17:30",
  inspectOnWeekends: false,
};
const lobby = { id: "lobby", type: "LOBBY" as const };
const outlet = { id: "shop", type: "COMMERCIAL_OUTLET" as const };
const at = (iso: string) => new Date(`${iso}+08:00`);
const check = (areaId: string, periodKey: string, iso: string, failures = 0): CheckRecord => ({
  areaId,
  periodKey,
  supervisorId: "u1",
  checkedAt: at(iso),
  failures,
});

describe("periodRange", () => {
  it("day, week (Monday–Sunday) and month", () => {
    expect(periodRange("day", "2026-11-18")).toEqual({ from: "2026-11-18", to: "2026-11-18" });
    expect(periodRange("week", "2026-11-18")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(periodRange("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(periodRange("month", "2026-02-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodRange("month", "2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
  it("period keys: two slots a day and the months", () => {
    expect(periodKeysOf("2026-11-30", "2026-12-01")).toEqual([
      "2026-11-30#1",
      "2026-11-30#2",
      "2026-12-01#1",
      "2026-12-01#2",
      "2026-11",
      "2026-12",
    ]);
  });
});

describe("countedWindows (R-INS-4)", () => {
  // Wednesday 2026-11-18 (a working day), Saturday 2026-11-21 (none).
  const range = (d: string) => ({ start: calendar.startOfLocalDay(d), end: calendar.endOfLocalDay(d) });

  it("a past day: one done, one missed; open windows and the outlet's month do not count", () => {
    const windows = windowsInRange(calendar, site, [lobby, outlet], "2026-11-18", "2026-11-18");
    expect(windows).toHaveLength(3);
    const counted = countedWindows(
      calendar,
      windows,
      [check("lobby", "2026-11-18#1", "2026-11-18T10:00")],
      range("2026-11-18"),
      at("2026-11-19T08:00"),
    );
    expect(tally(counted)).toEqual({ due: 2, done: 1, missed: 1, failures: 0, rate: 0.5 });
    // The same day at 15:00: slot 2 is due now, so only slot 1 counts.
    const midday = countedWindows(
      calendar,
      windows,
      [check("lobby", "2026-11-18#1", "2026-11-18T10:00")],
      range("2026-11-18"),
      at("2026-11-18T15:00"),
    );
    expect(tally(midday)).toMatchObject({ due: 1, done: 1, missed: 0, rate: 1 });
  });

  it("a weekend without rounds counts nothing", () => {
    const windows = windowsInRange(calendar, site, [lobby], "2026-11-21", "2026-11-21");
    expect(windows).toEqual([]);
    expect(tally(countedWindows(calendar, windows, [], range("2026-11-21"), at("2026-11-25T00:00"))).rate).toBeNull();
  });

  it("an outlet's month: done on its check day, missed on the month's last day", () => {
    const windows = windowsInRange(calendar, site, [outlet], "2026-10-01", "2026-10-31");
    const done = countedWindows(
      calendar,
      windows,
      [check("shop", "2026-10", "2026-10-12T10:00", 2)],
      range("2026-10-12"),
      at("2026-11-02T00:00"),
    );
    expect(done.map((w) => [w.state, w.day])).toEqual([["done", "2026-10-12"]]);
    const missed = countedWindows(
      calendar,
      windows,
      [],
      { start: calendar.startOfLocalDay("2026-10-01"), end: calendar.endOfLocalDay("2026-10-31") },
      at("2026-11-02T00:00"),
    );
    expect(missed.map((w) => [w.state, w.day])).toEqual([["missed", "2026-10-31"]]);
    expect(
      supervisorsOf(missed[0], [
        { id: "a", duty: "CLEANING" },
        { id: "b", duty: "COORDINATION" },
      ]),
    ).toEqual(["b"]);
  });
});

describe("dayCells", () => {
  it("slot cells with their state, none on a day without rounds, one cell for an outlet", () => {
    const checks = [check("lobby", "2026-11-18#1", "2026-11-18T09:30", 1)];
    const now = at("2026-11-18T15:00");
    expect(dayCells(calendar, site, lobby, "2026-11-18", checks, now).map((c) => c.state)).toEqual(["done", "due_now"]);
    expect(dayCells(calendar, site, lobby, "2026-11-19", checks, now).map((c) => c.state)).toEqual(["upcoming", "upcoming"]);
    expect(dayCells(calendar, site, lobby, "2026-11-21", checks, now).map((c) => c.state)).toEqual(["none", "none"]);
    expect(dayCells(calendar, site, outlet, "2026-11-18", checks, now).map((c) => [c.periodKey, c.state])).toEqual([
      ["2026-11", "due_now"],
    ]);
  });
});
