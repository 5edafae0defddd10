import { describe, expect, it } from "vitest";
import { addDays, createCalendar, type Calendar } from "@/lib/calendar";
import { computeReminders, notificationDedupeKey, reminderDedupeKey, type ReminderComplaint } from "./reminder.rules";
import type { SiteMember } from "@/lib/reminders/source";

const shanghai = createCalendar({
  timeZone: "Asia/Shanghai",
  // 2026-03-07 is a Saturday made a working day; 2026-03-09 a Monday closed by the site.
  overrides: [
    { date: "2026-03-07", kind: "WORKDAY" },
    { date: "2026-03-09", kind: "HOLIDAY" },
  ],
  officialYears: [],
});

/** An instant given as Shanghai wall-clock time (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`);
/** End of a Shanghai local day, as deadlines are stored (R-CAL-2). */
const endOf = (calendar: Calendar, date: string) => calendar.endOfLocalDay(date);

const MEMBERS: SiteMember[] = [
  { userId: "u-manager", role: "MANAGER", disabled: false },
  { userId: "u-supervisor", role: "SUPERVISOR", disabled: false },
  { userId: "u-clerk", role: "CLERK", disabled: false },
  { userId: "u-front", role: "FRONT_DESK", disabled: false },
  { userId: "u-admin", role: "ADMIN", disabled: false },
  { userId: "u-supervisor-off", role: "SUPERVISOR", disabled: true },
  { userId: "u-front-off", role: "FRONT_DESK", disabled: true },
];

let seq = 0;
function complaint(over: Partial<ReminderComplaint> = {}): ReminderComplaint {
  seq++;
  return {
    id: `c${seq}`,
    number: `SA-20260301-${String(seq).padStart(3, "0")}`,
    state: "RECEIVED",
    round: 1,
    rectificationDueAt: endOf(shanghai, "2026-03-03"),
    revisitDueAt: null,
    receivedById: "u-front",
    ...over,
  };
}

const run = (complaints: ReminderComplaint[], now: Date, members = MEMBERS, calendar = shanghai) =>
  computeReminders({ complaints, members, calendar, now });

describe("which complaints are reminded (due today or overdue)", () => {
  const now = sh("2026-03-03T09:00:00");

  it("due today, overdue, and not yet", () => {
    const today = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-03") });
    const late = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-02") });
    const ahead = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-05") });
    const result = run([today, late, ahead], now);
    expect(result.map((r) => [r.complaintId, r.status])).toEqual([
      [today.id, "due_today"],
      [late.id, "overdue"],
    ]);
  });

  it("a deadline earlier today that has passed is overdue, not due today", () => {
    const c = complaint({ rectificationDueAt: sh("2026-03-03T08:00:00") });
    expect(run([c], now)[0].status).toBe("overdue");
  });

  it("rectification while RECEIVED or IN_RECTIFICATION, revisit while RECTIFIED, nothing after", () => {
    const received = complaint({ state: "RECEIVED" });
    const inRect = complaint({ state: "IN_RECTIFICATION", round: 2 });
    const rectified = complaint({
      state: "RECTIFIED",
      rectificationDueAt: endOf(shanghai, "2026-02-01"),
      revisitDueAt: endOf(shanghai, "2026-03-03"),
    });
    const rectifiedNotDue = complaint({
      state: "RECTIFIED",
      rectificationDueAt: endOf(shanghai, "2026-02-01"),
      revisitDueAt: endOf(shanghai, "2026-03-10"),
    });
    const revisited = complaint({ state: "REVISITED", revisitDueAt: endOf(shanghai, "2026-03-01") });
    const closed = complaint({ state: "CLOSED", revisitDueAt: endOf(shanghai, "2026-03-01") });
    const result = run([received, inRect, rectified, rectifiedNotDue, revisited, closed], now);
    expect(result.map((r) => [r.complaintId, r.kind, r.round])).toEqual([
      [received.id, "rectification", 1],
      [inRect.id, "rectification", 2],
      [rectified.id, "revisit", 1],
    ]);
  });
});

describe("reminders come before a deadline, not after it (the 2026 official calendar)", () => {
  const official = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
  const status = (due: string, today: string, state: "RECEIVED" | "RECTIFIED" = "RECEIVED") => {
    const c =
      state === "RECEIVED"
        ? complaint({ rectificationDueAt: endOf(official, due) })
        : complaint({ state, rectificationDueAt: endOf(official, "2026-01-05"), revisitDueAt: endOf(official, due) });
    return run([c], sh(`${today}T08:30:00`), MEMBERS, official)[0]?.status ?? null;
  };

  it("a due-soon reminder on the working day before a deadline, and not earlier", () => {
    expect(status("2026-11-27", "2026-11-25")).toBeNull(); // Wed for a Fri deadline
    expect(status("2026-11-27", "2026-11-26")).toBe("due_soon"); // Thu
    expect(status("2026-11-27", "2026-11-27")).toBe("due_today");
    // A Monday deadline: reminded on the Friday before.
    expect(status("2026-11-30", "2026-11-27")).toBe("due_soon");
  });

  it("a revisit due on Sun 4 Oct (National Day) is reminded on Wed 30 Sep, the last working day before it", () => {
    expect(status("2026-10-04", "2026-09-29", "RECTIFIED")).toBeNull();
    expect(status("2026-10-04", "2026-09-30", "RECTIFIED")).toBe("due_soon");
    // The next run after the holiday (Thu 8 Oct) finds it overdue — but it was reminded before.
    expect(status("2026-10-04", "2026-10-08", "RECTIFIED")).toBe("overdue");
  });

  it("a make-up working day counts: a deadline on Mon 12 Oct is reminded on the make-up Saturday 10 Oct", () => {
    expect(status("2026-10-12", "2026-10-09")).toBeNull();
    expect(status("2026-10-12", "2026-10-10")).toBe("due_soon");
  });

  it("a deadline on the make-up Sunday 20 Sep (a working day) is reminded on Fri 18 Sep and on the day", () => {
    expect(status("2026-09-20", "2026-09-18", "RECTIFIED")).toBe("due_soon");
    expect(status("2026-09-20", "2026-09-20", "RECTIFIED")).toBe("due_today");
  });

  it("every deadline of 2026 is first reminded by a scheduled run on or before its day", () => {
    const late: string[] = [];
    for (let day = "2026-01-05"; day <= "2026-12-24"; day = addDays(day, 1)) {
      let first: string | null = null;
      for (let runDay = addDays(day, -10); runDay <= addDays(day, 10) && !first; runDay = addDays(runDay, 1)) {
        if (!official.isWorkingDay(runDay)) continue; // the scheduled run skips non-working days
        if (status(day, runDay, "RECTIFIED")) first = runDay;
      }
      if (!first || first > day) late.push(`${day} first reminded ${first}`);
    }
    expect(late).toEqual([]);
  });
});

describe("recipients", () => {
  const now = sh("2026-03-03T09:00:00");

  it("rectification: supervisors and managers of the site, plus the receiver; never disabled users", () => {
    const [r] = run([complaint({ receivedById: "u-front" })], now);
    expect(r.recipients).toEqual(["u-front", "u-manager", "u-supervisor"]);
  });

  it("revisit: supervisors, clerks and managers, plus the receiver", () => {
    const [r] = run([complaint({ state: "RECTIFIED", revisitDueAt: endOf(shanghai, "2026-03-03"), receivedById: "u-front" })], now);
    expect(r.recipients).toEqual(["u-clerk", "u-front", "u-manager", "u-supervisor"]);
  });

  it("a receiver who is disabled or no longer on the site is left out; a responsible receiver is listed once", () => {
    expect(run([complaint({ receivedById: "u-front-off" })], now)[0].recipients).toEqual(["u-manager", "u-supervisor"]);
    expect(run([complaint({ receivedById: "someone-elsewhere" })], now)[0].recipients).toEqual(["u-manager", "u-supervisor"]);
    expect(run([complaint({ receivedById: "u-supervisor" })], now)[0].recipients).toEqual(["u-manager", "u-supervisor"]);
  });

  it("nobody to tell, no reminder", () => {
    const members: SiteMember[] = [{ userId: "u-clerk", role: "CLERK", disabled: false }];
    expect(run([complaint({ receivedById: "gone" })], now, members)).toEqual([]);
  });
});

describe("dedupe keys", () => {
  it("stable within a site-local day, new on the next day and in a new round", () => {
    const c = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-02") });
    const morning = run([c], sh("2026-03-03T08:30:00"))[0];
    const evening = run([c], sh("2026-03-03T23:59:00"))[0];
    const nextDay = run([c], sh("2026-03-04T08:30:00"))[0];
    const nextRound = run([{ ...c, round: 2 }], sh("2026-03-03T10:00:00"))[0];
    expect(morning.dedupeKey).toBe(`reminder:${c.id}:rectification:1:2026-03-03`);
    expect(evening.dedupeKey).toBe(morning.dedupeKey);
    expect(nextDay.dedupeKey).toBe(`reminder:${c.id}:rectification:1:2026-03-04`);
    expect(nextRound.dedupeKey).toBe(`reminder:${c.id}:rectification:2:2026-03-03`);
    expect(reminderDedupeKey(c.id, "revisit", 3, "2026-03-03")).toBe(`reminder:${c.id}:revisit:3:2026-03-03`);
    expect(notificationDedupeKey(morning, "u-manager")).toBe(`${morning.dedupeKey}:u-manager`);
  });

  it("uses the site's local date: 01:00 in Shanghai is still the previous day in UTC", () => {
    const now = sh("2026-03-03T01:00:00");
    expect(now.toISOString()).toBe("2026-03-02T17:00:00.000Z");
    const dueToday = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-03") });
    const dueYesterday = complaint({ rectificationDueAt: endOf(shanghai, "2026-03-02") });
    const result = run([dueToday, dueYesterday], now);
    expect(result.map((r) => [r.complaintId, r.status, r.localDate])).toEqual([
      [dueToday.id, "due_today", "2026-03-03"],
      [dueYesterday.id, "overdue", "2026-03-03"],
    ]);
    expect(result[0].dedupeKey).toBe(`reminder:${dueToday.id}:rectification:1:2026-03-03`);
  });
});
