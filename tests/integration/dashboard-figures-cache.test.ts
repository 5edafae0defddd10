/**
 * The dashboard's complaint figures kept in memory (lib/complaints/dashboard.queries.ts on
 * lib/cache-version.ts versionedMemo, decision 026), against PostgreSQL: read from memory while nothing
 * behind them is written; a new complaint, a finished rectification and a tenant's new name are seen by
 * the next view of this instance and of a second one (a second copy of the module) that kept the figures
 * before; a deadline that falls due turns overdue on the first view after it, with no write (R-CMP-5).
 * The same for the vacant-unit scores (lib/vacant-units/queries.ts): a cleaning record counts at once,
 * and a unit left uncleaned is overdue on the first view after its month ended (R-VAC-1, R-VAC-3); and
 * for the missing meetings (lib/meetings/report.queries.ts): a meeting held is seen at once (R-MTG-1);
 * and for the deadline export's file (lib/complaints/dashboard-export.ts): made once, made again after a
 * write, never served to a reader of other sites.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as first from "@/lib/complaints/dashboard.queries";
import type { DashboardFilter } from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import type { ComplaintState } from "@/lib/generated/prisma/enums";
import { pageRequest } from "@/lib/pagination";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";
import { GET as exportRoute } from "@/app/(staff)/dashboard/export/route";
import { currentMonth, endOfMonth } from "@/lib/vacant-units/rules";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { missingMeetingsSummary } from "@/lib/meetings/report.queries";
import { completedMondays } from "@/lib/meetings/report.rules";

type Queries = typeof import("@/lib/complaints/dashboard.queries");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const filter: DashboardFilter = {};

let world: World;
let second: Queries;
let sequence = 0;

async function complaint(state: ComplaintState, rectificationDueAt: Date) {
  sequence += 1;
  return db.complaint.create({
    data: {
      number: `SA-M-${String(sequence).padStart(3, "0")}`,
      requestId: newRequestId(),
      siteId: world.siteA,
      tenantId: world.a.tenant,
      departmentId: world.a.department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "测试投诉",
      receivedAt: new Date(Date.now() - 2 * DAY),
      receivedById: world.users.FRONT_DESK,
      state,
      rectificationDueAt,
      rectifications: { create: { round: 1, dueAt: rectificationDueAt } },
    },
    select: { id: true, number: true },
  });
}

/** Site A's open rectifications that are overdue, as the counts table shows them. */
async function overdue(queries: Queries = first) {
  return (await queries.deadlineCounts(filter)).total.rectification.overdue;
}

/** The list's first page: "number tenant" per row. */
async function listed(queries: Queries = first) {
  const { rows } = await queries.listOpenDeadlines(filter, pageRequest(undefined));
  return rows.map((r) => `${r.number} ${r.tenantName}`);
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  vi.resetModules();
  second = await import("@/lib/complaints/dashboard.queries");
  expect(second).not.toBe(first);
  await complaint("IN_RECTIFICATION", new Date(Date.now() - DAY));
  await signInAs(world.users.MANAGER);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the dashboard's complaint figures in memory", () => {
  it("are read from memory while nothing is written: a change no trigger announces is not seen", async () => {
    expect(await overdue()).toBe(1);
    const before = await listed();
    // Changed behind the memo's back (the version trigger off): a count that went to the database would see it.
    await db.$executeRaw`ALTER TABLE "Complaint" DISABLE TRIGGER "Complaint_complaint_version"`;
    try {
      await db.$executeRaw`UPDATE "Complaint" SET state = 'RECTIFIED', "rectifiedAt" = now() WHERE "siteId" = ${world.siteA}`;
      expect(await overdue()).toBe(1);
      expect(await listed()).toEqual(before);
      await db.$executeRaw`UPDATE "Complaint" SET state = 'IN_RECTIFICATION', "rectifiedAt" = NULL WHERE "siteId" = ${world.siteA}`;
    } finally {
      await db.$executeRaw`ALTER TABLE "Complaint" ENABLE TRIGGER "Complaint_complaint_version"`;
    }
  });

  it("a new complaint, a finished rectification and a tenant's new name are seen by the next view of every instance", async () => {
    for (const queries of [first, second]) expect(await overdue(queries)).toBe(1);
    const late = await complaint("RECEIVED", new Date(Date.now() - 2 * HOUR));
    for (const queries of [first, second]) expect(await overdue(queries)).toBe(2);

    // The rectification is recorded: its complaint leaves the open deadlines.
    await db.complaint.update({ where: { id: late.id }, data: { state: "RECTIFIED", rectifiedAt: new Date() } });
    for (const queries of [first, second]) {
      expect(await overdue(queries)).toBe(1);
      expect((await listed(queries)).some((row) => row.startsWith(late.number))).toBe(false);
    }

    await db.tenant.update({ where: { id: world.a.tenant }, data: { name: "更名后的业户" } });
    for (const queries of [first, second]) expect(await listed(queries)).toContain("SA-M-001 更名后的业户");
  });

  it("a writer bumps the version at its commit, not before: concurrent writers do not queue on it", async () => {
    const version = async () => (await db.cacheVersion.findUniqueOrThrow({ where: { id: "complaint" } })).version;
    const before = await version();
    await db.$transaction(async (tx) => {
      await tx.complaint.update({ where: { number: "SA-M-001" }, data: { description: "测试投诉（补充）" } });
      await tx.complaint.update({ where: { number: "SA-M-001" }, data: { description: "测试投诉（再补充）" } });
      // Another connection writes the same version row while this transaction is open: it does not wait.
      await db.$transaction([
        db.$executeRaw`SET LOCAL lock_timeout = '2s'`,
        db.$executeRaw`UPDATE "CacheVersion" SET version = version + 1 WHERE id = 'complaint'`,
      ]);
    });
    // Bumped once more by the commit (two rows written, one bump), after the other writer's.
    const after = await version();
    expect(after).toBeGreaterThan(before + 1n);
    expect(await overdue()).toBe(1);
  });

  it("a deadline that falls due is overdue on the first view after it, with nothing written (R-CMP-5)", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const due = new Date(start + HOUR);
    await complaint("IN_RECTIFICATION", due);
    expect(await overdue()).toBe(1);
    expect(await overdue()).toBe(1);
    // Past its deadline: the kept count is past its horizon, so the view counts again.
    vi.setSystemTime(due.getTime() + 1);
    expect(await overdue()).toBe(2);
    // The clock put back before the figures were counted: they are not used for an earlier instant either.
    vi.setSystemTime(start);
    expect(await overdue()).toBe(1);
  });
});

describe("the vacant-unit scores in memory", () => {
  /** Site A's figures of `month` (ending the two months read), as the card and the monthly report count them. */
  async function card(month: string) {
    const [row] = await vacantScoreSummary(month, { site: world.siteA });
    return { month: row.current.month, due: row.current.due, done: row.current.done, overdue: row.current.overdue };
  }

  it("a cleaning record counts on the next view; a unit left uncleaned is overdue once its month has ended", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const month = currentMonth(new Date(start), "Asia/Shanghai");
    const unit = await db.unit.create({
      data: { siteId: world.siteA, code: "V-101", building: "B座", floor: "3F", status: "VACANT", createdAt: new Date(start - 90 * DAY) },
      select: { id: true },
    });
    const cleaner = await db.cleaner.create({ data: { siteId: world.siteA, name: "保洁员甲" }, select: { id: true } });
    await signInAs(world.users.MANAGER);
    expect(await card(month)).toMatchObject({ month, due: 1, done: 0 });
    // Behind the memo's back (its trigger off), a record is not seen: the figures come from memory.
    await db.$executeRaw`ALTER TABLE "VacantCleaningRecord" DISABLE TRIGGER "VacantCleaningRecord_vacant_version"`;
    let recordId: string;
    try {
      recordId = (
        await db.vacantCleaningRecord.create({
          data: {
            requestId: newRequestId(),
            siteId: world.siteA,
            unitId: unit.id,
            month,
            cleanedOn: new Date(`${month}-01T00:00:00Z`),
            cleanerId: cleaner.id,
            createdById: world.users.CLERK,
          },
          select: { id: true },
        })
      ).id;
      expect(await card(month)).toMatchObject({ done: 0 });
    } finally {
      await db.$executeRaw`ALTER TABLE "VacantCleaningRecord" ENABLE TRIGGER "VacantCleaningRecord_vacant_version"`;
    }
    // Sent back through a write the trigger sees: counted again, without the record (R-VAC-2).
    await db.vacantCleaningRecord.update({ where: { id: recordId }, data: { state: "SENT_BACK" } });
    expect(await card(month)).toMatchObject({ due: 1, done: 0, overdue: 0 });
    // Its month ends with the record sent back: the same figures asked for on the first view after it
    // are past their horizon, and its unit is overdue.
    vi.setSystemTime(endOfMonth(month, "Asia/Shanghai").getTime() + 1);
    expect(await card(month)).toMatchObject({ month, due: 1, done: 0, overdue: 1 });
  });
});

describe("the missing meetings in memory", () => {
  it("a meeting written behind the memo's back is not seen; the next write that is bumps the card (R-MTG-1)", async () => {
    const today = localDateInZone(new Date(), "Asia/Shanghai");
    const [, , , lastWeek] = completedMondays(today, 4);
    const series = await db.meetingSeries.create({
      data: {
        siteId: world.siteA,
        kind: "DEPARTMENT",
        name: "部门例会",
        convenerId: world.users.MANAGER,
        minuteTakerId: world.users.CLERK,
        place: "会议室",
        startsOn: dateColumn("2026-01-05"),
      },
      select: { id: true },
    });
    const participant = await db.meetingParticipant.create({ data: { seriesId: series.id, name: "张三" }, select: { id: true } });
    await signInAs(world.users.MANAGER);
    const missing = async () =>
      (await missingMeetingsSummary(new Date(), { site: world.siteA })).series
        .find((s) => s.id === series.id)!
        .missingWeeks.map((w) => w.monday);
    expect(await missing()).toContain(lastWeek);

    const meeting = async () =>
      db.meeting.create({
        data: {
          requestId: newRequestId(),
          seriesId: series.id,
          siteId: world.siteA,
          date: dateColumn(lastWeek),
          startsAt: new Date(`${lastWeek}T01:00:00Z`),
          place: "会议室",
          createdById: world.users.CLERK,
          attendance: { create: [{ participantId: participant.id, status: "PRESENT", recordedAt: new Date() }] },
        },
      });
    await db.$executeRaw`ALTER TABLE "Meeting" DISABLE TRIGGER "Meeting_meeting_version"`;
    await db.$executeRaw`ALTER TABLE "MeetingAttendance" DISABLE TRIGGER "MeetingAttendance_meeting_version"`;
    let held: { id: string };
    try {
      held = await meeting();
      expect(await missing()).toContain(lastWeek);
    } finally {
      await db.$executeRaw`ALTER TABLE "Meeting" ENABLE TRIGGER "Meeting_meeting_version"`;
      await db.$executeRaw`ALTER TABLE "MeetingAttendance" ENABLE TRIGGER "MeetingAttendance_meeting_version"`;
    }
    // The next write the trigger sees (the minutes' place corrected) makes the next view count again.
    await db.meeting.update({ where: { id: held.id }, data: { place: "二楼会议室" } });
    expect(await missing()).not.toContain(lastWeek);
  });
});

describe("the deadline export's file in memory", () => {
  /** The numbers on the file's first sheet (the complaints), as a manager downloads it. */
  async function exported() {
    const response = await exportRoute(new Request("http://localhost/dashboard/export"));
    expect(response.status).toBe(200);
    const [sheet] = await readXlsx(await response.arrayBuffer());
    return sheet.rows.slice(1).map((row) => String(row[0]));
  }

  it("is made once while nothing changes, made again after a write, and never given to a reader of other sites", async () => {
    await signInAs(world.users.MANAGER);
    const before = await exported();
    expect(before.length).toBeGreaterThan(0);
    await db.$executeRaw`ALTER TABLE "Complaint" DISABLE TRIGGER "Complaint_complaint_version"`;
    try {
      await db.$executeRaw`UPDATE "Complaint" SET number = number || '-X' WHERE "siteId" = ${world.siteA}`;
      // From memory: the same file.
      expect(await exported()).toEqual(before);
    } finally {
      await db.$executeRaw`ALTER TABLE "Complaint" ENABLE TRIGGER "Complaint_complaint_version"`;
    }
    // A write the trigger sees: the next export is made again, from the rows as they are now.
    const fresh = await complaint("RECEIVED", new Date(Date.now() - HOUR));
    const after = await exported();
    expect(after).toContain(fresh.number);
    expect(after).toEqual(expect.arrayContaining(before.map((n) => `${n}-X`)));

    // Site B's manager asks for the same filter: a file of site B (none of site A's rows), not site A's.
    const managerB = await db.user.create({
      data: { username: "mgr-b", name: "经理B", role: "MANAGER", passwordHash: "x", sites: { create: [{ siteId: world.siteB }] } },
      select: { id: true },
    });
    await signInAs(managerB.id);
    expect(await exported()).toEqual([]);
  });
});
