import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import { AccessError } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, instantFromLocalDateTime, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { claimVersion } from "@/lib/versioning";
import { assertMinuteTaker, assertNotConfirmed, isSiteManager, lockScheduled, requireMeeting } from "./access";
import { confirmProblems, leaveExcuses, MAX_DAYS_AHEAD, pastStartField, tooFarAhead, type AttendanceStatusValue } from "./rules";
import { ConfirmMeetingSchema, RecordAttendanceSchema, SaveMinutesSchema, ScheduleMeetingSchema } from "./schema";

/**
 * Scheduling, attendance, the agenda and confirmation of one meeting (§3.4). Every write checks the
 * record-level role (convener, minute-taker, site manager) and, until confirmed, holds the meeting row.
 */

export const scheduleMeeting = defineMutation({
  name: "scheduleMeetingAction",
  schema: ScheduleMeetingSchema,
  successKey: "meetings.scheduled",
  async run(actor, input) {
    const series = await db.meetingSeries.findUnique({
      where: { id: input.seriesId },
      select: { id: true, siteId: true, active: true, convenerId: true, minuteTakerId: true, site: { select: { timeZone: true } } },
    });
    if (!series || !actor.siteIds.includes(series.siteId)) throw new AccessError("not_found");
    if (actor.id !== series.convenerId && actor.id !== series.minuteTakerId && !isSiteManager(actor, series.siteId))
      throw new DomainError("forbidden", "meetings.errors.notOrganizer");
    return createOnce(actor, {
      find: async () => {
        const meeting = await db.meeting.findUnique({ where: { requestId: input.requestId }, select: { id: true, createdById: true } });
        return meeting && { madeById: meeting.createdById, result: { id: meeting.id } };
      },
      create: async () => {
        if (!series.active) throw new DomainError("invalid", "meetings.errors.seriesInactive", "seriesId");
        const now = new Date();
        const today = localDateInZone(now, series.site.timeZone);
        if (tooFarAhead(input.date, today))
          throw new DomainError("invalid", "meetings.errors.tooFarAhead", "date", { max: MAX_DAYS_AHEAD });
        const startsAt = instantFromLocalDateTime(`${input.date}T${input.time}`, series.site.timeZone);
        // R-MTG-1: meetings are scheduled ahead; a meeting already past is not scheduled after the fact.
        const past = pastStartField(input.date, today, startsAt, now);
        if (past) throw new DomainError("invalid", "meetings.errors.inPast", past);

        return db.$transaction(async (tx) => {
          // One meeting per series per local date: serialize schedulers of this series, then check.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`meeting-series:${series.id}`}))`;
          const sameDay = await tx.meeting.findFirst({
            where: { seriesId: series.id, date: dateColumn(input.date) },
            select: { id: true },
          });
          if (sameDay) throw new DomainError("conflict", "meetings.errors.alreadyScheduled", "date");
          const participants = await tx.meetingParticipant.findMany({ where: { seriesId: series.id, active: true }, select: { id: true } });
          const meeting = await tx.meeting.create({
            data: {
              requestId: input.requestId,
              seriesId: series.id,
              siteId: series.siteId,
              date: dateColumn(input.date),
              startsAt,
              place: input.place,
              createdById: actor.id,
              // Expected people are fixed when the meeting is scheduled; status stays empty until recorded.
              attendance: { create: participants.map((p) => ({ participantId: p.id })) },
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: series.siteId,
            entity: "Meeting",
            entityId: meeting.id,
            action: "CREATE",
            after: { seriesId: series.id, date: input.date, startsAt, place: input.place, expected: participants.length },
          });
          return meeting;
        });
      },
    });
  },
});

export const recordAttendance = defineMutation({
  name: "recordAttendanceAction",
  schema: RecordAttendanceSchema,
  successKey: "meetings.attendanceSaved",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    assertMinuteTaker(ctx);
    assertNotConfirmed(ctx, "entries");
    // Read and compare inside the transaction, after the meeting's lock: of two identical submissions the
    // second finds the first's marks and changes nothing (no second audit row), and both answer the same.
    await db.$transaction(async (tx) => {
      await lockScheduled(tx, ctx.id, "entries");
      const [rows, approvedLeaves] = await Promise.all([
        tx.meetingAttendance.findMany({
          where: { meetingId: ctx.id },
          select: { id: true, participantId: true, status: true, note: true, participant: { select: { name: true } } },
        }),
        tx.leaveRequest.findMany({
          where: { meetingId: ctx.id, state: "APPROVED" },
          select: { participantId: true, state: true, decidedAt: true },
        }),
      ]);
      const byParticipant = new Map(rows.map((r) => [r.participantId, r]));
      const changes: { id: string; name: string; before: string | null; status: AttendanceStatusValue | null; note: string | null }[] = [];
      input.entries.forEach((entry, i) => {
        const row = byParticipant.get(entry.participantId);
        // Only the people expected when the meeting was scheduled have a line in its attendance.
        if (!row) throw new DomainError("invalid", "meetings.errors.notExpected", `entries.${i}.participantId`);
        const status = entry.status === "" ? null : entry.status;
        // R-MTG-3: excused only with a leave approved by the superior before the meeting began.
        if (status === "EXCUSED" && !approvedLeaves.some((l) => l.participantId === row.participantId && leaveExcuses(l, ctx.startsAt)))
          throw new DomainError("invalid", "meetings.errors.excusedWithoutLeave", `entries.${i}.status`, { name: row.participant.name });
        const note = entry.note ?? null;
        if (status !== row.status || note !== row.note)
          changes.push({ id: row.id, name: row.participant.name, before: row.status, status, note });
      });
      if (changes.length === 0) return;
      const recordedAt = new Date();
      for (const c of changes)
        await tx.meetingAttendance.update({
          where: { id: c.id },
          data: { status: c.status, note: c.note, recordedById: c.status ? actor.id : null, recordedAt: c.status ? recordedAt : null },
        });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: ctx.siteId,
        entity: "Meeting",
        entityId: ctx.id,
        action: "UPDATE",
        before: { attendance: Object.fromEntries(changes.map((c) => [c.name, c.before])) },
        after: { attendance: Object.fromEntries(changes.map((c) => [c.name, c.status])) },
      });
    });
    return { id: ctx.id };
  },
});

export const saveMinutes = defineMutation({
  name: "saveMinutesAction",
  schema: SaveMinutesSchema,
  successKey: "meetings.minutesSaved",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    assertMinuteTaker(ctx);
    assertNotConfirmed(ctx, "lastWeekReview");
    // R-MTG-2: empty minutes are refused by SaveMinutesSchema (the form's and this action's schema).
    const before = await db.meeting.findUniqueOrThrow({
      where: { id: ctx.id },
      select: { lastWeekReview: true, nextWeekPlan: true, assignments: true },
    });
    const after = {
      lastWeekReview: input.lastWeekReview ?? null,
      nextWeekPlan: input.nextWeekPlan ?? null,
      assignments: input.assignments ?? null,
    };
    return db.$transaction(async (tx) => {
      // Minutes written on an older version (a colleague saved meanwhile) are refused as stale, never overwrite.
      const version = await claimVersion(tx, {
        model: "meeting",
        entity: "Meeting",
        id: ctx.id,
        version: input.version,
        labels: "meetings.agenda",
      });
      // State-guarded: confirmed minutes are never rewritten, whatever the request says (R-MTG-4).
      const { count } = await tx.meeting.updateMany({ where: { id: ctx.id, state: "SCHEDULED" }, data: after });
      if (count === 0) throw new DomainError("conflict", "meetings.errors.locked", "lastWeekReview");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: ctx.siteId,
        entity: "Meeting",
        entityId: ctx.id,
        action: "UPDATE",
        before: { ...before, version: input.version },
        after: { ...after, version },
      });
      return { id: ctx.id, version };
    });
  },
});

export const confirmMeeting = defineMutation({
  name: "confirmMeetingAction",
  schema: ConfirmMeetingSchema,
  successKey: "meetings.confirmed",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    // The convener confirms the minutes, nobody else (not even a manager who did not convene).
    if (!ctx.isConvener) throw new DomainError("forbidden", "meetings.errors.notConvener");
    assertNotConfirmed(ctx);
    const confirmedAt = new Date();
    // Minutes record a meeting that took place: nothing to confirm before it has begun.
    if (confirmedAt < ctx.startsAt) throw new DomainError("invalid", "meetings.errors.notStartedYet");
    await db.$transaction(async (tx) => {
      // The convener check sits in the guarded update too: a convener replaced meanwhile confirms nothing.
      const { count } = await tx.meeting.updateMany({
        where: { id: ctx.id, state: "SCHEDULED", series: { convenerId: actor.id } },
        data: { state: "CONFIRMED", confirmedAt, confirmedById: actor.id },
      });
      if (count === 0) {
        const now = await tx.meeting.findUnique({ where: { id: ctx.id }, select: { state: true } });
        if (now?.state === "SCHEDULED") throw new DomainError("forbidden", "meetings.errors.notConvener");
        throw new DomainError("conflict", "meetings.errors.locked");
      }
      // Checked after taking the row, so no attendance or agenda edit slips in between; a refusal rolls back.
      const meeting = await tx.meeting.findUniqueOrThrow({
        where: { id: ctx.id },
        select: { lastWeekReview: true, nextWeekPlan: true, assignments: true, attendance: { select: { status: true } } },
      });
      const problem = confirmProblems(meeting)[0];
      if (problem) throw new DomainError("invalid", problem.key, problem.field);
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: ctx.siteId,
        entity: "Meeting",
        entityId: ctx.id,
        action: "UPDATE",
        before: { state: "SCHEDULED" },
        after: { state: "CONFIRMED", confirmedAt },
      });
    });
    return { id: ctx.id };
  },
});
