import { describe, expect, it } from "vitest";
import {
  attendanceTally,
  completedMondays,
  countMissing,
  countUnconfirmed,
  formatRate,
  mondayOf,
  quarterFromKey,
  quarterOf,
  recentMondays,
  recentQuarters,
  siteToday,
  weekCells,
  type HeldMeeting,
} from "./report.rules";

const SHANGHAI = "Asia/Shanghai";

describe("weeks (R-MTG-1: once a week, Monday–Sunday in site time)", () => {
  it("finds the Monday of any day, across a year boundary", () => {
    expect(mondayOf("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // the Sunday after
    expect(mondayOf("2027-01-03")).toBe("2026-12-28"); // Sunday of the week spanning the new year
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("lists the recent and the completed weeks oldest first", () => {
    expect(recentMondays("2027-01-02", 3)).toEqual(["2026-12-14", "2026-12-21", "2026-12-28"]);
    expect(completedMondays("2027-01-02", 2)).toEqual(["2026-12-14", "2026-12-21"]);
  });

  it("takes today from the site's zone: Sunday 23:30 in Shanghai is still Sunday, 00:30 is Monday", () => {
    // 2026-11-29 23:30 +08:00 = 15:30 UTC the same day; 2026-11-30 00:30 +08:00 = 16:30 UTC on the 29th.
    expect(siteToday(new Date("2026-11-29T15:30:00Z"), SHANGHAI)).toBe("2026-11-29");
    expect(siteToday(new Date("2026-11-29T16:30:00Z"), SHANGHAI)).toBe("2026-11-30");
  });
});

/** A meeting whose attendance is recorded and minutes confirmed, unless told otherwise. */
const held = (id: string, date: string, over: Partial<HeldMeeting> = {}): HeldMeeting => ({
  id,
  date,
  attendanceRecorded: true,
  confirmed: true,
  ...over,
});

describe("week states (R-MTG-1)", () => {
  const series = { startsOn: "2026-11-02", active: true };
  const mondays = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"];

  it("marks held, missing, pending and not-yet-due weeks", () => {
    const cells = weekCells(series, [held("m1", "2026-11-04")], mondays, "2026-11-25");
    expect(cells.map((c) => c.state)).toEqual(["notDue", "held", "missing", "missing", "pending"]);
    expect(cells[1].meeting?.id).toBe("m1");
    expect(cells[2].sunday).toBe("2026-11-15");
    expect(countMissing(cells)).toBe(2);
  });

  it("a meeting on Sunday counts for the week that Sunday ends", () => {
    const cells = weekCells(series, [held("sun", "2026-11-15")], ["2026-11-09", "2026-11-16"], "2026-11-25");
    expect(cells.map((c) => c.state)).toEqual(["held", "missing"]);
  });

  it("the current week turns missing only once Sunday has ended in site time", () => {
    const week = ["2026-11-23"];
    const sundayLate = siteToday(new Date("2026-11-29T15:30:00Z"), SHANGHAI);
    const mondayEarly = siteToday(new Date("2026-11-29T16:30:00Z"), SHANGHAI);
    expect(weekCells(series, [], week, sundayLate)[0].state).toBe("pending");
    expect(weekCells(series, [], week, mondayEarly)[0].state).toBe("missing");
  });

  it("handles the week spanning a new year", () => {
    const cells = weekCells(series, [held("ny", "2027-01-02")], ["2026-12-28", "2027-01-04"], "2027-01-11");
    expect(cells.map((c) => c.state)).toEqual(["held", "missing"]);
  });

  it("future weeks and an inactive series are never missing; a held meeting still shows", () => {
    expect(weekCells(series, [], ["2026-11-30"], "2026-11-25")[0].state).toBe("notDue");
    const inactive = weekCells({ ...series, active: false }, [held("x", "2026-11-10")], ["2026-11-09", "2026-11-16"], "2026-11-25");
    expect(inactive.map((c) => c.state)).toEqual(["held", "notDue"]);
  });

  it("a week that contains startsOn is due", () => {
    const midWeek = { startsOn: "2026-11-04", active: true };
    expect(weekCells(midWeek, [], ["2026-10-26", "2026-11-02"], "2026-11-25").map((c) => c.state)).toEqual(["notDue", "missing"]);
  });

  it("links the earliest meeting when a week has two", () => {
    const cells = weekCells(series, [held("late", "2026-11-12"), held("early", "2026-11-10")], ["2026-11-09"], "2026-11-25");
    expect(cells[0].meeting?.id).toBe("early");
  });
});

describe("held means attendance recorded (R-MTG-1), unconfirmed minutes apart (R-MTG-4)", () => {
  const series = { startsOn: "2026-11-02", active: true };
  it("a meeting scheduled but without recorded attendance leaves its week missing (pending while it runs)", () => {
    const scheduledOnly = held("s", "2026-11-04", { attendanceRecorded: false, confirmed: false });
    const [past] = weekCells(series, [scheduledOnly], ["2026-11-02"], "2026-11-25");
    expect(past).toMatchObject({ state: "missing", meeting: { id: "s" } });
    expect(weekCells(series, [scheduledOnly], ["2026-11-02"], "2026-11-05")[0].state).toBe("pending");
  });

  it("attendance recorded without confirmed minutes is held but shown as unconfirmed, counted apart", () => {
    const cells = weekCells(
      series,
      [held("u", "2026-11-04", { confirmed: false }), held("c", "2026-11-11")],
      ["2026-11-02", "2026-11-09", "2026-11-16"],
      "2026-11-25",
    );
    expect(cells.map((c) => c.state)).toEqual(["unconfirmed", "held", "missing"]);
    expect(countUnconfirmed(cells)).toBe(1);
    expect(countMissing(cells)).toBe(1);
  });

  it("a week with a confirmed meeting and a merely scheduled one links the confirmed one", () => {
    const cells = weekCells(
      series,
      [held("empty", "2026-11-03", { attendanceRecorded: false, confirmed: false }), held("ok", "2026-11-05")],
      ["2026-11-02"],
      "2026-11-25",
    );
    expect(cells[0]).toMatchObject({ state: "held", meeting: { id: "ok" } });
  });
});

describe("quarters", () => {
  it("parses keys and finds the quarter of a date", () => {
    expect(quarterFromKey("2026-Q4")).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterFromKey("2024-Q1")).toMatchObject({ from: "2024-01-01", to: "2024-03-31" });
    expect(quarterFromKey("2026-Q5")).toBeNull();
    expect(quarterFromKey("x")).toBeNull();
    expect(quarterOf("2026-07-01").key).toBe("2026-Q3");
    expect(quarterOf("2026-06-30").key).toBe("2026-Q2");
  });

  it("lists recent quarters newest first across a year boundary", () => {
    expect(recentQuarters("2027-02-10", 3).map((q) => q.key)).toEqual(["2027-Q1", "2026-Q4", "2026-Q3"]);
  });
});

describe("attendance figures (R-MTG-3)", () => {
  it("counts each status and leaves excused absences out of the rate", () => {
    const tally = attendanceTally([
      { status: "PRESENT", count: 6 },
      { status: "LATE", count: 1 },
      { status: "LEFT_EARLY", count: 1 },
      { status: "ABSENT", count: 2 },
      { status: "EXCUSED", count: 1 },
      { status: null, count: 1 },
    ]);
    expect(tally).toMatchObject({ meetings: 12, present: 6, late: 1, leftEarly: 1, absent: 2, excused: 1, notRecorded: 1 });
    expect(tally.rate).toBeCloseTo(8 / 10);
    expect(formatRate(tally.rate)).toBe("80.0%");
  });

  it("has no rate when nothing counts", () => {
    const tally = attendanceTally([
      { status: "EXCUSED", count: 2 },
      { status: null, count: 1 },
    ]);
    expect(tally.rate).toBeNull();
    expect(formatRate(tally.rate)).toBe("—");
  });
});
