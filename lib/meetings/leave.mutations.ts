import "server-only";
import { localDateOfColumn } from "@/lib/calendar";
import { DomainError, defineMutation } from "@/lib/action";
import { AccessError } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { assertNotConfirmed, lockScheduled, requireMeeting } from "./access";
import { notifyLeave } from "./notify";
import { leaveApproverOf, mayDecideLeave, mayRequestLeave } from "./rules";
import { DecideLeaveSchema, RequestLeaveSchema } from "./schema";

/**
 * R-MTG-3 leave (事先征得上级的同意): asked before the meeting, decided by the person's superior (the
 * convener when none is named) or a manager of the site. Only an approval before the start excuses.
 */

export const requestLeave = defineMutation({
  name: "requestLeaveAction",
  schema: RequestLeaveSchema,
  successKey: "meetings.leaveRequested",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    return createOnce(actor, {
      find: async () => {
        const leave = await db.leaveRequest.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, requestedById: true },
        });
        return leave && { madeById: leave.requestedById, result: { id: leave.id } };
      },
      create: async () => {
        assertNotConfirmed(ctx, "participantId");
        const expected = await db.meetingAttendance.findFirst({
          where: { meetingId: ctx.id, participantId: input.participantId },
          select: {
            participant: { select: { userId: true, name: true, superiorId: true } },
            meeting: { select: { series: { select: { name: true } } } },
          },
        });
        if (!expected) throw new DomainError("invalid", "meetings.errors.notExpected", "participantId");
        const may = mayRequestLeave({
          actorId: actor.id,
          participantUserId: expected.participant.userId,
          convenerId: ctx.convenerId,
          minuteTakerId: ctx.minuteTakerId,
        });
        if (!may) throw new DomainError("forbidden", "meetings.errors.leaveNotYours", "participantId");
        if (Date.now() >= ctx.startsAt.getTime()) throw new DomainError("invalid", "meetings.errors.leaveTooLate", "reason");
        const open = await db.leaveRequest.count({
          where: { meetingId: ctx.id, participantId: input.participantId, state: { in: ["PENDING", "APPROVED"] } },
        });
        if (open > 0) throw new DomainError("conflict", "meetings.errors.leaveExists", "participantId");
        return db.$transaction(async (tx) => {
          await lockScheduled(tx, ctx.id, "participantId");
          const leave = await tx.leaveRequest.create({
            data: {
              requestId: input.requestId,
              meetingId: ctx.id,
              participantId: input.participantId,
              reason: input.reason,
              requestedById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: ctx.siteId,
            entity: "LeaveRequest",
            entityId: leave.id,
            action: "CREATE",
            after: { meetingId: ctx.id, participantId: input.participantId, reason: input.reason, state: "PENDING" },
          });
          // The superior (or convener) hears of it at once; when that is the person asking leave, the site's managers.
          const approver = leaveApproverOf(expected.participant, ctx.convenerId);
          const recipients =
            approver === expected.participant.userId
              ? (
                  await tx.userSite.findMany({
                    where: { siteId: ctx.siteId, user: { role: "MANAGER", disabled: false } },
                    select: { userId: true },
                  })
                ).map((m) => m.userId)
              : [approver];
          await notifyLeave(
            tx,
            "requested",
            {
              leaveId: leave.id,
              meetingId: ctx.id,
              siteId: ctx.siteId,
              seriesName: expected.meeting.series.name,
              date: localDateOfColumn(ctx.date),
              personName: expected.participant.name,
              text: input.reason,
            },
            recipients.filter((id) => id !== actor.id),
          );
          return leave;
        });
      },
    });
  },
});

export const decideLeave = defineMutation({
  name: "decideLeaveAction",
  schema: DecideLeaveSchema,
  successKey: "meetings.leaveDecided",
  async run(actor, input) {
    const leave = await db.leaveRequest.findUnique({
      where: { id: input.leaveRequestId },
      select: {
        id: true,
        meetingId: true,
        state: true,
        requestedById: true,
        participant: { select: { userId: true, superiorId: true, name: true } },
        meeting: { select: { series: { select: { name: true } } } },
      },
    });
    if (!leave) throw new AccessError("not_found");
    const ctx = await requireMeeting(actor, leave.meetingId);
    if (!mayDecideLeave({ actorId: actor.id, isSiteManager: ctx.isManager, participant: leave.participant, convenerId: ctx.convenerId }))
      throw new DomainError("forbidden", "meetings.errors.notApprover", "decision");
    assertNotConfirmed(ctx, "decision");
    if (leave.state !== "PENDING") throw new DomainError("conflict", "meetings.errors.leaveDecided", "decision");
    const decidedAt = new Date();
    await db.$transaction(async (tx) => {
      await lockScheduled(tx, ctx.id, "decision");
      // R-MTG-3: who may decide, checked again inside the guarded update (the participant's superior or the
      // series' convener may change meanwhile): never one's own leave; the approver, or a site manager.
      const { count } = await tx.leaveRequest.updateMany({
        where: {
          id: leave.id,
          state: "PENDING",
          participant: {
            AND: [
              { OR: [{ userId: null }, { userId: { not: actor.id } }] },
              ctx.isManager ? {} : { OR: [{ superiorId: actor.id }, { superiorId: null, series: { convenerId: actor.id } }] },
            ],
          },
        },
        data: { state: input.decision, decidedAt, decidedById: actor.id, decisionNote: input.decisionNote ?? null },
      });
      if (count === 0) {
        const now = await tx.leaveRequest.findUnique({ where: { id: leave.id }, select: { state: true } });
        if (now?.state === "PENDING") throw new DomainError("forbidden", "meetings.errors.notApprover", "decision");
        throw new DomainError("conflict", "meetings.errors.leaveDecided", "decision");
      }
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: ctx.siteId,
        entity: "LeaveRequest",
        entityId: leave.id,
        action: "UPDATE",
        before: { state: "PENDING" },
        after: { state: input.decision, decidedAt, decisionNote: input.decisionNote ?? null },
      });
      // Whoever asked, and the person themselves when they have an account, learn the decision.
      await notifyLeave(
        tx,
        input.decision,
        {
          leaveId: leave.id,
          meetingId: ctx.id,
          siteId: ctx.siteId,
          seriesName: leave.meeting.series.name,
          date: localDateOfColumn(ctx.date),
          personName: leave.participant.name,
          text: input.decisionNote ?? null,
        },
        [leave.requestedById, leave.participant.userId].filter((id): id is string => id !== null && id !== actor.id),
      );
    });
    return { id: leave.id };
  },
});
