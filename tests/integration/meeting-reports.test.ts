/**
 * Meeting compliance and the archive against PostgreSQL: missing weeks of a series
 * computed from real rows (R-MTG-1; a week with only a SCHEDULED meeting counts as held), the quarter's
 * attendance figures (R-MTG-3), the .xlsx archive of minutes, attendance and action items (R-MTG-4/5),
 * the dashboard card's query, and refusals (other roles, another site). Rows are inserted directly with
 * `db`; the queries get a fixed `now` (Wednesday 2026-11-25, Shanghai).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as archiveRoute } from "@/app/(staff)/meetings/compliance/export/archive/route";
import { GET as attendanceRoute } from "@/app/(staff)/meetings/compliance/export/attendance/route";
import { AccessError } from "@/lib/auth/guard";
import { instantFromLocalDateTime } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { AttendanceStatus, MeetingState } from "@/lib/generated/prisma/enums";
import { meetingArchive } from "@/lib/meetings/archive.queries";
import { meetingCompliance, missingMeetingsSummary, quarterAttendanceReport } from "@/lib/meetings/report.queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";
import { newRequestId } from "@/lib/request-id";

const TZ = "Asia/Shanghai";
const NOW = new Date("2026-11-25T04:00:00Z"); // Wednesday 12:00 in Shanghai; the week of Monday 2026-11-23
const col = (date: string) => new Date(`${date}T00:00:00Z`);

let world: World;
let seriesA: string;
let seriesB: string;
let people: { manager: string; clerk: string; external: string };

async function meeting(
  seriesId: string,
  siteId: string,
  date: string,
  state: MeetingState,
  attendance: [string, AttendanceStatus | null][],
  time = "09:00",
) {
  const startsAt = instantFromLocalDateTime(`${date}T${time}`, TZ);
  const confirmed = state === "CONFIRMED";
  const m = await db.meeting.create({
    data: {
      requestId: newRequestId(),
      seriesId,
      siteId,
      date: col(date),
      startsAt,
      place: "客务部会议室",
      state,
      lastWeekReview: `上周工作回顾 ${date}`,
      nextWeekPlan: "下周计划：深度清洁",
      assignments: "工作布置：内勤整理台账",
      createdById: world.users.CLERK,
      confirmedAt: confirmed ? new Date(startsAt.getTime() + 86_400_000) : null,
      confirmedById: confirmed ? world.users.MANAGER : null,
      attendance: {
        create: attendance.map(([participantId, status]) => ({ participantId, status, note: status === "LATE" ? "迟到10分钟" : null })),
      },
    },
    select: { id: true },
  });
  return m.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const series = await db.meetingSeries.create({
    data: {
      siteId: world.siteA,
      kind: "DEPARTMENT",
      name: "部门例会",
      convenerId: world.users.MANAGER,
      minuteTakerId: world.users.CLERK,
      place: "客务部会议室",
      startsOn: col("2026-10-05"),
      participants: {
        create: [
          { userId: world.users.MANAGER, name: "王经理", position: "项目经理" },
          { userId: world.users.CLERK, name: "刘内勤", position: "部门内勤" },
          { name: "陈卫东", organization: "洁美保洁服务有限公司", position: "保洁主管" },
        ],
      },
    },
    select: { id: true, participants: { select: { id: true, name: true } } },
  });
  seriesA = series.id;
  const pid = (name: string) => series.participants.find((p) => p.name === name)!.id;
  people = { manager: pid("王经理"), clerk: pid("刘内勤"), external: pid("陈卫东") };
  const { manager, clerk, external } = people;

  // Before startsOn, in Q3: attendance recorded, minutes never confirmed → held, shown as unconfirmed; not counted in Q4.
  await meeting(seriesA, world.siteA, "2026-09-30", "SCHEDULED", [[clerk, "ABSENT"]]);
  ids.oct5 = await meeting(seriesA, world.siteA, "2026-10-05", "CONFIRMED", [
    [manager, "PRESENT"],
    [clerk, "LATE"],
    [external, "ABSENT"],
  ]);
  // Week of 10-12: nothing → missing. Week of 10-19: a meeting whose attendance was never fully recorded → missing (R-MTG-1).
  ids.oct21 = await meeting(seriesA, world.siteA, "2026-10-21", "SCHEDULED", [
    [manager, "PRESENT"],
    [clerk, null],
    [external, "EXCUSED"],
  ]);
  // Late Sunday night, site time: belongs to the week of 10-26.
  ids.nov1 = await meeting(
    seriesA,
    world.siteA,
    "2026-11-01",
    "CONFIRMED",
    [
      [manager, "PRESENT"],
      [clerk, "PRESENT"],
      [external, "LEFT_EARLY"],
    ],
    "23:30",
  );
  // Week of 11-02: missing.
  ids.nov9 = await meeting(seriesA, world.siteA, "2026-11-09", "CONFIRMED", [
    [manager, "LATE"],
    [clerk, "ABSENT"],
    [external, "PRESENT"],
  ]);
  // Week of 11-16: missing; week of 11-23: pending. A future meeting is not counted.
  await meeting(seriesA, world.siteA, "2026-12-03", "SCHEDULED", [[clerk, null]]);

  await db.meetingActionItem.createMany({
    data: [
      {
        requestId: newRequestId(),
        seriesId: seriesA,
        meetingId: ids.oct5,
        description: "提交货梯预约时段调整方案",
        ownerParticipantId: clerk,
        dueOn: col("2026-10-12"),
        createdById: world.users.CLERK,
        closedAt: new Date("2026-11-01T16:00:00Z"),
        closedById: world.users.CLERK,
        closedInMeetingId: ids.nov1,
        closingNote: "已按方案执行",
      },
      {
        requestId: newRequestId(),
        seriesId: seriesA,
        meetingId: ids.nov9,
        description: "整理投诉台账",
        ownerParticipantId: external,
        dueOn: col("2026-11-30"),
        createdById: world.users.CLERK,
      },
    ],
  });

  const other = await db.meetingSeries.create({
    data: {
      siteId: world.siteB,
      kind: "CLEANING",
      name: "保洁工作例会B",
      convenerId: world.users.SUPERVISOR,
      minuteTakerId: world.users.SUPERVISOR,
      place: "保洁休息室",
      startsOn: col("2026-10-05"),
      participants: { create: [{ name: "B项目保洁员", organization: "外包" }] },
    },
    select: { id: true, participants: { select: { id: true } } },
  });
  seriesB = other.id;
  await meeting(seriesB, world.siteB, "2026-11-11", "CONFIRMED", [[other.participants[0].id, "PRESENT"]]);
});

describe("missing weeks (R-MTG-1)", () => {
  it("shows held, unconfirmed, missing and pending weeks of the last 12; a meeting without recorded attendance is not held", async () => {
    await signInAs(world.users.MANAGER);
    const report = await meetingCompliance({}, NOW);
    expect(report.site.id).toBe(world.siteA);
    expect(report.strips.map((s) => s.name)).toEqual(["部门例会"]);
    const strip = report.strips[0];
    expect(strip.cells).toHaveLength(12);
    const state = Object.fromEntries(strip.cells.map((c) => [c.monday, c.state]));
    expect(state).toMatchObject({
      "2026-09-07": "notDue",
      "2026-09-28": "unconfirmed",
      "2026-10-05": "held",
      "2026-10-12": "missing",
      "2026-10-19": "missing",
      "2026-10-26": "held",
      "2026-11-02": "missing",
      "2026-11-09": "held",
      "2026-11-16": "missing",
      "2026-11-23": "pending",
    });
    expect(strip.cells.find((c) => c.monday === "2026-10-19")!.meeting).toEqual({
      id: ids.oct21,
      date: "2026-10-21",
      attendanceRecorded: false,
      confirmed: false,
    });
    expect(strip.cells.find((c) => c.monday === "2026-10-26")!.meeting?.id).toBe(ids.nov1);
    expect(strip.missing).toBe(4);
    expect(strip.unconfirmed).toBe(1);
  });

  it("the current week turns missing when Sunday ends in Shanghai, not in UTC", async () => {
    await signInAs(world.users.MANAGER);
    const sundayLate = await meetingCompliance({}, new Date("2026-11-29T15:30:00Z"));
    expect(sundayLate.strips[0].cells.at(-1)).toMatchObject({ monday: "2026-11-23", state: "pending" });
    const mondayEarly = await meetingCompliance({}, new Date("2026-11-29T16:30:00Z"));
    expect(mondayEarly.strips[0].cells.at(-2)).toMatchObject({ monday: "2026-11-23", state: "missing" });
    // Scheduled on 12-03, not held yet: the week is still to come.
    expect(mondayEarly.strips[0].cells.at(-1)).toMatchObject({ monday: "2026-11-30", state: "pending" });
    expect(mondayEarly.strips[0].missing).toBe(5);
  });

  it("the dashboard card lists the missing weeks among the last 4 completed ones", async () => {
    await signInAs(world.users.MANAGER);
    const summary = await missingMeetingsSummary(NOW);
    expect(summary.series).toEqual([
      {
        id: seriesA,
        name: "部门例会",
        site: { id: world.siteA, name: "测试项目A" },
        missingWeeks: [
          { monday: "2026-11-02", sunday: "2026-11-08" },
          { monday: "2026-11-16", sunday: "2026-11-22" },
        ],
      },
    ]);
  });
});

describe("quarter attendance (R-MTG-3)", () => {
  it("counts each person's statuses over the quarter's meetings up to today", async () => {
    await signInAs(world.users.MANAGER);
    const report = await meetingCompliance({ quarter: "2026-Q4" }, NOW);
    expect(report.quarter).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    const dept = report.attendance[0];
    expect(dept.meetings).toBe(4);
    const of = (id: string) => dept.people.find((p) => p.id === id)!.tally;
    expect(of(people.manager)).toMatchObject({ meetings: 4, present: 3, late: 1, absent: 0, rate: 1 });
    expect(of(people.clerk)).toMatchObject({ meetings: 4, present: 1, late: 1, absent: 1, notRecorded: 1 });
    expect(of(people.clerk).rate).toBeCloseTo(2 / 3);
    expect(of(people.external)).toMatchObject({ present: 1, leftEarly: 1, absent: 1, excused: 1 });
    expect(of(people.external).rate).toBeCloseTo(2 / 3);
  });

  it("another quarter shows its own meetings", async () => {
    await signInAs(world.users.MANAGER);
    const report = await meetingCompliance({ quarter: "2026-Q3" }, NOW);
    expect(report.attendance[0].meetings).toBe(1);
    expect(report.attendance[0].people.find((p) => p.id === people.clerk)!.tally).toMatchObject({ absent: 1, rate: 0 });
  });

  it("the quarter export has one row per person", async () => {
    await signInAs(world.users.MANAGER);
    const data = await quarterAttendanceReport({ quarter: "2026-Q4" }, NOW);
    expect(data.series[0].people).toHaveLength(3);
    const response = await attendanceRoute(new Request("http://localhost/meetings/compliance/export/attendance?quarter=2026-Q4"));
    expect(response.status).toBe(200);
    const [sheet] = await readXlsx(await response.arrayBuffer());
    expect(sheet.text).toContain("2026年第4季度");
    expect(sheet.text).toContain("陈卫东");
    expect(sheet.rows.flat()).toContain(66.7);
    expect(sheet.text).not.toContain("B项目保洁员");
  });
});

describe("archive export (R-MTG-4)", () => {
  it("holds the meetings, attendance and action items of the range on three sheets", async () => {
    await signInAs(world.users.MANAGER);
    const response = await archiveRoute(
      new Request(
        `http://localhost/meetings/compliance/export/archive?site=${world.siteA}&series=${seriesA}&from=2026-10-01&to=2026-11-30`,
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("filename*=UTF-8''");
    const [meetingSheet, attendanceSheet, itemSheet] = await readXlsx(await response.arrayBuffer());
    expect([meetingSheet.name, attendanceSheet.name, itemSheet.name]).toEqual(["会议纪要", "出勤记录", "决议事项"]);
    const meetings = meetingSheet.text;
    // Meeting days are real dates (the site's calendar day), not text.
    expect(meetingSheet.rows.slice(1).every((row) => row[1] instanceof Date)).toBe(true);
    for (const date of ["2026-10-05", "2026-10-21", "2026-11-01", "2026-11-09"]) expect(meetings).toContain(`上周工作回顾 ${date}`);
    expect(meetings).not.toContain("2026-09-30");
    expect(meetings).not.toContain("2026-12-03");
    expect(meetings).toContain("23:30");
    expect(meetings).toContain("已确认");
    expect(meetings).toContain("已安排");
    expect(meetings).toContain("测试MANAGER"); // convener and confirmed by
    const attendance = attendanceSheet.text;
    expect(attendanceSheet.rows).toHaveLength(1 + 12);
    expect(attendance).toContain("请假");
    expect(attendance).toContain("未登记");
    expect(attendance).toContain("迟到10分钟");
    expect(attendance).toContain("洁美保洁服务有限公司");
    const items = itemSheet.text;
    expect(items).toContain("提交货梯预约时段调整方案");
    expect(items).toContain("已按方案执行");
    expect(items).toContain("整理投诉台账");
  });

  it("all series of the site by default, never another site's", async () => {
    await signInAs(world.users.MANAGER);
    const archive = await meetingArchive({ from: "2026-09-01", to: "2026-12-31" }, NOW);
    expect(archive.meetings).toHaveLength(6);
    expect(archive.meetings.every((m) => m.seriesName === "部门例会")).toBe(true);
    expect(archive.actionItems.find((a) => a.description === "提交货梯预约时段调整方案")).toMatchObject({
      raisedOn: "2026-10-05",
      owner: "刘内勤",
      dueOn: "2026-10-12",
      closedInDate: "2026-11-01",
      closedLocal: "2026-11-02 00:00",
    });
  });
});

describe("refusals", () => {
  it("other roles may not see compliance nor export", async () => {
    for (const role of ["SUPERVISOR", "CLERK", "FRONT_DESK", "ENGINEER", "ADMIN"] as const) {
      await signInAs(world.users[role]);
      await expect(meetingCompliance({}, NOW)).rejects.toMatchObject({ code: "forbidden" });
      await expect(missingMeetingsSummary(NOW)).rejects.toBeInstanceOf(AccessError);
      expect((await archiveRoute(new Request("http://localhost/meetings/compliance/export/archive"))).status).toBe(403);
      expect((await attendanceRoute(new Request("http://localhost/meetings/compliance/export/attendance"))).status).toBe(403);
    }
    await signInAs(null);
    expect((await archiveRoute(new Request("http://localhost/meetings/compliance/export/archive"))).status).toBe(401);
  });

  it("another site, or its series, does not exist for the manager", async () => {
    await signInAs(world.users.MANAGER);
    await expect(meetingCompliance({ site: world.siteB }, NOW)).rejects.toMatchObject({ code: "not_found" });
    expect((await archiveRoute(new Request(`http://localhost/meetings/compliance/export/archive?site=${world.siteB}`))).status).toBe(404);
    expect((await archiveRoute(new Request(`http://localhost/meetings/compliance/export/archive?series=${seriesB}`))).status).toBe(404);
    expect((await attendanceRoute(new Request(`http://localhost/meetings/compliance/export/attendance?site=${world.siteB}`))).status).toBe(
      404,
    );
  });
});
