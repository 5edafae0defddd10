import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import { datesOfRange } from "@/lib/calendar/test-support";
import type { SiteMember } from "@/lib/reminders/source";
import {
  computeVacantReminders,
  inMonthEndWindow,
  monthEndWindowStart,
  vacantVerifiers,
  type VacantRecordInput,
  type VacantUnitInput,
} from "./reminder.rules";

/** Official 2025/2026 tables from the calendar package (R-CAL-1), as lib/calendar's own tests read them. */
const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const london = createCalendar({ timeZone: "Europe/London", overrides: [], officialYears: [] });
const sh = (local: string) => new Date(`${local}+08:00`);

const MEMBERS: SiteMember[] = [
  { userId: "u-manager", role: "MANAGER", disabled: false },
  { userId: "u-cleaning", role: "SUPERVISOR", duty: "CLEANING", disabled: false },
  { userId: "u-coord", role: "SUPERVISOR", duty: "COORDINATION", disabled: false },
  { userId: "u-clerk", role: "CLERK", disabled: false },
  { userId: "u-front", role: "FRONT_DESK", disabled: false },
  { userId: "u-manager-off", role: "MANAGER", disabled: true },
];

const created = sh("2025-06-01T00:00:00");
const unit = (id: string, over: Partial<VacantUnitInput> = {}): VacantUnitInput => ({
  id,
  status: "VACANT",
  createdAt: created,
  statusChanges: [],
  ...over,
});
const record = (over: Partial<VacantRecordInput> & { id: string; unitId: string }): VacantRecordInput => ({
  unitCode: over.unitId.toUpperCase(),
  month: "2026-02",
  state: "SUBMITTED",
  createdById: "u-clerk",
  submittedAt: sh("2026-02-26T10:00:00"),
  ...over,
});

const run = (now: Date, units: VacantUnitInput[], records: VacantRecordInput[] = [], calendar = shanghai) =>
  computeVacantReminders({ siteId: "s1", units, records, members: MEMBERS, calendar, now });

describe("R-VAC-1 month-end window: the last three working days of the site-local month", () => {
  it("February 2026 ends on a make-up Saturday (Feb 28): Thu 26, Fri 27, Sat 28", () => {
    expect(monthEndWindowStart(shanghai, "2026-02")).toBe("2026-02-26");
    expect(inMonthEndWindow(shanghai, "2026-02-25")).toBe(false);
    expect(inMonthEndWindow(shanghai, "2026-02-26")).toBe(true);
    expect(inMonthEndWindow(shanghai, "2026-02-28")).toBe(true);
  });

  it("January 2025 ends in the Spring Festival (Jan 28–31 off): Fri 24, make-up Sun 26, Mon 27; no run on holidays", () => {
    expect(monthEndWindowStart(shanghai, "2025-01")).toBe("2025-01-24");
    expect(inMonthEndWindow(shanghai, "2025-01-23")).toBe(false);
    expect(inMonthEndWindow(shanghai, "2025-01-24")).toBe(true);
    expect(inMonthEndWindow(shanghai, "2025-01-25")).toBe(false); // Saturday
    expect(inMonthEndWindow(shanghai, "2025-01-26")).toBe(true);
    expect(inMonthEndWindow(shanghai, "2025-01-30")).toBe(false); // holiday
  });

  it("a site closure at month end moves the window earlier; a month with fewer working days is in it throughout", () => {
    const closed = createCalendar({
      timeZone: "Asia/Shanghai",
      overrides: [
        { date: "2026-03-30", kind: "HOLIDAY" },
        { date: "2026-03-31", kind: "HOLIDAY" },
      ],
      officialYears: [],
    });
    expect(monthEndWindowStart(shanghai, "2026-03")).toBe("2026-03-27");
    expect(monthEndWindowStart(closed, "2026-03")).toBe("2026-03-25");
    // April 2026 closed from the 3rd: only Wed 1 and Thu 2 are working days.
    const mostlyClosed = createCalendar({
      timeZone: "Asia/Shanghai",
      overrides: datesOfRange("2026-04-03", "2026-04-30").map((date) => ({ date, kind: "HOLIDAY" as const })),
      officialYears: [],
    });
    expect(monthEndWindowStart(mostlyClosed, "2026-04")).toBe("2026-04-01");
    expect(inMonthEndWindow(mostlyClosed, "2026-04-01")).toBe(true);
  });

  it("reads the month and the day in the site's zone", () => {
    // 2026-03-31 17:00 UTC: already Wednesday 1 April 01:00 in Shanghai (outside April's window),
    // still Tuesday 31 March 18:00 in London (inside March's window).
    const at = new Date("2026-03-31T17:00:00Z");
    expect(run(at, [unit("a")]).filter((n) => n.kind === "vacant.month_end")).toEqual([]);
    const inLondon = run(at, [unit("a")], [], london).filter((n) => n.kind === "vacant.month_end");
    expect(inLondon.map((n) => [n.userId, n.month, n.dedupeKey])).toEqual([
      ["u-manager", "2026-03", "vacant.month_end:s1:2026-03-31:u-manager"],
      ["u-cleaning", "2026-03", "vacant.month_end:s1:2026-03-31:u-cleaning"],
    ]);
  });
});

describe("R-VAC-1 month-end reminder", () => {
  const now = sh("2026-02-27T08:30:00");

  it("counts due units without a submitted or verified record this month; a sent-back one is still open", () => {
    const units = [unit("a"), unit("b"), unit("c"), unit("d"), unit("occupied", { status: "OCCUPIED" })];
    const records = [
      record({ id: "r1", unitId: "a", state: "VERIFIED" }),
      record({ id: "r2", unitId: "b", state: "SUBMITTED", submittedAt: sh("2026-02-27T08:00:00") }),
      record({ id: "r3", unitId: "c", state: "SENT_BACK" }),
      record({ id: "r4", unitId: "d", state: "VERIFIED", month: "2026-01" }),
    ];
    const notices = run(now, units, records).filter((n) => n.kind === "vacant.month_end");
    expect(notices.map((n) => [n.userId, n.count, n.link])).toEqual([
      ["u-manager", 2, "/vacant-units"],
      ["u-cleaning", 2, "/vacant-units"],
    ]);
  });

  it("uses the schedule rule: a unit occupied since mid-month is not due, one vacant since mid-month is", () => {
    const leftSchedule = unit("x", {
      status: "OCCUPIED",
      statusChanges: [
        { status: "VACANT", changedAt: created },
        { status: "OCCUPIED", changedAt: sh("2026-02-10T10:00:00") },
      ],
    });
    const joined = unit("y", {
      statusChanges: [
        { status: "OCCUPIED", changedAt: created },
        { status: "VACANT", changedAt: sh("2026-02-20T10:00:00") },
      ],
    });
    expect(run(now, [leftSchedule, joined])[0]).toMatchObject({ kind: "vacant.month_end", count: 1 });
  });

  it("nothing outside the window or when every due unit is done", () => {
    expect(run(sh("2026-02-25T09:00:00"), [unit("a")])).toEqual([]);
    expect(run(now, [unit("a")], [record({ id: "r", unitId: "a", state: "VERIFIED" })])).toEqual([]);
  });

  it("recipients: managers and cleaning supervisors (vacant:verify), never disabled, coordination or other roles", () => {
    expect(vacantVerifiers(MEMBERS).map((m) => m.userId)).toEqual(["u-manager", "u-cleaning"]);
    const noDuty: SiteMember[] = [{ userId: "u-sup", role: "SUPERVISOR", duty: null, disabled: false }];
    expect(vacantVerifiers(noDuty).map((m) => m.userId)).toEqual(["u-sup"]);
  });
});

describe("R-VAC-3 records awaiting verification for 2 working days or more", () => {
  it("counts working days in the site calendar: Thursday's record waits over the weekend until Monday", () => {
    const r = record({ id: "r1", unitId: "a", submittedAt: sh("2026-03-05T17:00:00") }); // Thursday
    const at = (local: string) => run(sh(local), [], [r]).filter((n) => n.kind === "vacant.awaiting_verification");
    expect(at("2026-03-06T09:00:00")).toEqual([]); // Friday: 1 working day
    expect(at("2026-03-08T09:00:00")).toEqual([]); // Sunday: still 1
    expect(at("2026-03-09T08:30:00").map((n) => n.userId)).toEqual(["u-manager", "u-cleaning"]); // Monday: 2
  });

  it("one notice per verifier and day, linking the oldest record; the one who entered a record is not asked to verify it", () => {
    const records = [
      record({ id: "new", unitId: "b", submittedAt: sh("2026-03-03T10:00:00"), createdById: "u-cleaning" }),
      record({ id: "old", unitId: "a", submittedAt: sh("2026-03-02T10:00:00"), createdById: "u-cleaning" }),
      record({ id: "fresh", unitId: "c", submittedAt: sh("2026-03-05T10:00:00") }),
      record({ id: "done", unitId: "d", state: "VERIFIED", submittedAt: sh("2026-03-01T10:00:00") }),
    ];
    const notices = run(sh("2026-03-05T09:00:00"), [], records);
    expect(notices.map((n) => [n.userId, n.count, n.link, n.unitCodes, n.dedupeKey])).toEqual([
      ["u-manager", 2, "/vacant-units/records/old", ["A", "B"], "vacant.awaiting_verification:s1:2026-03-05:u-manager"],
    ]);
  });
});
