import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { MeetingState } from "@/lib/generated/prisma/enums";
import * as meetingActions from "@/lib/meetings/actions";
import type { ActionName } from "@/lib/permissions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";
import { newRequestId } from "@/lib/request-id";

/**
 * Meetings: every call acts on fresh records of the site's department series, in which the
 * acting user is convener, minute-taker and an attendee, so the record-level rules (lib/meetings) let
 * each role the table allows through. Site "b" records are out of the user's sites → not_found.
 */
interface Fixture {
  seriesId: string;
  self: string;
  external: string;
  meetingId: string;
  itemId: string;
  leaveId: string;
}
const fx: Record<MatrixSite, Fixture> = {
  a: { seriesId: "", self: "", external: "", meetingId: "", itemId: "", leaveId: "" },
  b: { seriesId: "", self: "", external: "", meetingId: "", itemId: "", leaveId: "" },
};
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const today = () => localDateInZone(new Date(), "Asia/Shanghai");
const day = (d: string) => new Date(`${d}T00:00:00Z`);

const MEETING_STATE: Partial<Record<ActionName, MeetingState>> = {
  recordAttendanceAction: "SCHEDULED",
  saveMinutesAction: "SCHEDULED",
  addActionItemAction: "SCHEDULED",
  updateActionItemAction: "SCHEDULED",
  confirmMeetingAction: "SCHEDULED",
  amendMeetingAction: "CONFIRMED",
  requestLeaveAction: "SCHEDULED",
  decideLeaveAction: "SCHEDULED",
  closeActionItemAction: "SCHEDULED",
};

async function prepare(name: ActionName, site: MatrixSite, actorId: string | null, world: World) {
  if (!(name in meetingActions)) return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  const me = actorId ?? world.users.MANAGER;
  const series = await db.meetingSeries.upsert({
    where: { siteId_kind: { siteId, kind: "DEPARTMENT" } },
    create: {
      siteId,
      kind: "DEPARTMENT",
      name: "部门例会",
      convenerId: me,
      minuteTakerId: me,
      place: "会议室",
      startsOn: day("2026-01-05"),
    },
    update: { convenerId: me, minuteTakerId: me, active: true },
    select: { id: true },
  });
  const self = await db.meetingParticipant.upsert({
    where: { seriesId_userId: { seriesId: series.id, userId: me } },
    create: { seriesId: series.id, userId: me, name: "本人" },
    update: { active: true, superiorId: null },
    select: { id: true },
  });
  const external =
    (await db.meetingParticipant.findFirst({ where: { seriesId: series.id, name: "矩阵外部人员" }, select: { id: true } })) ??
    (await db.meetingParticipant.create({
      data: { seriesId: series.id, name: "矩阵外部人员", organization: "洁美保洁服务有限公司" },
      select: { id: true },
    }));
  fx[site] = { ...fx[site], seriesId: series.id, self: self.id, external: external.id };
  // R-MTG-1 allows only the next days: free them of the series' earlier matrix meetings (meetings are
  // never deleted, so those move far back).
  if (name === "scheduleMeetingAction")
    for (const m of await db.meeting.findMany({ where: { seriesId: series.id, date: { gt: day(today()) } }, select: { id: true } }))
      await db.meeting.update({ where: { id: m.id }, data: { date: day(addDays(today(), -(1000 + n++))) } });

  const state = MEETING_STATE[name];
  if (!state) return;
  const date = addDays(today(), -(400 + n++));
  const confirmed = state === "CONFIRMED" || name === "confirmMeetingAction";
  const meeting = await db.meeting.create({
    data: {
      requestId: newRequestId(),
      seriesId: series.id,
      siteId,
      date: day(date),
      // Leave is asked before the meeting starts: that one starts tomorrow.
      startsAt: name === "requestLeaveAction" ? new Date(Date.now() + 86400_000) : new Date(`${date}T01:00:00Z`),
      place: "会议室",
      createdById: me,
      lastWeekReview: confirmed ? "上周工作" : null,
      nextWeekPlan: confirmed ? "下周计划" : null,
      assignments: confirmed ? "经理布置" : null,
      attendance: {
        create: [
          { participantId: self.id, status: confirmed ? "PRESENT" : null },
          { participantId: external.id, status: confirmed ? "ABSENT" : null },
        ],
      },
    },
    select: { id: true },
  });
  fx[site].meetingId = meeting.id;
  if (name === "updateActionItemAction" || name === "closeActionItemAction")
    fx[site].itemId = (
      await db.meetingActionItem.create({
        data: {
          requestId: newRequestId(),
          seriesId: series.id,
          meetingId: meeting.id,
          description: "检查大堂灯具",
          ownerParticipantId: self.id,
          dueOn: day(date),
          createdById: me,
        },
        select: { id: true },
      })
    ).id;
  if (name === "decideLeaveAction")
    fx[site].leaveId = (
      await db.leaveRequest.create({
        data: {
          requestId: newRequestId(),
          meetingId: meeting.id,
          participantId: external.id,
          reason: "外出培训",
          requestedById: me,
        },
        select: { id: true },
      })
    ).id;
  if (state === "CONFIRMED")
    await db.meeting.update({ where: { id: meeting.id }, data: { state: "CONFIRMED", confirmedAt: new Date(), confirmedById: me } });
}

export const meetingsMatrix: MatrixModule = {
  actions: [meetingActions],
  prepare,
  inputs: {
    scheduleMeetingAction: (_w, s) => ({
      requestId: newRequestId(),
      seriesId: fx[s].seriesId,
      date: addDays(today(), 1 + (n++ % 7)),
      time: "09:00",
      place: "客务部会议室",
    }),
    recordAttendanceAction: (_w, s) => ({
      meetingId: fx[s].meetingId,
      entries: [{ participantId: fx[s].self, status: "PRESENT", note: "" }],
    }),
    saveMinutesAction: (_w, s) => ({
      meetingId: fx[s].meetingId,
      lastWeekReview: "大堂保洁问题已整改",
      nextWeekPlan: "消防检查",
      assignments: "",
    }),
    addActionItemAction: (_w, s) => ({
      requestId: newRequestId(),
      meetingId: fx[s].meetingId,
      description: "更换三楼灯管",
      ownerParticipantId: fx[s].self,
      dueOn: addDays(today(), 7),
    }),
    updateActionItemAction: (_w, s) => ({
      actionItemId: fx[s].itemId,
      description: "更换三楼全部灯管",
      ownerParticipantId: fx[s].external,
      dueOn: addDays(today(), 3),
    }),
    confirmMeetingAction: (_w, s) => ({ meetingId: fx[s].meetingId }),
    amendMeetingAction: (_w, s) => ({
      requestId: newRequestId(),
      meetingId: fx[s].meetingId,
      section: "assignments",
      text: "补充：周五前完成",
      reason: "记录遗漏",
    }),
    requestLeaveAction: (_w, s) => ({
      requestId: newRequestId(),
      meetingId: fx[s].meetingId,
      participantId: fx[s].self,
      reason: "外出培训",
    }),
    decideLeaveAction: (_w, s) => ({ leaveRequestId: fx[s].leaveId, decision: "APPROVED", decisionNote: "" }),
    closeActionItemAction: (_w, s) => ({ actionItemId: fx[s].itemId, meetingId: "", closingNote: "已完成" }),
    updateSeriesAction: (w, s) => ({
      seriesId: fx[s].seriesId,
      convenerId: w.users.MANAGER,
      minuteTakerId: w.users.CLERK,
      weekday: 1,
      startTime: "09:00",
      place: "客务部会议室",
      active: true,
    }),
    addParticipantAction: (_w, s) => ({
      requestId: newRequestId(),
      seriesId: fx[s].seriesId,
      name: `外部${uniq()}`,
      organization: "味佳餐饮",
      position: "领班",
    }),
    setParticipantActiveAction: (_w, s) => ({ participantId: fx[s].external, active: true }),
  },
};
