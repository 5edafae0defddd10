import { describe, expect, it } from "vitest";
import { checkWindow, closedPeriods, gateCheck, hazardTermIn, nextFreeWindows, overlaps, withinOpeningHours } from "./rules";

const at = (s: string) => new Date(`${s}+08:00`);

describe("R-GP-4 hazardous goods", () => {
  const terms = ["汽油", "酒精", "油漆", "香蕉水", "硫酸", "盐酸", "烟花", "鞭炮", "液化气"];
  it("finds a term inside an item name", () => {
    expect(hazardTermIn("工业酒精 5L", terms)).toBe("酒精");
    expect(hazardTermIn("办公桌", terms)).toBeNull();
  });
});

describe("R-GP-5 windows and routes", () => {
  const now = at("2026-11-27T10:00:00");
  it("validates a window", () => {
    expect(checkWindow(at("2026-11-27T14:00:00"), at("2026-11-27T15:00:00"), now)).toBe("ok");
    expect(checkWindow(at("2026-11-27T15:00:00"), at("2026-11-27T14:00:00"), now)).toBe("order");
    expect(checkWindow(at("2026-11-27T14:00:00"), at("2026-11-28T15:00:00"), now)).toBe("too_long");
    expect(checkWindow(at("2026-11-26T14:00:00"), at("2026-11-26T15:00:00"), now)).toBe("past");
  });
  it("touching moves do not overlap; nested ones do", () => {
    const a = { start: at("2026-11-27T14:00:00"), end: at("2026-11-27T15:00:00") };
    expect(overlaps(a, { start: at("2026-11-27T15:00:00"), end: at("2026-11-27T16:00:00") })).toBe(false);
    expect(overlaps(a, { start: at("2026-11-27T14:30:00"), end: at("2026-11-27T14:45:00") })).toBe(true);
  });
  it("proposes the next free windows of the same length", () => {
    const busy = [
      { start: at("2026-11-27T14:00:00"), end: at("2026-11-27T15:00:00") },
      { start: at("2026-11-27T15:30:00"), end: at("2026-11-27T16:00:00") },
    ];
    const free = nextFreeWindows(busy, at("2026-11-27T14:00:00"), 60 * 60 * 1000, 2);
    expect(free.map((f) => f.start.toISOString())).toEqual([
      at("2026-11-27T16:00:00").toISOString(),
      at("2026-11-27T17:00:00").toISOString(),
    ]);
  });
});

describe("R-GP-7", () => {
  it("releases an approved pass once, within its window", () => {
    const pass = { state: "APPROVED", windowStart: at("2026-11-27T14:00:00"), windowEnd: at("2026-11-27T16:00:00") };
    expect(gateCheck(pass, at("2026-11-27T14:30:00"))).toBe("ok");
    expect(gateCheck({ ...pass, state: "RELEASED" }, at("2026-11-27T14:30:00"))).toBe("released");
    expect(gateCheck({ ...pass, state: "PENDING" }, at("2026-11-27T14:30:00"))).toBe("not_approved");
    expect(gateCheck({ ...pass, state: "REJECTED" }, at("2026-11-27T14:30:00"))).toBe("rejected");
    expect(gateCheck(pass, at("2026-11-27T16:01:00"))).toBe("expired");
  });
});

describe("R-GP-5 opening hours of a route", () => {
  const tz = "Asia/Shanghai";
  const sh = (s: string) => new Date(`${s}+08:00`);
  const hours = { opensAt: "07:00", closesAt: "22:00" };

  it("takes a window within one local day's opening, and refuses one that starts early, ends late or runs overnight", () => {
    expect(withinOpeningHours({ start: sh("2026-12-01T07:00"), end: sh("2026-12-01T22:00") }, tz, hours)).toBe(true);
    expect(withinOpeningHours({ start: sh("2026-12-01T06:59"), end: sh("2026-12-01T08:00") }, tz, hours)).toBe(false);
    expect(withinOpeningHours({ start: sh("2026-12-01T21:30"), end: sh("2026-12-01T22:30") }, tz, hours)).toBe(false);
    expect(withinOpeningHours({ start: sh("2026-12-01T21:00"), end: sh("2026-12-02T08:00") }, tz, hours)).toBe(false);
  });

  it("a route open until 24:00 takes a window ending at midnight; one open round the clock takes any window", () => {
    const late = { opensAt: "07:00", closesAt: "24:00" };
    expect(withinOpeningHours({ start: sh("2026-12-01T23:00"), end: sh("2026-12-02T00:00") }, tz, late)).toBe(true);
    expect(withinOpeningHours({ start: sh("2026-12-01T23:00"), end: sh("2026-12-02T00:30") }, tz, late)).toBe(false);
    const always = { opensAt: "00:00", closesAt: "24:00" };
    expect(withinOpeningHours({ start: sh("2026-12-01T23:00"), end: sh("2026-12-02T02:00") }, tz, always)).toBe(true);
    expect(closedPeriods(sh("2026-12-01T00:00"), sh("2026-12-03T00:00"), tz, always)).toEqual([]);
  });

  it("proposals skip the closed hours", () => {
    const from = sh("2026-12-01T21:00");
    const limit = sh("2026-12-03T00:00");
    const closed = closedPeriods(from, limit, tz, hours);
    expect(closed).toContainEqual({ start: sh("2026-12-01T22:00"), end: sh("2026-12-02T07:00") });
    const free = nextFreeWindows(closed, from, 60 * 60 * 1000, 3, limit);
    expect(free.map((w) => w.start)).toEqual([sh("2026-12-01T21:00"), sh("2026-12-02T07:00"), sh("2026-12-02T08:00")]);
  });
});
