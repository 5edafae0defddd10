import { describe, expect, it } from "vitest";
import {
  confirmProblems,
  isCarriedOver,
  pastStartField,
  leaveApproverOf,
  leaveExcuses,
  mayDecideLeave,
  mayReadMeeting,
  mayRequestLeave,
  nextUsualDate,
  proposedMeetingDate,
  tooFarAhead,
} from "./rules";

const at = (s: string) => new Date(`${s}+08:00`);

describe("scheduling horizon (at most 7 days ahead, site time)", () => {
  it("accepts today, the past and a week ahead; refuses two weeks ahead", () => {
    expect(tooFarAhead("2026-11-27", "2026-11-27")).toBe(false);
    expect(tooFarAhead("2026-11-20", "2026-11-27")).toBe(false);
    expect(tooFarAhead("2026-12-04", "2026-11-27")).toBe(false);
    expect(tooFarAhead("2026-12-05", "2026-11-27")).toBe(true);
    expect(tooFarAhead("2026-12-11", "2026-11-27")).toBe(true);
  });
  it("finds the series' next usual weekday, today included", () => {
    // 2026-11-27 is a Friday.
    expect(nextUsualDate("2026-11-27", 5)).toBe("2026-11-27");
    expect(nextUsualDate("2026-11-27", 1)).toBe("2026-11-30");
    expect(nextUsualDate("2026-11-27", 4)).toBe("2026-12-03");
    expect(nextUsualDate("2026-11-29", 7)).toBe("2026-11-29");
  });
  it("R-MTG-1: proposes this week's usual day while this week has no meeting, even when it has passed", () => {
    // Friday 2026-11-27; the series meets on Mondays.
    expect(proposedMeetingDate("2026-11-27", 1, [])).toBe("2026-11-23");
    expect(proposedMeetingDate("2026-11-27", 1, ["2026-11-16"])).toBe("2026-11-23");
    expect(proposedMeetingDate("2026-11-27", 1, ["2026-11-23"])).toBe("2026-11-30");
    expect(proposedMeetingDate("2026-11-27", 1, ["2026-11-24"])).toBe("2026-11-30");
    // Later in the week: this week's day is still ahead.
    expect(proposedMeetingDate("2026-11-24", 5, [])).toBe("2026-11-27");
    expect(proposedMeetingDate("2026-11-29", 7, [])).toBe("2026-11-29");
  });
});

describe("R-MTG-3 leave excuses only when approved before the meeting began", () => {
  const startsAt = at("2026-11-30T09:00:00");
  it("approved before the start excuses", () => {
    expect(leaveExcuses({ state: "APPROVED", decidedAt: at("2026-11-29T18:00:00") }, startsAt)).toBe(true);
  });
  it("approved at or after the start does not excuse", () => {
    expect(leaveExcuses({ state: "APPROVED", decidedAt: at("2026-11-30T09:00:00") }, startsAt)).toBe(false);
    expect(leaveExcuses({ state: "APPROVED", decidedAt: at("2026-11-30T09:05:00") }, startsAt)).toBe(false);
  });
  it("pending or refused never excuses", () => {
    expect(leaveExcuses({ state: "PENDING", decidedAt: null }, startsAt)).toBe(false);
    expect(leaveExcuses({ state: "REFUSED", decidedAt: at("2026-11-29T18:00:00") }, startsAt)).toBe(false);
  });
  it("the superior decides, else the convener; a manager of the site too; never one's own", () => {
    expect(leaveApproverOf({ superiorId: null }, "conv")).toBe("conv");
    expect(leaveApproverOf({ superiorId: "boss" }, "conv")).toBe("boss");
    const participant = { userId: "p", superiorId: "boss" };
    expect(mayDecideLeave({ actorId: "boss", isSiteManager: false, participant, convenerId: "conv" })).toBe(true);
    expect(mayDecideLeave({ actorId: "conv", isSiteManager: false, participant, convenerId: "conv" })).toBe(false);
    expect(mayDecideLeave({ actorId: "mgr", isSiteManager: true, participant, convenerId: "conv" })).toBe(true);
    expect(mayDecideLeave({ actorId: "p", isSiteManager: true, participant, convenerId: "conv" })).toBe(false);
    expect(
      mayDecideLeave({ actorId: "conv", isSiteManager: false, participant: { userId: null, superiorId: null }, convenerId: "conv" }),
    ).toBe(true);
  });
  it("staff ask for themselves; the minute-taker or convener for anyone expected", () => {
    const series = { convenerId: "conv", minuteTakerId: "mt" };
    expect(mayRequestLeave({ actorId: "p", participantUserId: "p", ...series })).toBe(true);
    expect(mayRequestLeave({ actorId: "other", participantUserId: "p", ...series })).toBe(false);
    expect(mayRequestLeave({ actorId: "mt", participantUserId: null, ...series })).toBe(true);
    expect(mayRequestLeave({ actorId: "conv", participantUserId: "p", ...series })).toBe(true);
  });
});

describe("R-MTG-4 visibility", () => {
  const base = { convenerId: "conv", minuteTakerId: "mt", attendeeUserIds: ["a", null, "conv"] };
  it("attendees, the convener, the minute-taker and site managers see the minutes; nobody else", () => {
    expect(mayReadMeeting({ actorId: "a", isSiteManager: false, ...base })).toBe(true);
    expect(mayReadMeeting({ actorId: "mt", isSiteManager: false, ...base })).toBe(true);
    expect(mayReadMeeting({ actorId: "m", isSiteManager: true, ...base })).toBe(true);
    expect(mayReadMeeting({ actorId: "x", isSiteManager: false, ...base })).toBe(false);
  });
});

describe("confirmation needs full attendance and every agenda section (R-MTG-2, R-MTG-3)", () => {
  const ready = { attendance: [{ status: "PRESENT" }, { status: "EXCUSED" }], lastWeekReview: "a", nextWeekPlan: "b", assignments: "c" };
  it("is ready when everything is recorded", () => {
    expect(confirmProblems(ready)).toEqual([]);
  });
  it("names unrecorded attendance and each empty section", () => {
    expect(confirmProblems({ ...ready, attendance: [{ status: null }], nextWeekPlan: "  ", assignments: null })).toEqual([
      { field: "attendance", key: "meetings.errors.attendanceIncomplete" },
      { field: "nextWeekPlan", key: "meetings.errors.agendaSectionEmpty" },
      { field: "assignments", key: "meetings.errors.agendaSectionEmpty" },
    ]);
  });
});

describe("R-MTG-5 open items are carried to the next meetings until closed", () => {
  const meeting = { id: "m3", date: "2026-11-30", startsAt: at("2026-11-30T09:00:00") };
  it("carries an open item raised earlier", () => {
    expect(isCarriedOver({ raisedOn: "2026-11-23", closedAt: null, closedInMeetingId: null }, meeting)).toBe(true);
  });
  it("shows an item closed in this meeting, or after it began", () => {
    expect(isCarriedOver({ raisedOn: "2026-11-23", closedAt: at("2026-11-30T09:30:00"), closedInMeetingId: "m3" }, meeting)).toBe(true);
    expect(isCarriedOver({ raisedOn: "2026-11-23", closedAt: at("2026-12-01T10:00:00"), closedInMeetingId: null }, meeting)).toBe(true);
  });
  it("does not carry an item closed before, nor one raised in this or a later meeting", () => {
    expect(isCarriedOver({ raisedOn: "2026-11-16", closedAt: at("2026-11-25T10:00:00"), closedInMeetingId: "m2" }, meeting)).toBe(false);
    expect(isCarriedOver({ raisedOn: "2026-11-30", closedAt: null, closedInMeetingId: null }, meeting)).toBe(false);
  });
});

describe("R-MTG-1: no meeting in the past", () => {
  const at = (s: string) => new Date(`${s}+08:00`);
  it("refuses a past day at the date, a passed hour of today at the time, and takes what is still to come", () => {
    const now = at("2026-12-04T10:00");
    expect(pastStartField("2026-12-03", "2026-12-04", at("2026-12-03T15:00"), now)).toBe("date");
    expect(pastStartField("2026-12-04", "2026-12-04", at("2026-12-04T09:00"), now)).toBe("time");
    expect(pastStartField("2026-12-04", "2026-12-04", at("2026-12-04T10:00"), now)).toBe("time");
    expect(pastStartField("2026-12-04", "2026-12-04", at("2026-12-04T10:30"), now)).toBeNull();
    expect(pastStartField("2026-12-05", "2026-12-04", at("2026-12-05T08:00"), now)).toBeNull();
  });
});
