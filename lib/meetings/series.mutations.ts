import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { claimVersion } from "@/lib/versioning";
import { isSiteManager } from "./access";
import { AddParticipantSchema, SetParticipantActiveSchema, UpdateSeriesSchema } from "./schema";

/**
 * Series management (meeting:series:manage, managers of the site): who convenes, who takes the minutes,
 * the usual slot and the expected attendees (R-MTG-1). Changes apply to meetings scheduled afterwards;
 * a scheduled meeting keeps the attendance list it was given.
 */

/** Roles that can hold a seat in a meeting series (the department's staff). */
const MEETING_ROLES = ["MANAGER", "SUPERVISOR", "CLERK"] as const;

async function seriesFor(actor: Actor, seriesId: string) {
  const series = await db.meetingSeries.findUnique({
    where: { id: seriesId },
    select: { id: true, siteId: true, convenerId: true, minuteTakerId: true, weekday: true, startTime: true, place: true, active: true },
  });
  if (!series || !actor.siteIds.includes(series.siteId) || !isSiteManager(actor, series.siteId)) throw new AccessError("not_found");
  return series;
}

/** An active staff account of the site, or a refusal next to `field`. */
async function staffOfSite(siteId: string, userId: string, field: string) {
  const user = await db.user.findFirst({
    where: { id: userId, disabled: false, role: { in: [...MEETING_ROLES] }, sites: { some: { siteId } } },
    select: { id: true, name: true },
  });
  if (!user) throw new DomainError("invalid", "meetings.errors.userNotOnSite", field);
  return user;
}

export const updateSeries = defineMutation({
  name: "updateSeriesAction",
  schema: UpdateSeriesSchema,
  successKey: "meetings.seriesSaved",
  async run(actor, input) {
    const before = await seriesFor(actor, input.seriesId);
    const [convener, minuteTaker] = await Promise.all([
      staffOfSite(before.siteId, input.convenerId, "convenerId"),
      staffOfSite(before.siteId, input.minuteTakerId, "minuteTakerId"),
    ]);
    const { siteId, id, ...beforeFields } = before;
    const after = {
      convenerId: convener.id,
      minuteTakerId: minuteTaker.id,
      weekday: input.weekday,
      startTime: input.startTime,
      place: input.place,
      active: input.active,
    };
    return db.$transaction(async (tx) => {
      // An edit made on an older version of the series (settings or attendees changed meanwhile) is refused as stale.
      const version = await claimVersion(tx, {
        model: "meetingSeries",
        entity: "MeetingSeries",
        id,
        version: input.version,
        labels: "meetings.seriesFields",
      });
      await tx.meetingSeries.update({ where: { id }, data: after });
      // The convener and the minute-taker always attend their series.
      for (const user of [convener, minuteTaker])
        await tx.meetingParticipant.upsert({
          where: { seriesId_userId: { seriesId: id, userId: user.id } },
          create: { seriesId: id, userId: user.id, name: user.name },
          update: { active: true },
        });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId,
        entity: "MeetingSeries",
        entityId: id,
        action: "UPDATE",
        before: { ...beforeFields, version: input.version },
        after: { ...after, version },
      });
      return { id, version };
    });
  },
});

export const addParticipant = defineMutation({
  name: "addParticipantAction",
  schema: AddParticipantSchema,
  successKey: "meetings.participantAdded",
  async run(actor, input) {
    const series = await seriesFor(actor, input.seriesId);
    const user = input.userId ? await staffOfSite(series.siteId, input.userId, "userId") : null;
    if (input.superiorId) await staffOfSite(series.siteId, input.superiorId, "superiorId");
    const name = user?.name ?? input.name!;
    // A double tap or a replayed request answers with the participant it already added; the same staff
    // account twice is refused by the unique (series, user) rule.
    return createOnce(actor, {
      find: async () => {
        const made = await db.meetingParticipant.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, seriesId: true, createdById: true },
        });
        return made && made.seriesId === series.id ? { madeById: made.createdById ?? "", result: { id: made.id } } : null;
      },
      create: async () => {
        if (user && (await db.meetingParticipant.count({ where: { seriesId: series.id, userId: user.id } })) > 0)
          throw new DomainError("conflict", "meetings.errors.participantExists", "userId");
        return db.$transaction(async (tx) => {
          const participant = await tx.meetingParticipant.create({
            data: {
              requestId: input.requestId,
              createdById: actor.id,
              seriesId: series.id,
              userId: user?.id ?? null,
              name,
              organization: user ? null : (input.organization ?? null),
              position: input.position ?? null,
              superiorId: input.superiorId ?? null,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: series.siteId,
            entity: "MeetingSeries",
            entityId: series.id,
            action: "UPDATE",
            after: { participantAdded: name, organization: input.organization ?? null, superiorId: input.superiorId ?? null },
          });
          return participant;
        });
      },
      taken: () => new DomainError("conflict", "meetings.errors.participantExists", "userId"),
    });
  },
});

export const setParticipantActive = defineMutation({
  name: "setParticipantActiveAction",
  schema: SetParticipantActiveSchema,
  successKey: "meetings.participantSaved",
  async run(actor, input) {
    const participant = await db.meetingParticipant.findUnique({
      where: { id: input.participantId },
      select: { id: true, name: true, userId: true, active: true, seriesId: true },
    });
    if (!participant) throw new AccessError("not_found");
    const series = await seriesFor(actor, participant.seriesId);
    if (!input.active && (participant.userId === series.convenerId || participant.userId === series.minuteTakerId))
      throw new DomainError("invalid", "meetings.errors.organizerStays", "active");
    return db.$transaction(async (tx) => {
      // The attendee list is part of the series: a toggle made on an older version of it is refused as stale.
      const version = await claimVersion(tx, {
        model: "meetingSeries",
        entity: "MeetingSeries",
        id: series.id,
        version: input.version,
        labels: "meetings.seriesFields",
      });
      // In place, by id: the participant keeps its attendance and leave history.
      await tx.meetingParticipant.update({ where: { id: participant.id }, data: { active: input.active } });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: series.siteId,
        entity: "MeetingSeries",
        entityId: series.id,
        action: "UPDATE",
        before: { [participant.name]: participant.active ? "active" : "inactive", version: input.version },
        after: { [participant.name]: input.active ? "active" : "inactive", version },
      });
      return { id: participant.id, version };
    });
  },
});
