import { describe, expect, it } from "vitest";
import { clearedOnProblem, lateClearances, STREAM_DEFAULTS, streamStatus } from "./rules";

describe("R-WST-1: owners of the streams", () => {
  it("follow §12: batteries engineering, toner admin/HR, packaging the cleaning contractor, hazardous purchasing", () => {
    expect(STREAM_DEFAULTS.BATTERIES.responsible).toBe("ENGINEERING");
    expect(STREAM_DEFAULTS.TONER.responsible).toBe("ADMIN_HR");
    expect(STREAM_DEFAULTS.PACKAGING.responsible).toBe("CLEANING_CONTRACTOR");
    expect(STREAM_DEFAULTS.HAZARDOUS.responsible).toBe("PURCHASING");
  });
});

describe("R-WST-2: a stream not cleared within its period is overdue (calendar days, site-local)", () => {
  const base = { clearanceDays: 7, inUseSince: "2026-01-01" };

  it("counts from the last clearance: due on last + N, overdue the day after", () => {
    expect(streamStatus({ ...base, lastClearedOn: "2026-03-01", today: "2026-03-07" })).toEqual({
      state: "OK",
      dueOn: "2026-03-08",
      daysOverdue: 0,
    });
    expect(streamStatus({ ...base, lastClearedOn: "2026-03-01", today: "2026-03-08" }).state).toBe("DUE_TODAY");
    expect(streamStatus({ ...base, lastClearedOn: "2026-03-01", today: "2026-03-10" })).toEqual({
      state: "OVERDUE",
      dueOn: "2026-03-08",
      daysOverdue: 2,
    });
  });

  it("holidays do not stop the clock: the Spring Festival 2026 counts like any days", () => {
    expect(streamStatus({ ...base, lastClearedOn: "2026-02-14", today: "2026-02-22" })).toMatchObject({ state: "OVERDUE", daysOverdue: 1 });
  });

  it("a stream never cleared counts from the day it came into use", () => {
    expect(streamStatus({ clearanceDays: 30, inUseSince: "2026-01-01", lastClearedOn: null, today: "2026-02-01" })).toMatchObject({
      state: "OVERDUE",
      dueOn: "2026-01-31",
    });
  });

  it("a stream with no container at the site is not in use and never flagged", () => {
    expect(streamStatus({ clearanceDays: 1, inUseSince: null, lastClearedOn: null, today: "2026-12-31" }).state).toBe("NOT_IN_USE");
  });

  it("crosses the year end", () => {
    expect(streamStatus({ clearanceDays: 7, inUseSince: "2026-01-01", lastClearedOn: "2026-12-28", today: "2027-01-04" })).toMatchObject({
      state: "DUE_TODAY",
      dueOn: "2027-01-04",
    });
  });
});

describe("R-WST-3: late clearances in the log", () => {
  it("marks each clearance made after its due day with the days late", () => {
    expect(lateClearances(["2026-03-05", "2026-03-12", "2026-03-22", "2026-03-23"], 7, "2026-03-01")).toEqual([0, 0, 3, 0]);
  });

  it("the first clearance is measured from the day the stream came into use", () => {
    expect(lateClearances(["2026-03-20"], 7, "2026-03-01")).toEqual([12]);
  });
});

describe("the clearance day", () => {
  it("is not in the future nor over a year back", () => {
    expect(clearedOnProblem("2026-03-02", "2026-03-01")).toBe("future");
    expect(clearedOnProblem("2025-02-28", "2026-03-01")).toBe("tooOld");
    expect(clearedOnProblem("2026-03-01", "2026-03-01")).toBeNull();
  });
});
