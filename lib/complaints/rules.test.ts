/**
 * R-CMP-2/3/5 against the official 2026 table (国办发明电〔2025〕7号) and Shanghai time. Expected
 * values are worked out by hand from the table, not from the code.
 */
import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  canDo,
  checkReceivedAt,
  checkStepTime,
  currentDeadline,
  deadlineState,
  rectificationDue,
  revisitDue,
  stateAfterRevisit,
} from "./rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const at = (iso: string) => new Date(iso);
/** 23:59:59.999 Shanghai of a local date, as UTC. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

describe("R-CMP-2 rectification deadlines (working days)", () => {
  it("major: 1 working day; a make-up Saturday counts (Fri 13 Feb 2026 → Sat 14 Feb)", () => {
    expect(rectificationDue(shanghai, at("2026-02-13T10:00:00+08:00"), "MAJOR").dueAt.toISOString()).toBe(endOf("2026-02-14"));
  });

  it("major received on the make-up Saturday: the Spring Festival holiday (15–23 Feb) is skipped → 24 Feb", () => {
    expect(rectificationDue(shanghai, at("2026-02-14T16:00:00+08:00"), "MAJOR").dueAt.toISOString()).toBe(endOf("2026-02-24"));
  });

  it("an event on a holiday counts from that day all the same (R-CAL-2): 3 Oct → 8 Oct", () => {
    expect(rectificationDue(shanghai, at("2026-10-03T11:00:00+08:00"), "MAJOR").dueAt.toISOString()).toBe(endOf("2026-10-08"));
  });

  it("general: 3 working days across National Day (28 Sep → 29, 30 Sep, 8 Oct)", () => {
    expect(rectificationDue(shanghai, at("2026-09-28T09:00:00+08:00"), "GENERAL").dueAt.toISOString()).toBe(endOf("2026-10-08"));
  });

  it("general across the make-up Saturday 10 Oct: 8 Oct → 9, 10, 12 Oct", () => {
    expect(rectificationDue(shanghai, at("2026-10-08T09:00:00+08:00"), "GENERAL").dueAt.toISOString()).toBe(endOf("2026-10-12"));
  });

  it("late at night counts in Shanghai, not UTC: 00:30 Fri 27 Nov (16:30 UTC Thu) → Mon 30 Nov", () => {
    expect(rectificationDue(shanghai, at("2026-11-26T16:30:00Z"), "MAJOR").dueAt.toISOString()).toBe("2026-11-30T15:59:59.999Z");
  });

  it("a reopened complaint counts from the unsatisfied revisit (Sat 28 Feb is a make-up working day → 2, 3, 4 Mar)", () => {
    expect(rectificationDue(shanghai, at("2026-02-28T10:00:00+08:00"), "GENERAL").dueAt.toISOString()).toBe(endOf("2026-03-04"));
  });

  it("marks deadlines that depend on a provisional year", () => {
    expect(rectificationDue(shanghai, at("2026-12-31T10:00:00+08:00"), "GENERAL").provisional).toBe(true);
    expect(rectificationDue(shanghai, at("2026-11-27T10:00:00+08:00"), "GENERAL").provisional).toBe(false);
  });
});

describe("R-CMP-3 revisit deadlines (calendar weeks)", () => {
  it("major: 1 week, holidays included (30 Sep 15:00 → 7 Oct)", () => {
    expect(revisitDue(shanghai, at("2026-09-30T15:00:00+08:00"), "MAJOR").dueAt.toISOString()).toBe(endOf("2026-10-07"));
  });
  it("general: 2 weeks (30 Sep → 14 Oct)", () => {
    expect(revisitDue(shanghai, at("2026-09-30T15:00:00+08:00"), "GENERAL").dueAt.toISOString()).toBe(endOf("2026-10-14"));
  });
});

describe("R-CMP-5 deadline states", () => {
  const due = at(endOf("2026-11-30"));
  it.each([
    ["met", "2026-11-30T18:00:00+08:00", "2026-12-01T09:00:00+08:00"],
    ["met_late", "2026-12-01T08:00:00+08:00", "2026-12-01T09:00:00+08:00"],
    ["overdue", null, "2026-12-01T00:00:01+08:00"],
    ["due_today", null, "2026-11-30T08:00:00+08:00"],
    ["due_soon", null, "2026-11-26T09:00:00+08:00"],
    ["on_track", null, "2026-11-20T09:00:00+08:00"],
  ] as const)("%s", (expected, done, now) => {
    expect(deadlineState(shanghai, due, done ? at(done) : null, at(now), "rectification")).toBe(expected);
  });

  it("due soon counts the deadline's own days: working days for a rectification, calendar days for a revisit", () => {
    // On Tue 29 Sep 2026, a deadline on Fri 9 Oct is 3 working days away (30 Sep, 8 Oct, 9 Oct) but 10 calendar days.
    const now = at("2026-09-29T09:00:00+08:00");
    const due9Oct = at(endOf("2026-10-09"));
    expect(deadlineState(shanghai, due9Oct, null, now, "rectification")).toBe("due_soon");
    expect(deadlineState(shanghai, due9Oct, null, now, "revisit")).toBe("on_track");
    // A revisit due Sun 4 Oct is 5 calendar days away: not soon yet on 29 Sep; soon from Thu 1 Oct.
    expect(deadlineState(shanghai, at(endOf("2026-10-04")), null, now, "revisit")).toBe("on_track");
    expect(deadlineState(shanghai, at(endOf("2026-10-04")), null, at("2026-10-01T09:00:00+08:00"), "revisit")).toBe("due_soon");
    // Over a weekend a revisit due Mon 30 Nov is soon on Fri 27 Nov (3 calendar days).
    expect(deadlineState(shanghai, due, null, at("2026-11-27T09:00:00+08:00"), "revisit")).toBe("due_soon");
    expect(deadlineState(shanghai, due, null, at("2026-11-26T09:00:00+08:00"), "revisit")).toBe("on_track");
  });
});

describe("workflow", () => {
  it("each step starts from exactly one state; nothing can be skipped", () => {
    expect(canDo("startRectification", "RECEIVED")).toBe(true);
    expect(canDo("recordRectification", "RECEIVED")).toBe(false);
    expect(canDo("recordRevisit", "IN_RECTIFICATION")).toBe(false);
    expect(canDo("close", "RECTIFIED")).toBe(false);
    expect(canDo("close", "REVISITED")).toBe(true);
    expect(canDo("recordRectification", "CLOSED")).toBe(false);
  });
  it("an unsatisfied client reopens the complaint (R-CMP-4)", () => {
    expect(stateAfterRevisit("UNSATISFIED")).toBe("IN_RECTIFICATION");
    expect(stateAfterRevisit("BASICALLY_SATISFIED")).toBe("REVISITED");
  });
  it("the current deadline follows the state", () => {
    const c = { rectificationDueAt: at("2026-11-30T00:00:00Z"), revisitDueAt: at("2026-12-07T00:00:00Z") };
    expect(currentDeadline({ ...c, state: "IN_RECTIFICATION" })?.kind).toBe("rectification");
    expect(currentDeadline({ ...c, state: "RECTIFIED" })?.kind).toBe("revisit");
    expect(currentDeadline({ ...c, state: "CLOSED" })).toBeNull();
  });
});

describe("receipt time and backdating", () => {
  const now = at("2026-11-27T10:00:00+08:00");
  it("now is fine for everyone; the future never", () => {
    expect(checkReceivedAt(now, now, false)).toBe("ok");
    expect(checkReceivedAt(at("2026-11-27T11:00:00+08:00"), now, true)).toBe("future");
  });
  it("backdating needs the right and stays within 7 days", () => {
    expect(checkReceivedAt(at("2026-11-26T10:00:00+08:00"), now, false)).toBe("not_allowed");
    expect(checkReceivedAt(at("2026-11-20T10:30:00+08:00"), now, true)).toBe("ok");
    expect(checkReceivedAt(at("2026-11-20T09:00:00+08:00"), now, true)).toBe("too_old");
  });
});

describe("rectification and revisit times (R-CMP-2/3: the received-at rule, after the step they follow)", () => {
  const now = at("2026-11-27T10:00:00+08:00");
  const receivedAt = at("2026-11-24T09:00:00+08:00");
  it("now is fine for everyone; a time in the future never", () => {
    expect(checkStepTime(now, now, false, receivedAt)).toBe("ok");
    expect(checkStepTime(at("2026-11-27T12:00:00+08:00"), now, true, receivedAt)).toBe("future");
  });
  it("an earlier time needs the backdating right and stays within 7 days", () => {
    expect(checkStepTime(at("2026-11-26T10:00:00+08:00"), now, false, receivedAt)).toBe("not_allowed");
    expect(checkStepTime(at("2026-11-26T10:00:00+08:00"), now, true, receivedAt)).toBe("ok");
    expect(checkStepTime(at("2026-11-19T10:00:00+08:00"), now, true, null)).toBe("too_old");
  });
  it("never before the step it follows", () => {
    expect(checkStepTime(at("2026-11-24T08:59:00+08:00"), now, true, receivedAt)).toBe("before_previous");
    expect(checkStepTime(receivedAt, now, true, receivedAt)).toBe("ok");
  });
});
