import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import type { SiteMember } from "@/lib/reminders/source";
import {
  computeLeaveReminders,
  computeWeekMissingReminders,
  lastWorkingDayOfWeek,
  type PendingLeaveInput,
  type ReminderSeriesInput,
} from "./reminder.rules";

/** Official 2026 table from the calendar package (R-CAL-1), as lib/calendar's own tests read it. */
const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const london = createCalendar({ timeZone: "Europe/London", overrides: [], officialYears: [] });
const sh = (local: string) => new Date(`${local}+08:00`);

const MEMBERS: SiteMember[] = [
  { userId: "u-manager", role: "MANAGER", disabled: false },
  { userId: "u-cleaning", role: "SUPERVISOR", duty: "CLEANING", disabled: false },
  { userId: "u-coord", role: "SUPERVISOR", duty: "COORDINATION", disabled: false },
  { userId: "u-clerk", role: "CLERK", disabled: false },
  { userId: "u-off", role: "SUPERVISOR", disabled: true },
];

describe("the last working day of the site-local Monday–Sunday week (R-MTG-1)", () => {
  it.each([
    ["2026-03-02", "2026-03-06"], // an ordinary week: Friday
    ["2026-09-21", "2026-09-24"], // 中秋 Fri Sep 25 off: Thursday
    ["2026-04-27", "2026-04-30"], // 劳动节 from Fri May 1: Thursday
    ["2026-02-09", "2026-02-14"], // make-up Saturday Feb 14 before 春节
    ["2026-09-14", "2026-09-20"], // make-up Sunday Sep 20 before 国庆
  ])("week of %s ends its working days on %s", (monday, last) => {
    for (let i = 0; i < 7; i++) {
      const day = new Date(`${monday}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + i);
      expect(lastWorkingDayOfWeek(shanghai, day.toISOString().slice(0, 10))).toBe(last);
    }
  });

  it("a week without any working day (春节 Feb 16–22 2026) has none", () => {
    expect(lastWorkingDayOfWeek(shanghai, "2026-02-18")).toBeNull();
  });
});

describe("week_missing: a series not held this week", () => {
  const series = (over: Partial<ReminderSeriesInput> = {}): ReminderSeriesInput => ({
    id: "s-cleaning",
    name: "保洁例会",
    convenerId: "u-cleaning",
    minuteTakerId: "u-cleaning",
    startsOn: "2026-01-01",
    active: true,
    meetingDates: [],
    ...over,
  });
  const run = (list: ReminderSeriesInput[], now: Date, calendar = shanghai) =>
    computeWeekMissingReminders({ series: list, members: MEMBERS, calendar, now });

  it("on the week's last working day: convener and minute-taker, once each", () => {
    const dept = series({ id: "s-dept", name: "部门例会", convenerId: "u-manager", minuteTakerId: "u-clerk" });
    const notices = run([dept, series()], sh("2026-09-24T08:30:00"));
    expect(notices.map((n) => [n.userId, n.seriesName, n.link, n.monday, n.sunday, n.dedupeKey])).toEqual([
      ["u-clerk", "部门例会", "/meetings", "2026-09-21", "2026-09-27", "meeting.week_missing:s-dept:2026-09-24:u-clerk"],
      ["u-manager", "部门例会", "/meetings", "2026-09-21", "2026-09-27", "meeting.week_missing:s-dept:2026-09-24:u-manager"],
      ["u-cleaning", "保洁例会", "/meetings", "2026-09-21", "2026-09-27", "meeting.week_missing:s-cleaning:2026-09-24:u-cleaning"],
    ]);
  });

  it("not on other days, not when a meeting is dated in the week (any day of it), not for inactive or not-yet-started series", () => {
    expect(run([series()], sh("2026-09-23T09:00:00"))).toEqual([]);
    expect(run([series()], sh("2026-09-25T09:00:00"))).toEqual([]); // the holiday Friday
    expect(run([series({ meetingDates: ["2026-09-27"] })], sh("2026-09-24T09:00:00"))).toEqual([]);
    expect(run([series({ meetingDates: ["2026-09-20"] })], sh("2026-09-24T09:00:00"))).toHaveLength(1); // last week's
    expect(run([series({ active: false })], sh("2026-09-24T09:00:00"))).toEqual([]);
    expect(run([series({ startsOn: "2026-09-28" })], sh("2026-09-24T09:00:00"))).toEqual([]);
  });

  it("a make-up Saturday is the week's last working day", () => {
    expect(run([series()], sh("2026-02-13T09:00:00"))).toEqual([]);
    expect(run([series()], sh("2026-02-14T09:00:00")).map((n) => n.userId)).toEqual(["u-cleaning"]);
  });

  it("disabled or departed conveners and minute-takers are left out", () => {
    expect(run([series({ convenerId: "u-off", minuteTakerId: "someone-else" })], sh("2026-03-06T09:00:00"))).toEqual([]);
  });

  it("reads the day in the site's zone", () => {
    // Friday 2026-03-06 20:00 UTC is already Saturday 04:00 in Shanghai, still Friday evening in London.
    const at = new Date("2026-03-06T20:00:00Z");
    expect(run([series()], at)).toEqual([]);
    expect(run([series()], at, london).map((n) => n.dedupeKey)).toEqual(["meeting.week_missing:s-cleaning:2026-03-06:u-cleaning"]);
  });
});

describe("leave_pending: undecided leave for a meeting within four days (R-MTG-3)", () => {
  const now = sh("2026-03-02T08:30:00");
  const leave = (
    over: { id?: string; startsAt?: Date; superiorId?: string | null; userId?: string | null; name?: string } = {},
  ): PendingLeaveInput => ({
    id: over.id ?? "l1",
    participant: {
      userId: over.userId === undefined ? "u-coord" : over.userId,
      superiorId: over.superiorId ?? null,
      name: over.name ?? "李四",
    },
    meeting: {
      id: "m1",
      startsAt: over.startsAt ?? sh("2026-03-03T08:00:00"),
      seriesName: "部门例会",
      convenerId: "u-manager",
      minuteTakerId: "u-clerk",
      attendeeUserIds: ["u-coord", "u-cleaning", "u-clerk", null],
    },
  });
  const run = (leaves: PendingLeaveInput[], at = now) => computeLeaveReminders({ leaves, members: MEMBERS, calendar: shanghai, now: at });

  it("the superior (else the convener) and the site's managers decide; never the person asking, never a clerk", () => {
    expect(run([leave()]).map((n) => n.userId)).toEqual(["u-manager"]);
    const withSuperior = run([leave({ superiorId: "u-cleaning" })]);
    expect(withSuperior.map((n) => [n.userId, n.link, n.names, n.dedupeKey])).toEqual([
      ["u-manager", "/meetings/m1", ["李四"], "meeting.leave_pending:m1:2026-03-02:u-manager"],
      ["u-cleaning", "/meetings/m1", ["李四"], "meeting.leave_pending:m1:2026-03-02:u-cleaning"],
    ]);
    // The superior asking for themselves is not asked to decide it.
    expect(run([leave({ userId: "u-cleaning", superiorId: "u-cleaning" })]).map((n) => n.userId)).toEqual(["u-manager"]);
    // A superior who cannot open the meeting (not an attendee, convener or minute-taker) cannot decide it.
    const notAttending = { ...leave({ superiorId: "u-cleaning" }) };
    notAttending.meeting = { ...notAttending.meeting, attendeeUserIds: ["u-coord"] };
    expect(run([notAttending]).map((n) => n.userId)).toEqual(["u-manager"]);
    // A clerk named superior has no meeting:leave:decide: only the manager.
    expect(run([leave({ superiorId: "u-clerk" })]).map((n) => n.userId)).toEqual(["u-manager"]);
  });

  it("one notice per meeting and person, naming everyone asking", () => {
    const notices = run([leave({ id: "l1", name: "李四" }), leave({ id: "l2", userId: null, name: "王五（保洁公司）" })]);
    expect(notices).toHaveLength(1);
    expect(notices[0].names).toEqual(["李四", "王五（保洁公司）"]);
  });

  it("only meetings starting within the next four days", () => {
    expect(run([leave({ startsAt: sh("2026-03-06T08:30:00") })])).toHaveLength(1);
    expect(run([leave({ startsAt: sh("2026-03-06T08:30:01") })])).toEqual([]);
    expect(run([leave({ startsAt: sh("2026-03-02T08:00:00") })])).toEqual([]); // already begun
  });
});
