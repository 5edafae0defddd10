/**
 * R-SVC-2 against the official 2026 table (国办发明电〔2025〕7号: 中秋 25–27 Sep, 国庆 1–7 Oct, make-up
 * working days Sun 20 Sep and Sat 10 Oct) in Shanghai time. Expected values worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  canDo,
  checkScheduledAt,
  checkStepTime,
  DEFAULT_REVISIT_WORKING_DAYS,
  isBackdated,
  isFinished,
  revisitDue,
  revisitOpen,
} from "./rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const sh = (localDateTime: string) => new Date(`${localDateTime}+08:00`);
/** 23:59:59.999 Shanghai of a local date, as UTC. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const due = (doneAt: Date, days = DEFAULT_REVISIT_WORKING_DAYS) => revisitDue(shanghai, doneAt, days).dueAt.toISOString();

describe("R-SVC-2 phone revisit within the site's working days of the service", () => {
  it("an ordinary week: Mon 23 Nov → Tue, Wed, Thu 26 Nov", () => {
    expect(due(sh("2026-11-23T10:00:00"))).toBe(endOf("2026-11-26"));
  });

  it("across a weekend: Thu 19 Nov → Fri 20, Mon 23, Tue 24 Nov", () => {
    expect(due(sh("2026-11-19T15:00:00"))).toBe(endOf("2026-11-24"));
  });

  it("across National Day: Mon 28 Sep → 29, 30 Sep, then 8 Oct (1–7 Oct are holidays)", () => {
    expect(due(sh("2026-09-28T09:00:00"))).toBe(endOf("2026-10-08"));
  });

  it("the make-up Saturday 10 Oct counts: Wed 30 Sep → 8, 9, 10 Oct", () => {
    expect(due(sh("2026-09-30T16:00:00"))).toBe(endOf("2026-10-10"));
  });

  it("a service on a holiday counts from that day all the same (R-CAL-2): Sat 3 Oct → 8, 9, 10 Oct", () => {
    expect(due(sh("2026-10-03T11:00:00"))).toBe(endOf("2026-10-10"));
  });

  it("the make-up Sunday 20 Sep counts: Fri 18 Sep → Sun 20, Mon 21, Tue 22 Sep", () => {
    expect(due(sh("2026-09-18T14:00:00"))).toBe(endOf("2026-09-22"));
  });

  it("Mid-Autumn (25–27 Sep) is skipped: Thu 24 Sep → 28, 29, 30 Sep", () => {
    expect(due(sh("2026-09-24T10:00:00"))).toBe(endOf("2026-09-30"));
  });

  it("a site's own number of days: 1 working day from Fri 9 Oct is the make-up Sat 10 Oct; 5 from Fri 30 Oct → Fri 6 Nov", () => {
    expect(due(sh("2026-10-09T10:00:00"), 1)).toBe(endOf("2026-10-10"));
    expect(due(sh("2026-10-30T10:00:00"), 5)).toBe(endOf("2026-11-06"));
  });

  it("counts in Shanghai days, not UTC: 00:30 Fri 27 Nov (16:30 UTC Thu) → Mon 30 Nov, Tue 1, Wed 2 Dec", () => {
    expect(due(new Date("2026-11-26T16:30:00Z"))).toBe(endOf("2026-12-02"));
  });

  it("marks a deadline counted into a year without an official table as provisional", () => {
    expect(revisitDue(shanghai, sh("2026-12-30T10:00:00"), 3).provisional).toBe(true);
    expect(revisitDue(shanghai, sh("2026-11-23T10:00:00"), 3).provisional).toBe(false);
  });
});

describe("the order's workflow", () => {
  it("a revisit and a delivery need the service done; done and cancel need an open order", () => {
    expect(canDo("revisit", "ORDERED")).toBe(false);
    expect(canDo("deliverNotice", "ORDERED")).toBe(false);
    expect(canDo("revisit", "DONE")).toBe(true);
    expect(canDo("deliverNotice", "DONE")).toBe(true);
    expect(canDo("recordDone", "ORDERED")).toBe(true);
    expect(canDo("recordDone", "DONE")).toBe(false);
    expect(canDo("cancel", "DONE")).toBe(false);
    for (const step of ["cancel", "recordDone", "deliverNotice", "revisit"] as const) {
      expect(canDo(step, "CLOSED")).toBe(false);
      expect(canDo(step, "CANCELLED")).toBe(false);
    }
  });

  it("finished once the notice is delivered and the client revisited, in either order", () => {
    const at = new Date();
    expect(isFinished({ noticeDeliveredAt: at, revisitedAt: null })).toBe(false);
    expect(isFinished({ noticeDeliveredAt: null, revisitedAt: at })).toBe(false);
    expect(isFinished({ noticeDeliveredAt: at, revisitedAt: at })).toBe(true);
    expect(revisitOpen({ state: "DONE", revisitedAt: null })).toBe(true);
    expect(revisitOpen({ state: "DONE", revisitedAt: at })).toBe(false);
    expect(revisitOpen({ state: "ORDERED", revisitedAt: null })).toBe(false);
  });
});

describe("times entered by staff", () => {
  const now = sh("2026-11-27T10:00:00");
  it("not in the future, at most 30 days back, never before the step it follows", () => {
    expect(checkStepTime(sh("2026-11-27T10:00:30"), now, null)).toBe("ok");
    expect(checkStepTime(sh("2026-11-27T10:05:00"), now, null)).toBe("future");
    expect(checkStepTime(sh("2026-10-27T09:00:00"), now, null)).toBe("too_old");
    expect(checkStepTime(sh("2026-11-20T09:00:00"), now, sh("2026-11-21T09:00:00"))).toBe("before_previous");
    expect(checkStepTime(sh("2026-11-21T09:00:00"), now, sh("2026-11-21T09:00:00"))).toBe("ok");
  });

  it("an appointment within 30 days back and a year ahead", () => {
    expect(checkScheduledAt(sh("2026-11-01T09:00:00"), now)).toBe("ok");
    expect(checkScheduledAt(sh("2026-10-20T09:00:00"), now)).toBe("too_old");
    expect(checkScheduledAt(sh("2027-12-01T09:00:00"), now)).toBe("too_far");
  });

  it("backdated beyond ten minutes", () => {
    expect(isBackdated(sh("2026-11-27T09:55:00"), now)).toBe(false);
    expect(isBackdated(sh("2026-11-27T09:45:00"), now)).toBe(true);
  });
});
