import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { meetingContext } from "./access";
import { mayDecideLeave } from "./rules";

/**
 * One meeting as its page and its print (《会议记录》) show it: attendance, the fixed agenda, action items
 * raised in it and those carried over from earlier meetings (R-MTG-5), leave, confirmation and the
 * amendments after it (R-MTG-4). Null when the user may not see it (→ notFound()).
 */
export async function getMeetingDetail(meetingId: string) {
  const actor = await requirePermission("meeting:read");
  const ctx = await meetingContext(actor, meetingId);
  if (!ctx) return null;
  const item = {
    id: true,
    description: true,
    dueOn: true,
    closedAt: true,
    closedById: true,
    closedInMeetingId: true,
    closingNote: true,
    ownerParticipantId: true,
    meeting: { select: { date: true } },
  } satisfies Prisma.MeetingActionItemSelect;
  const [m, carried] = await Promise.all([
    db.meeting.findUniqueOrThrow({
      where: { id: ctx.id },
      select: {
        id: true,
        date: true,
        startsAt: true,
        place: true,
        state: true,
        version: true,
        lastWeekReview: true,
        nextWeekPlan: true,
        assignments: true,
        confirmedAt: true,
        confirmedById: true,
        site: { select: { name: true } },
        series: {
          select: {
            id: true,
            name: true,
            convenerId: true,
            minuteTakerId: true,
            participants: { where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } },
          },
        },
        attendance: {
          orderBy: { participant: { name: "asc" } },
          select: {
            status: true,
            note: true,
            participant: { select: { id: true, name: true, organization: true, position: true, userId: true, superiorId: true } },
          },
        },
        leaveRequests: {
          orderBy: { requestedAt: "asc" },
          select: {
            id: true,
            reason: true,
            state: true,
            requestedAt: true,
            decidedAt: true,
            decidedById: true,
            decisionNote: true,
            participant: { select: { name: true, userId: true, superiorId: true } },
          },
        },
        actionItems: { orderBy: { createdAt: "asc" }, select: item },
        amendments: {
          orderBy: { createdAt: "asc" },
          select: { id: true, section: true, text: true, reason: true, createdAt: true, createdById: true },
        },
      },
    }),
    // R-MTG-5: raised in an earlier meeting of the series and still open when this one began (or closed in it).
    db.meetingActionItem.findMany({
      where: {
        seriesId: ctx.seriesId,
        meeting: { date: { lt: ctx.date } },
        OR: [{ closedAt: null }, { closedInMeetingId: ctx.id }, { closedAt: { gte: ctx.startsAt } }],
      },
      orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
      select: item,
    }),
  ]);
  const userIds = [
    m.series.convenerId,
    m.series.minuteTakerId,
    m.confirmedById,
    ...m.amendments.map((a) => a.createdById),
    ...m.leaveRequests.map((l) => l.decidedById),
    ...[...m.actionItems, ...carried].map((i) => i.closedById),
  ].filter((v): v is string => !!v);
  const ownerIds = [...new Set([...m.actionItems, ...carried].map((i) => i.ownerParticipantId))];
  const [userRows, ownerRows] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } }),
    db.meetingParticipant.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } }),
  ]);
  const users = new Map(userRows.map((u) => [u.id, u.name]));
  const owners = new Map(ownerRows.map((p) => [p.id, p.name]));
  const nameOf = (id: string | null) => (id ? (users.get(id) ?? "—") : null);
  const at = (d: Date | null) => (d ? formatInZone(d, ctx.timeZone) : null);
  const scheduled = m.state === "SCHEDULED";
  const mayMinute = scheduled && (ctx.isMinuteTaker || ctx.isConvener);
  const toItem = (i: (typeof carried)[number]) => ({
    id: i.id,
    description: i.description,
    ownerParticipantId: i.ownerParticipantId,
    ownerName: owners.get(i.ownerParticipantId) ?? "—",
    dueOn: localDateOfColumn(i.dueOn),
    raisedOn: localDateOfColumn(i.meeting.date),
    closedAt: at(i.closedAt),
    closedBy: nameOf(i.closedById),
    closedHere: i.closedInMeetingId === ctx.id,
    closingNote: i.closingNote,
  });
  return {
    id: m.id,
    siteName: m.site.name,
    seriesName: m.series.name,
    date: localDateOfColumn(m.date),
    time: formatInZone(m.startsAt, ctx.timeZone).slice(11),
    place: m.place,
    state: m.state,
    started: Date.now() >= m.startsAt.getTime(),
    version: m.version,
    agenda: { lastWeekReview: m.lastWeekReview, nextWeekPlan: m.nextWeekPlan, assignments: m.assignments },
    convenerName: nameOf(m.series.convenerId),
    minuteTakerName: nameOf(m.series.minuteTakerId),
    confirmedAt: at(m.confirmedAt),
    confirmedBy: nameOf(m.confirmedById),
    attendance: m.attendance.map((a) => ({
      participantId: a.participant.id,
      name: a.participant.name,
      organization: a.participant.organization,
      position: a.participant.position,
      status: a.status,
      note: a.note,
    })),
    leaveRequests: m.leaveRequests.map((l) => ({
      id: l.id,
      name: l.participant.name,
      reason: l.reason,
      state: l.state,
      requestedAt: at(l.requestedAt),
      decidedAt: at(l.decidedAt),
      decidedBy: nameOf(l.decidedById),
      decisionNote: l.decisionNote,
      canDecide:
        scheduled &&
        l.state === "PENDING" &&
        mayDecideLeave({ actorId: actor.id, isSiteManager: ctx.isManager, participant: l.participant, convenerId: ctx.convenerId }),
    })),
    actionItems: m.actionItems.map(toItem),
    carriedOver: carried.map(toItem),
    amendments: m.amendments.map((a) => ({ ...a, createdAt: at(a.createdAt), createdBy: nameOf(a.createdById) })),
    owners: m.series.participants,
    /** Who may ask leave here: oneself, or anyone expected when minute-taker / convener (before the start). */
    leaveFor: scheduled
      ? m.attendance
          .filter((a) => ctx.isMinuteTaker || ctx.isConvener || a.participant.userId === actor.id)
          .map((a) => ({ id: a.participant.id, name: a.participant.name }))
      : [],
    can: {
      minutes: mayMinute,
      confirm: scheduled && ctx.isConvener,
      amend: !scheduled && (ctx.isConvener || ctx.isMinuteTaker || ctx.isManager),
      // Any viewer of the meeting is an attendee of the series, its convener/minute-taker or a manager.
      closeItems: true,
    },
  };
}

export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeetingDetail>>>;
