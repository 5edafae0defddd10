/**
 * Weekly meetings against PostgreSQL (§3.4, R-MTG-1..5): scheduling limits, attendance and leave,
 * confirmation and the lock after it (even for forged calls), visibility, carry-over of open items,
 * and amendments. Every refusal is checked for its Chinese message, its field, and nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, instantFromLocalDateTime, localDateInZone, localDateTimeInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import {
  addActionItemAction,
  amendMeetingAction,
  closeActionItemAction,
  confirmMeetingAction,
  decideLeaveAction,
  recordAttendanceAction,
  requestLeaveAction,
  saveMinutesAction as saveMinutesActionAsSent,
  scheduleMeetingAction,
  updateActionItemAction,
} from "@/lib/meetings/actions";
import { getMeetingDetail } from "@/lib/meetings/detail.queries";
import { listMeetings } from "@/lib/meetings/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";
import { asLoadedNow } from "../support/versions";

/** As the form sends it: with the version it was loaded with (lib/versioning.ts). */
const saveMinutesAction = async (input: Record<string, unknown>) => saveMinutesActionAsSent(await asLoadedNow("saveMinutesAction", input));

let world: World;
let dept: { id: string; manager: string; supervisor: string; clerk: string; coordinator: string; external: string };
let cleaning: { id: string; external: string };
let coordinatorId: string;
const rid = newRequestId;
const today = () => localDateInZone(new Date(), "Asia/Shanghai");
const audits = () => db.auditLog.count();

/** A day ahead that no test uses, where a meeting that already took place is first scheduled. */
const PLACEHOLDER_DAYS_AHEAD = 6;

/**
 * A meeting of the series on `date` at `time`, scheduled through the action. R-MTG-1 refuses the past, so
 * a meeting that has already taken place is scheduled ahead and then moved back to its day, as if it had
 * been scheduled back then.
 */
async function schedule(date: string, time = "09:00", seriesId = dept.id, as = world.users.CLERK) {
  await signInAs(as);
  const startsAt = instantFromLocalDateTime(`${date}T${time}`, "Asia/Shanghai");
  const past = startsAt.getTime() <= Date.now();
  const planned = past ? addDays(today(), PLACEHOLDER_DAYS_AHEAD) : date;
  const result = await scheduleMeetingAction({ requestId: rid(), seriesId, date: planned, time, place: "客务部会议室" });
  expect(result).toMatchObject({ ok: true });
  const id = (result as { data: { id: string } }).data.id;
  if (past) await db.meeting.update({ where: { id }, data: { date: new Date(`${date}T00:00:00Z`), startsAt } });
  return id;
}

/** A department meeting with attendance and agenda complete, ready for the convener. */
async function readyMeeting(date: string) {
  const id = await schedule(date, "08:00");
  await signInAs(world.users.CLERK);
  const entries = [dept.manager, dept.supervisor, dept.clerk, dept.coordinator, dept.external].map((participantId) => ({
    participantId,
    status: "PRESENT",
    note: "",
  }));
  expect(await recordAttendanceAction({ meetingId: id, entries })).toMatchObject({ ok: true });
  expect(
    await saveMinutesAction({
      meetingId: id,
      lastWeekReview: "大堂地面保洁已整改",
      nextWeekPlan: "配合消防检查",
      assignments: "主管每日巡查两次",
    }),
  ).toMatchObject({ ok: true });
  return id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  coordinatorId = (
    await db.user.create({
      data: {
        username: "coord",
        name: "协调主管",
        role: "SUPERVISOR",
        duty: "COORDINATION",
        passwordHash: "x",
        sites: { create: [{ siteId: world.siteA }] },
      },
    })
  ).id;
  const u = world.users;
  const series = await db.meetingSeries.create({
    data: {
      siteId: world.siteA,
      kind: "DEPARTMENT",
      name: "部门例会",
      convenerId: u.MANAGER,
      minuteTakerId: u.CLERK,
      place: "客务部会议室",
      startsOn: new Date("2026-01-05T00:00:00Z"),
      participants: {
        create: [
          { userId: u.MANAGER, name: "经理" },
          { userId: u.SUPERVISOR, name: "保洁主管", superiorId: u.MANAGER },
          { userId: u.CLERK, name: "内勤", superiorId: u.MANAGER },
          { userId: coordinatorId, name: "协调主管", superiorId: u.MANAGER },
          { name: "陈卫东", organization: "洁美保洁服务有限公司" },
        ],
      },
    },
    select: { id: true, participants: { select: { id: true, userId: true } } },
  });
  const p = (userId: string | null) => series.participants.find((x) => x.userId === userId)!.id;
  dept = {
    id: series.id,
    manager: p(u.MANAGER),
    supervisor: p(u.SUPERVISOR),
    clerk: p(u.CLERK),
    coordinator: p(coordinatorId),
    external: p(null),
  };
  const cs = await db.meetingSeries.create({
    data: {
      siteId: world.siteA,
      kind: "CLEANING",
      name: "保洁工作例会",
      convenerId: u.SUPERVISOR,
      minuteTakerId: u.SUPERVISOR,
      weekday: 3,
      place: "保洁休息室",
      startsOn: new Date("2026-01-05T00:00:00Z"),
      participants: {
        create: [
          { userId: u.SUPERVISOR, name: "保洁主管" },
          { name: "黄秀兰", organization: "洁美保洁服务有限公司" },
        ],
      },
    },
    select: { id: true, participants: { select: { id: true, userId: true } } },
  });
  cleaning = { id: cs.id, external: cs.participants.find((x) => !x.userId)!.id };
});

describe("scheduling", () => {
  it("creates one attendance line per expected person; a replay returns the same meeting", async () => {
    await signInAs(world.users.CLERK);
    const input = { requestId: rid(), seriesId: dept.id, date: addDays(today(), 4), time: "09:00", place: "客务部会议室" };
    const first = await scheduleMeetingAction(input);
    const again = await scheduleMeetingAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    const id = (first as { data: { id: string } }).data.id;
    expect(await db.meetingAttendance.count({ where: { meetingId: id, status: null } })).toBe(5);
  });

  it("refuses a meeting two weeks ahead (at most 7 days, site time) and writes nothing", async () => {
    await signInAs(world.users.CLERK);
    const [before, auditBefore] = [await db.meeting.count(), await audits()];
    const result = await scheduleMeetingAction({
      requestId: rid(),
      seriesId: dept.id,
      date: addDays(today(), 14),
      time: "09:00",
      place: "会议室",
    });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { date: "会议最多只能提前 7 天安排（按项目当地日期）" } });
    expect(await db.meeting.count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    expect(
      await scheduleMeetingAction({ requestId: rid(), seriesId: dept.id, date: addDays(today(), 7), time: "09:00", place: "会议室" }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("R-MTG-1: refuses a meeting in the past next to the date or the time, and writes nothing", async () => {
    await signInAs(world.users.CLERK);
    const [before, auditBefore] = [await db.meeting.count(), await audits()];
    const yesterday = await scheduleMeetingAction({
      requestId: rid(),
      seriesId: dept.id,
      date: addDays(today(), -1),
      time: "09:00",
      place: "会议室",
    });
    expect(yesterday).toMatchObject({ ok: false, code: "invalid", fieldErrors: { date: expect.stringContaining("不能安排在过去") } });
    // Earlier today: the hour has passed (the Shanghai time one minute ago, or yesterday's date just after midnight).
    const minuteAgo = new Date(Date.now() - 60_000);
    const [date, time] = localDateTimeInZone(minuteAgo, "Asia/Shanghai").split("T");
    const earlier = await scheduleMeetingAction({ requestId: rid(), seriesId: dept.id, date, time: time.slice(0, 5), place: "会议室" });
    expect(earlier).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.values((earlier as { fieldErrors: Record<string, string> }).fieldErrors)[0]).toContain("不能安排在过去");
    expect(await db.meeting.count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it("refuses a second meeting of the series on the same local date", async () => {
    // The first test of this block scheduled the department meeting of that day already.
    const date = addDays(today(), 4);
    if (!(await db.meeting.findFirst({ where: { seriesId: dept.id, date: new Date(`${date}T00:00:00Z`) } }))) await schedule(date);
    const result = await scheduleMeetingAction({ requestId: rid(), seriesId: dept.id, date, time: "15:00", place: "会议室" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { date: expect.stringContaining("已有会议") } });
  });

  it("is for the convener, the minute-taker or a manager only", async () => {
    await signInAs(world.users.SUPERVISOR);
    const result = await scheduleMeetingAction({
      requestId: rid(),
      seriesId: dept.id,
      date: addDays(today(), -32),
      time: "09:00",
      place: "会议室",
    });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("attendance and leave (R-MTG-3)", () => {
  it("refuses attendance for a person who is not expected, writing nothing", async () => {
    const id = await schedule(addDays(today(), -33));
    const auditBefore = await audits();
    const result = await recordAttendanceAction({
      meetingId: id,
      entries: [
        { participantId: dept.manager, status: "PRESENT", note: "" },
        { participantId: cleaning.external, status: "PRESENT", note: "" },
      ],
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "entries.1.participantId": "此人不是本次会议的应到人员" } });
    expect(await db.meetingAttendance.count({ where: { meetingId: id, status: { not: null } } })).toBe(0);
    expect(await audits()).toBe(auditBefore);
  });

  it("refuses EXCUSED without a leave approved before the meeting", async () => {
    const id = await schedule(addDays(today(), -34));
    const result = await recordAttendanceAction({
      meetingId: id,
      entries: [{ participantId: dept.supervisor, status: "EXCUSED", note: "" }],
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "entries.0.status": "保洁主管 没有在会前获上级批准的请假，不能记为请假" } });
  });

  it("an approval before the start excuses; an approval after the start does not", async () => {
    const id = await schedule(addDays(today(), 1), "09:00");
    await signInAs(world.users.SUPERVISOR);
    const asked = await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: dept.supervisor, reason: "外出培训" });
    expect(asked).toMatchObject({ ok: true });
    await signInAs(coordinatorId);
    const askedLate = await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: dept.coordinator, reason: "业户接待" });
    expect(askedLate).toMatchObject({ ok: true });

    await signInAs(world.users.MANAGER);
    const onTime = (asked as { data: { id: string } }).data.id;
    expect(await decideLeaveAction({ leaveRequestId: onTime, decision: "APPROVED", decisionNote: "" })).toMatchObject({ ok: true });
    // The meeting begins right after that approval; the coordinator's leave is approved only after the start.
    await db.meeting.update({ where: { id }, data: { startsAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = (askedLate as { data: { id: string } }).data.id;
    expect(await decideLeaveAction({ leaveRequestId: late, decision: "APPROVED", decisionNote: "" })).toMatchObject({ ok: true });
    // Asking now is too late.
    await signInAs(world.users.CLERK);
    expect(await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: dept.external, reason: "病假" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "会议已经开始，不能再请假" },
    });

    const ok = await recordAttendanceAction({ meetingId: id, entries: [{ participantId: dept.supervisor, status: "EXCUSED", note: "" }] });
    expect(ok).toMatchObject({ ok: true });
    const refused = await recordAttendanceAction({
      meetingId: id,
      entries: [{ participantId: dept.coordinator, status: "EXCUSED", note: "" }],
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { "entries.0.status": expect.stringContaining("没有在会前获上级批准的请假") },
    });
    expect(
      await recordAttendanceAction({ meetingId: id, entries: [{ participantId: dept.coordinator, status: "ABSENT", note: "" }] }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("leave is decided only by the person's superior, the convener (no superior named) or a manager; never one's own", async () => {
    const id = await schedule(addDays(today(), 2));
    await signInAs(world.users.SUPERVISOR);
    const asked = await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: dept.supervisor, reason: "体检" });
    const leaveId = (asked as { data: { id: string } }).data.id;
    for (const who of [coordinatorId, world.users.SUPERVISOR]) {
      await signInAs(who);
      const result = await decideLeaveAction({ leaveRequestId: leaveId, decision: "APPROVED", decisionNote: "" });
      expect(result).toMatchObject({
        ok: false,
        code: "forbidden",
        fieldErrors: { decision: expect.stringContaining("只有请假人的上级") },
      });
    }
    expect(await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } })).toMatchObject({ state: "PENDING", decidedAt: null });
    // Staff ask only for themselves.
    await signInAs(coordinatorId);
    expect(await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: dept.external, reason: "代请" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(world.users.MANAGER);
    expect(await decideLeaveAction({ leaveRequestId: leaveId, decision: "REFUSED", decisionNote: "检查周" })).toMatchObject({ ok: true });

    // The superior heard of the request at once; the supervisor hears of the decision (with the note).
    const notes = await db.notification.findMany({
      where: { link: `/meetings/${id}`, kind: { startsWith: "meeting.leave." } },
      select: { userId: true, kind: true, title: true, body: true, texts: true },
      orderBy: { createdAt: "asc" },
    });
    expect(notes).toEqual([
      {
        userId: world.users.MANAGER,
        kind: "meeting.leave.requested",
        title: `请假待审批：保洁主管（部门例会 ${addDays(today(), 2)}）`,
        body: "体检",
        // Also stored in English for readers who switched the UI (the reason stays as written).
        texts: { en: { title: `Leave to decide: 保洁主管 (部门例会 ${addDays(today(), 2)})`, body: "体检" } },
      },
      {
        userId: world.users.SUPERVISOR,
        kind: "meeting.leave.REFUSED",
        title: `请假未批准：保洁主管（部门例会 ${addDays(today(), 2)}）`,
        body: "检查周",
        texts: { en: { title: `Leave refused: 保洁主管 (部门例会 ${addDays(today(), 2)})`, body: "检查周" } },
      },
    ]);
  });
});

describe("action items (R-MTG-5)", () => {
  it("refuses an item without owner or due date, writing nothing", async () => {
    const id = await schedule(addDays(today(), -35));
    const before = await db.meetingActionItem.count();
    const noOwner = await addActionItemAction({
      requestId: rid(),
      meetingId: id,
      description: "修理门禁",
      ownerParticipantId: "",
      dueOn: addDays(today(), 3),
    });
    expect(noOwner).toMatchObject({ ok: false, code: "invalid", fieldErrors: { ownerParticipantId: "请选择待办事项的负责人" } });
    const noDue = await addActionItemAction({
      requestId: rid(),
      meetingId: id,
      description: "修理门禁",
      ownerParticipantId: dept.supervisor,
      dueOn: "",
    });
    expect(noDue).toMatchObject({ ok: false, code: "invalid", fieldErrors: { dueOn: "请填写待办事项的完成期限" } });
    const missing = await addActionItemAction({ requestId: rid(), meetingId: id, description: "修理门禁" });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { ownerParticipantId: "请选择待办事项的负责人", dueOn: "请填写待办事项的完成期限" },
    });
    const foreignOwner = await addActionItemAction({
      requestId: rid(),
      meetingId: id,
      description: "修理门禁",
      ownerParticipantId: cleaning.external,
      dueOn: addDays(today(), 3),
    });
    expect(foreignOwner).toMatchObject({ ok: false, fieldErrors: { ownerParticipantId: "负责人必须是本例会的参会人员" } });
    expect(await db.meetingActionItem.count()).toBe(before);
  });

  it("open items are carried to the next meetings until someone closes them (who, when, which meeting)", async () => {
    const first = await schedule(addDays(today(), -21));
    await signInAs(world.users.CLERK);
    const added = await addActionItemAction({
      requestId: rid(),
      meetingId: first,
      description: "更换三楼灯管",
      ownerParticipantId: dept.supervisor,
      dueOn: addDays(today(), -15),
    });
    expect(added).toMatchObject({ ok: true });
    const itemId = (added as { data: { id: string } }).data.id;
    const second = await schedule(addDays(today(), -14));
    const third = await schedule(addDays(today(), -7));

    await signInAs(world.users.CLERK);
    expect((await getMeetingDetail(second))!.carriedOver.map((i) => i.id)).toEqual([itemId]);
    expect((await getMeetingDetail(first))!.carriedOver).toEqual([]);

    await signInAs(world.users.SUPERVISOR);
    expect(await closeActionItemAction({ actionItemId: itemId, meetingId: third, closingNote: "已全部更换" })).toMatchObject({ ok: true });
    expect(await closeActionItemAction({ actionItemId: itemId, meetingId: third, closingNote: "再次" })).toMatchObject({
      ok: false,
      fieldErrors: { closingNote: "该待办事项已关闭" },
    });
    const closed = await db.meetingActionItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(closed).toMatchObject({ closedById: world.users.SUPERVISOR, closedInMeetingId: third, closingNote: "已全部更换" });
    expect(closed.closedAt).toBeInstanceOf(Date);

    await signInAs(world.users.CLERK);
    const inThird = (await getMeetingDetail(third))!.carriedOver;
    expect(inThird).toMatchObject([{ id: itemId, closedHere: true, closedBy: "测试SUPERVISOR" }]);
    const later = await schedule(addDays(today(), 3));
    expect((await getMeetingDetail(later))!.carriedOver).toEqual([]);
  });
});

describe("confirmation and the lock (R-MTG-4)", () => {
  it("refuses to confirm with attendance not fully recorded or an empty agenda section", async () => {
    const id = await schedule(addDays(today(), -40));
    await signInAs(world.users.MANAGER);
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({
      ok: false,
      fieldErrors: { attendance: "还有应到人员的出勤未记录，不能确认" },
    });
    const ready = await readyMeeting(addDays(today(), -41));
    await signInAs(world.users.CLERK);
    // R-MTG-2: minutes with every section empty are refused, not reported as saved.
    expect(await saveMinutesAction({ meetingId: ready, lastWeekReview: " ", nextWeekPlan: "", assignments: "" })).toMatchObject({
      ok: false,
      fieldErrors: { lastWeekReview: "纪要为空：请至少填写一个议程部分" },
    });
    await saveMinutesAction({ meetingId: ready, lastWeekReview: "有内容", nextWeekPlan: "", assignments: "有内容" });
    await signInAs(world.users.MANAGER);
    expect(await confirmMeetingAction({ meetingId: ready })).toMatchObject({
      ok: false,
      fieldErrors: { nextWeekPlan: "此议程内容为空，不能确认" },
    });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: ready } })).toMatchObject({ state: "SCHEDULED", confirmedAt: null });
  });

  it("only the convener confirms; afterwards minutes, attendance and action items refuse every edit, forged or not", async () => {
    const id = await readyMeeting(addDays(today(), -42));
    await signInAs(world.users.CLERK);
    const item = await addActionItemAction({
      requestId: rid(),
      meetingId: id,
      description: "整理会议档案",
      ownerParticipantId: dept.clerk,
      dueOn: addDays(today(), 1),
    });
    const itemId = (item as { data: { id: string } }).data.id;
    await signInAs(world.users.SUPERVISOR);
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.MANAGER);
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({ ok: true, message: "会议纪要已确认，此后不可更改" });
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({ ok: false, code: "conflict" });

    const snapshot = await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendance: true, actionItems: true } });
    const auditBefore = await audits();
    const locked = "会议纪要已确认，内容不可再更改；如需更正，请添加更正记录";
    // The convener (who may also record) and the minute-taker both meet the lock.
    for (const who of [world.users.CLERK, world.users.MANAGER]) {
      await signInAs(who);
      expect(await saveMinutesAction({ meetingId: id, lastWeekReview: "改写", nextWeekPlan: "改写", assignments: "改写" })).toMatchObject({
        ok: false,
        message: locked,
      });
      expect(
        await recordAttendanceAction({ meetingId: id, entries: [{ participantId: dept.manager, status: "ABSENT", note: "" }] }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { entries: locked },
      });
      expect(
        await addActionItemAction({
          requestId: rid(),
          meetingId: id,
          description: "新增",
          ownerParticipantId: dept.clerk,
          dueOn: addDays(today(), 2),
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { description: locked },
      });
      expect(
        await updateActionItemAction({
          actionItemId: itemId,
          description: "改写",
          ownerParticipantId: dept.manager,
          dueOn: addDays(today(), 9),
        }),
      ).toMatchObject({ ok: false, fieldErrors: { description: locked } });
    }
    // Even a forged direct write past the data layer is refused by the database.
    await expect(db.meeting.update({ where: { id }, data: { assignments: "伪造" } })).rejects.toThrow();
    await expect(db.meetingAttendance.updateMany({ where: { meetingId: id }, data: { status: "ABSENT" } })).rejects.toThrow();
    await expect(db.meeting.delete({ where: { id } })).rejects.toThrow();

    expect(await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendance: true, actionItems: true } })).toEqual(snapshot);
    expect(await audits()).toBe(auditBefore);
  });

  it("a correction is an amendment linked to the confirmed original, which stays as it was", async () => {
    const id = await readyMeeting(addDays(today(), -43));
    await signInAs(world.users.CLERK);
    expect(
      await amendMeetingAction({ requestId: rid(), meetingId: id, section: "assignments", text: "补充：周五前完成", reason: "记录遗漏" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { section: "纪要确认后才需要更正；确认前请直接修改" },
    });
    await signInAs(world.users.MANAGER);
    await confirmMeetingAction({ meetingId: id });
    await signInAs(world.users.CLERK);
    expect(
      await amendMeetingAction({ requestId: rid(), meetingId: id, section: "assignments", text: "补充：周五前完成", reason: "记录遗漏" }),
    ).toMatchObject({ ok: true });
    const detail = (await getMeetingDetail(id))!;
    expect(detail.agenda.assignments).toBe("主管每日巡查两次");
    expect(detail.amendments).toMatchObject([
      { section: "assignments", text: "补充：周五前完成", reason: "记录遗漏", createdBy: "测试CLERK" },
    ]);
  });
});

describe("visibility (R-MTG-4: attendees and managers only)", () => {
  it("a non-attendee gets not-found and does not see the meeting in the list", async () => {
    const id = await schedule(addDays(today(), -44), "15:00", cleaning.id, world.users.SUPERVISOR);
    await signInAs(world.users.CLERK);
    expect(await getMeetingDetail(id)).toBeNull();
    expect(await saveMinutesAction({ meetingId: id, lastWeekReview: "x", nextWeekPlan: "", assignments: "" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await requestLeaveAction({ requestId: rid(), meetingId: id, participantId: cleaning.external, reason: "x" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const list = await listMeetings({}, { page: 1, skip: 0, take: 100 });
    expect(list.rows.map((r) => r.id)).not.toContain(id);

    await signInAs(world.users.MANAGER);
    expect(await getMeetingDetail(id)).not.toBeNull();
    expect((await listMeetings({ series: cleaning.id }, { page: 1, skip: 0, take: 100 })).rows.map((r) => r.id)).toContain(id);
    // The site filter (a manager of many sites chooses one): that site's meetings only.
    expect((await listMeetings({ site: world.siteA }, { page: 1, skip: 0, take: 100 })).rows.map((r) => r.id)).toContain(id);
    expect((await listMeetings({ site: world.siteB }, { page: 1, skip: 0, take: 100 })).rows.map((r) => r.id)).not.toContain(id);
  });
  it("an attendee who neither convenes nor takes the minutes sees the meetings they attend, and no other", async () => {
    const attended = await schedule(addDays(today(), -51), "10:00");
    const other = await schedule(addDays(today(), -51), "15:00", cleaning.id, world.users.SUPERVISOR);
    await signInAs(coordinatorId);
    const ids = (await listMeetings({}, { page: 1, skip: 0, take: 100 })).rows.map((r) => r.id);
    expect(ids).toContain(attended);
    expect(ids).not.toContain(other);
    expect(await getMeetingDetail(attended)).not.toBeNull();
  });
});

describe("double taps and replays (action items, amendments, confirmation)", () => {
  it("the same request adds an action item and an amendment once", async () => {
    const id = await readyMeeting(addDays(today(), -44));
    await signInAs(world.users.CLERK);
    const item = {
      requestId: rid(),
      meetingId: id,
      description: "复核消防通道",
      ownerParticipantId: dept.clerk,
      dueOn: addDays(today(), 5),
    };
    const first = await addActionItemAction(item);
    const again = await addActionItemAction(item);
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true, data: (first as { data: unknown }).data });
    expect(await db.meetingActionItem.count({ where: { meetingId: id } })).toBe(1);

    await signInAs(world.users.MANAGER);
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({ ok: true });
    const amendment = { requestId: rid(), meetingId: id, section: "assignments", text: "补充：消防通道每周复核", reason: "记录遗漏" };
    const a1 = await amendMeetingAction(amendment);
    const a2 = await amendMeetingAction(amendment);
    expect(a1).toMatchObject({ ok: true });
    expect(a2).toMatchObject({ ok: true, data: (a1 as { data: unknown }).data });
    expect(await db.meetingAmendment.count({ where: { meetingId: id } })).toBe(1);
    // Another user replaying someone else's key gets a conflict, not their record.
    await signInAs(world.users.CLERK);
    expect(await amendMeetingAction(amendment)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("minutes of a meeting that has not begun cannot be confirmed", async () => {
    const id = await readyMeeting(addDays(today(), 5));
    await signInAs(world.users.MANAGER);
    expect(await confirmMeetingAction({ meetingId: id })).toMatchObject({ ok: false, message: "会议尚未开始，不能确认纪要" });
    expect(await db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SCHEDULED", confirmedAt: null });
  });
});
