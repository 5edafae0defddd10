import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { dateColumn, localDateOfColumn } from "@/lib/calendar";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { assertMinuteTaker, assertNotConfirmed, isSiteManager, lockScheduled, requireMeeting, type MeetingContext } from "./access";
import { AddActionItemSchema, AmendMeetingSchema, CloseActionItemSchema, UpdateActionItemSchema } from "./schema";

/** Action items (R-MTG-5) and amendments of confirmed minutes (R-MTG-4). */

/** The owner is an expected person of the series; the due date is not before the meeting. */
async function checkItemFields(ctx: MeetingContext, input: { ownerParticipantId: string; dueOn: string }) {
  const owner = await db.meetingParticipant.findFirst({
    where: { id: input.ownerParticipantId, seriesId: ctx.seriesId, active: true },
    select: { id: true, name: true },
  });
  if (!owner) throw new DomainError("invalid", "meetings.errors.ownerNotParticipant", "ownerParticipantId");
  if (input.dueOn < localDateOfColumn(ctx.date)) throw new DomainError("invalid", "meetings.errors.dueBeforeMeeting", "dueOn");
  return owner;
}

export const addActionItem = defineMutation({
  name: "addActionItemAction",
  schema: AddActionItemSchema,
  successKey: "meetings.itemAdded",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    // A double tap or replayed request finds the item it already added (even after confirmation); a request
    // id of another meeting is not a replay, and its insert is refused by the unique key.
    return createOnce(actor, {
      find: async () => {
        const item = await db.meetingActionItem.findFirst({
          where: { requestId: input.requestId, meetingId: ctx.id },
          select: { id: true, createdById: true },
        });
        return item && { madeById: item.createdById, result: { id: item.id } };
      },
      create: async () => {
        assertMinuteTaker(ctx);
        assertNotConfirmed(ctx, "description");
        const owner = await checkItemFields(ctx, input);
        return db.$transaction(async (tx) => {
          await lockScheduled(tx, ctx.id, "description");
          const item = await tx.meetingActionItem.create({
            data: {
              requestId: input.requestId,
              seriesId: ctx.seriesId,
              meetingId: ctx.id,
              description: input.description,
              ownerParticipantId: owner.id,
              dueOn: dateColumn(input.dueOn),
              createdById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: ctx.siteId,
            entity: "MeetingActionItem",
            entityId: item.id,
            action: "CREATE",
            after: { meetingId: ctx.id, description: input.description, owner: owner.name, dueOn: input.dueOn },
          });
          return item;
        });
      },
    });
  },
});

export const updateActionItem = defineMutation({
  name: "updateActionItemAction",
  schema: UpdateActionItemSchema,
  successKey: "meetings.itemSaved",
  async run(actor, input) {
    const before = await db.meetingActionItem.findUnique({
      where: { id: input.actionItemId },
      select: { id: true, meetingId: true, description: true, ownerParticipantId: true, dueOn: true },
    });
    if (!before) throw new AccessError("not_found");
    const ctx = await requireMeeting(actor, before.meetingId);
    assertMinuteTaker(ctx);
    // An item raised in confirmed minutes is a decision: it is not changed afterwards (R-MTG-4).
    assertNotConfirmed(ctx, "description");
    const owner = await checkItemFields(ctx, input);
    await db.$transaction(async (tx) => {
      await lockScheduled(tx, ctx.id, "description");
      await tx.meetingActionItem.update({
        where: { id: before.id },
        data: { description: input.description, ownerParticipantId: owner.id, dueOn: dateColumn(input.dueOn) },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: ctx.siteId,
        entity: "MeetingActionItem",
        entityId: before.id,
        action: "UPDATE",
        before: { description: before.description, ownerParticipantId: before.ownerParticipantId, dueOn: localDateOfColumn(before.dueOn) },
        after: { description: input.description, ownerParticipantId: owner.id, dueOn: input.dueOn },
      });
    });
    return { id: before.id };
  },
});

/** An attendee of the series (an expected person with an account, the convener, the minute-taker) or a site manager. */
async function mayCloseItems(actor: Actor, series: { id: string; siteId: string; convenerId: string; minuteTakerId: string }) {
  if (isSiteManager(actor, series.siteId) || actor.id === series.convenerId || actor.id === series.minuteTakerId) return true;
  return (await db.meetingParticipant.count({ where: { seriesId: series.id, userId: actor.id } })) > 0;
}

export const closeActionItem = defineMutation({
  name: "closeActionItemAction",
  schema: CloseActionItemSchema,
  successKey: "meetings.itemClosed",
  async run(actor, input) {
    const item = await db.meetingActionItem.findUnique({
      where: { id: input.actionItemId },
      select: { id: true, closedAt: true, series: { select: { id: true, siteId: true, convenerId: true, minuteTakerId: true } } },
    });
    if (!item || !actor.siteIds.includes(item.series.siteId) || !(await mayCloseItems(actor, item.series)))
      throw new AccessError("not_found");
    const closingMeeting = input.meetingId ? await requireMeeting(actor, input.meetingId) : null;
    if (closingMeeting && closingMeeting.seriesId !== item.series.id)
      throw new DomainError("invalid", "meetings.errors.otherSeries", "meetingId");
    if (closingMeeting) assertNotConfirmed(closingMeeting, "meetingId");
    if (item.closedAt) throw new DomainError("conflict", "meetings.errors.alreadyClosed", "closingNote");
    const closedAt = new Date();
    await db.$transaction(async (tx) => {
      if (closingMeeting) await lockScheduled(tx, closingMeeting.id, "meetingId");
      const { count } = await tx.meetingActionItem.updateMany({
        where: { id: item.id, closedAt: null },
        data: { closedAt, closedById: actor.id, closedInMeetingId: closingMeeting?.id ?? null, closingNote: input.closingNote ?? null },
      });
      if (count === 0) throw new DomainError("conflict", "meetings.errors.alreadyClosed", "closingNote");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: item.series.siteId,
        entity: "MeetingActionItem",
        entityId: item.id,
        action: "UPDATE",
        before: { closedAt: null },
        after: { closedAt, closedInMeetingId: closingMeeting?.id ?? null, closingNote: input.closingNote ?? null },
      });
    });
    return { id: item.id };
  },
});

export const amendMeeting = defineMutation({
  name: "amendMeetingAction",
  schema: AmendMeetingSchema,
  successKey: "meetings.amended",
  async run(actor, input) {
    const ctx = await requireMeeting(actor, input.meetingId);
    if (!ctx.isConvener && !ctx.isMinuteTaker && !ctx.isManager) throw new DomainError("forbidden", "meetings.errors.notAmender");
    // R-MTG-4: drafts are simply edited; only confirmed minutes take a linked correction.
    if (ctx.state !== "CONFIRMED") throw new DomainError("invalid", "meetings.errors.amendOnlyConfirmed", "section");
    return createOnce(actor, {
      find: async () => {
        const amendment = await db.meetingAmendment.findFirst({
          where: { requestId: input.requestId, meetingId: ctx.id },
          select: { id: true, createdById: true },
        });
        return amendment && { madeById: amendment.createdById, result: { id: amendment.id } };
      },
      create: async () => {
        return db.$transaction(async (tx) => {
          const amendment = await tx.meetingAmendment.create({
            data: {
              requestId: input.requestId,
              meetingId: ctx.id,
              section: input.section,
              text: input.text,
              reason: input.reason,
              createdById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: ctx.siteId,
            entity: "MeetingAmendment",
            entityId: amendment.id,
            action: "CREATE",
            after: { meetingId: ctx.id, section: input.section, text: input.text, reason: input.reason },
          });
          return amendment;
        });
      },
    });
  },
});
