import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import {
  canDo,
  checkScheduledAt,
  checkStepTime,
  DEFAULT_REVISIT_WORKING_DAYS,
  isBackdated,
  revisitDue,
  type OrderState,
  type Step,
} from "./rules";
import {
  CancelServiceOrderSchema,
  CreateServiceOrderSchema,
  RecordNoticeDeliverySchema,
  RecordServiceDoneSchema,
  RecordServiceRevisitSchema,
} from "./schema";

type Tx = Prisma.TransactionClient;

const TIME_ERRORS = {
  future: "specialServices.errors.future",
  too_old: "specialServices.errors.tooOld",
  before_previous: "specialServices.errors.beforeService",
} as const;

/** A step's time: now unless given; never in the future, at most 30 days back, never before the service. */
function stepTime(given: Date | undefined, now: Date, notBefore: Date | null, field: string): Date {
  const at = given ?? now;
  const check = checkStepTime(at, now, notBefore);
  if (check !== "ok") throw new DomainError("invalid", TIME_ERRORS[check], field);
  return at;
}

/** An order of the user's sites, or "not found". */
async function loadOrder(actor: Actor, id: string) {
  const order = await db.specialServiceOrder.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, state: true, doneAt: true, noticeDeliveredAt: true, revisitedAt: true },
  });
  if (!order) throw new DomainError("not_found", "errors.not_found");
  return order;
}

/** The refusal of a step the order's state does not allow, with the message that says why. */
function refuseStep(step: Step, state: OrderState): never {
  if ((step === "revisit" || step === "deliverNotice") && state === "ORDERED")
    throw new DomainError("conflict", "specialServices.errors.notDoneYet");
  if (state === "CANCELLED") throw new DomainError("conflict", "specialServices.errors.cancelled");
  throw new DomainError("conflict", "specialServices.errors.stepNotAllowed");
}

function audit(
  tx: Tx,
  actor: Actor,
  order: { id: string; siteId: string },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  return writeAudit(tx, {
    actorId: actor.id,
    siteId: order.siteId,
    entity: "SpecialServiceOrder",
    entityId: order.id,
    action: "UPDATE",
    before,
    after,
  });
}

/**
 * R-SVC-2: once both the notice is delivered and the client revisited, the order is finished. Runs
 * after either step in its transaction; the row is already locked by that step's update.
 */
async function closeIfFinished(tx: Tx, orderId: string): Promise<boolean> {
  const { count } = await tx.specialServiceOrder.updateMany({
    where: { id: orderId, state: "DONE", noticeDeliveredAt: { not: null }, revisitedAt: { not: null } },
    data: { state: "CLOSED" },
  });
  return count === 1;
}

/** R-SVC-1: an order for a tenant (and unit) of the site: a service of its catalogue, the agreed price, when. */
export const createServiceOrder = defineMutation({
  name: "createServiceOrderAction",
  schema: CreateServiceOrderSchema,
  successKey: "specialServices.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const o = await db.specialServiceOrder.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, orderedById: true },
        });
        return o && { madeById: o.orderedById, result: { id: o.id } };
      },
      create: async () => {
        const [service, tenant, unit] = await Promise.all([
          db.specialService.findFirst({
            where: { id: input.serviceId, siteId: input.siteId },
            select: { id: true, name: true, active: true },
          }),
          db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
          input.unitId
            ? db.unit.findFirst({ where: { id: input.unitId, siteId: input.siteId }, select: { id: true, tenantId: true } })
            : null,
        ]);
        if (!service || !service.active) throw new DomainError("invalid", "specialServices.errors.serviceNotFound", "serviceId");
        if (!tenant) throw new DomainError("invalid", "specialServices.errors.tenantNotFound", "tenantId");
        if (input.unitId && !unit) throw new DomainError("invalid", "specialServices.errors.unitNotFound", "unitId");
        // The unit is the ordering tenant's own.
        if (unit && unit.tenantId !== tenant.id) throw new DomainError("invalid", "specialServices.errors.unitNotTenants", "unitId");
        const scheduled = checkScheduledAt(input.scheduledAt, new Date());
        if (scheduled !== "ok") throw new DomainError("invalid", `specialServices.errors.scheduled_${scheduled}`, "scheduledAt");

        return db.$transaction(async (tx) => {
          const order = await tx.specialServiceOrder.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              serviceId: service.id,
              serviceName: service.name,
              tenantId: tenant.id,
              unitId: unit?.id ?? null,
              agreedPriceFen: input.agreedPrice,
              scheduledAt: input.scheduledAt,
              details: input.details ?? null,
              orderedById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "SpecialServiceOrder",
            entityId: order.id,
            action: "CREATE",
            after: {
              service: service.name,
              tenantId: tenant.id,
              unitId: unit?.id ?? null,
              agreedPriceFen: input.agreedPrice,
              scheduledAt: input.scheduledAt,
            },
          });
          return { id: order.id };
        });
      },
    });
  },
});

/** An order not yet done can be cancelled, with the reason. */
export const cancelServiceOrder = defineMutation({
  name: "cancelServiceOrderAction",
  schema: CancelServiceOrderSchema,
  successKey: "specialServices.stepSaved",
  async run(actor: Actor, input) {
    const order = await loadOrder(actor, input.orderId);
    if (!canDo("cancel", order.state)) refuseStep("cancel", order.state);
    return db.$transaction(async (tx) => {
      const cancelledAt = new Date();
      const { count } = await tx.specialServiceOrder.updateMany({
        where: { id: order.id, state: "ORDERED" },
        data: { state: "CANCELLED", cancelledAt, cancelReason: input.reason },
      });
      if (count !== 1) throw new DomainError("conflict", "specialServices.errors.stepNotAllowed");
      await audit(tx, actor, order, { state: order.state }, { state: "CANCELLED", cancelledAt, cancelReason: input.reason });
      return { id: order.id };
    });
  },
});

/**
 * R-SVC-2: the service done — who did it, when, notes and photos. Issues the payment notice's number
 * (per site and local day of the service) and fixes the phone revisit's deadline: the site's number of
 * working days (default 3) after the service, on the site's calendar.
 */
export const recordServiceDone = defineMutation({
  name: "recordServiceDoneAction",
  schema: RecordServiceDoneSchema,
  successKey: "specialServices.stepSaved",
  async run(actor: Actor, input) {
    const order = await loadOrder(actor, input.orderId);
    if (!canDo("recordDone", order.state)) refuseStep("recordDone", order.state);
    const now = new Date();
    const doneAt = stepTime(input.doneAt, now, null, "doneAt");
    const [calendar, setting, site] = await Promise.all([
      loadSiteCalendar(order.siteId),
      db.specialServiceSetting.findUnique({ where: { siteId: order.siteId }, select: { revisitWorkingDays: true } }),
      db.site.findUniqueOrThrow({ where: { id: order.siteId }, select: { id: true, code: true } }),
    ]);
    if (!calendar) throw new DomainError("not_found", "errors.not_found");
    const workingDays = setting?.revisitWorkingDays ?? DEFAULT_REVISIT_WORKING_DAYS;
    const due = revisitDue(calendar, doneAt, workingDays);
    return db.$transaction(async (tx) => {
      // Guarded: only an order still ORDERED moves on; a double click finds it DONE and changes nothing.
      const { count } = await tx.specialServiceOrder.updateMany({
        where: { id: order.id, state: "ORDERED" },
        data: {
          state: "DONE",
          doneAt,
          performedBy: input.performedBy,
          doneNotes: input.notes ?? null,
          photoFileIds: input.photoIds,
          doneRecordedById: actor.id,
          revisitDueAt: due.dueAt,
          revisitDueProvisional: due.provisional,
        },
      });
      if (count !== 1) throw new DomainError("conflict", "specialServices.errors.stepNotAllowed");
      await claimFiles(tx, {
        actor,
        siteId: order.siteId,
        entity: "SPECIAL_SERVICE",
        entityId: order.id,
        kinds: ["PHOTO"],
        files: { photoIds: input.photoIds },
      });
      // Drawn last: from here on other notices of the same site and day wait for this transaction.
      const noticeNumber = await nextDailyNumber(tx, "PAYMENT_NOTICE", site, calendar.localDateOf(doneAt));
      await tx.specialServiceOrder.update({ where: { id: order.id }, data: { noticeNumber } });
      await audit(
        tx,
        actor,
        order,
        { state: order.state },
        {
          state: "DONE",
          doneAt,
          backdated: isBackdated(doneAt, now),
          performedBy: input.performedBy,
          photos: input.photoIds.length,
          noticeNumber,
          revisitDueAt: due.dueAt,
          revisitWorkingDays: workingDays,
        },
      );
      return { id: order.id, noticeNumber };
    });
  },
});

/** R-SVC-2: the payment notice handed to the tenant — to whom and when; once. */
export const recordNoticeDelivery = defineMutation({
  name: "recordNoticeDeliveryAction",
  schema: RecordNoticeDeliverySchema,
  successKey: "specialServices.stepSaved",
  async run(actor: Actor, input) {
    const order = await loadOrder(actor, input.orderId);
    if (!canDo("deliverNotice", order.state)) refuseStep("deliverNotice", order.state);
    if (order.noticeDeliveredAt) throw new DomainError("conflict", "specialServices.errors.alreadyDelivered");
    const now = new Date();
    const deliveredAt = stepTime(input.deliveredAt, now, order.doneAt, "deliveredAt");
    return db.$transaction(async (tx) => {
      const { count } = await tx.specialServiceOrder.updateMany({
        where: { id: order.id, state: "DONE", noticeDeliveredAt: null },
        data: { noticeDeliveredAt: deliveredAt, noticeDeliveredTo: input.deliveredTo, noticeDeliveredById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "specialServices.errors.alreadyDelivered");
      const closed = await closeIfFinished(tx, order.id);
      await audit(
        tx,
        actor,
        order,
        { state: order.state, noticeDeliveredAt: null },
        {
          state: closed ? "CLOSED" : order.state,
          noticeDeliveredAt: deliveredAt,
          noticeDeliveredTo: input.deliveredTo,
          backdated: isBackdated(deliveredAt, now),
        },
      );
      return { id: order.id, closed };
    });
  },
});

/**
 * R-SVC-2: the phone revisit on the client's satisfaction — who answered, when, the answer; no
 * signature. Refused before the service is done, and after a revisit already recorded.
 */
export const recordServiceRevisit = defineMutation({
  name: "recordServiceRevisitAction",
  schema: RecordServiceRevisitSchema,
  successKey: "specialServices.stepSaved",
  async run(actor: Actor, input) {
    const order = await loadOrder(actor, input.orderId);
    if (!canDo("revisit", order.state)) refuseStep("revisit", order.state);
    if (order.revisitedAt) throw new DomainError("conflict", "specialServices.errors.alreadyRevisited");
    const now = new Date();
    const revisitedAt = stepTime(input.revisitedAt, now, order.doneAt, "revisitedAt");
    return db.$transaction(async (tx) => {
      const { count } = await tx.specialServiceOrder.updateMany({
        where: { id: order.id, state: "DONE", revisitedAt: null },
        data: {
          revisitedAt,
          revisitById: actor.id,
          revisitContact: input.contact,
          revisitSatisfaction: input.satisfaction,
          revisitAnswer: input.answer,
        },
      });
      if (count !== 1) throw new DomainError("conflict", "specialServices.errors.alreadyRevisited");
      const closed = await closeIfFinished(tx, order.id);
      await audit(
        tx,
        actor,
        order,
        { state: order.state, revisitedAt: null },
        {
          state: closed ? "CLOSED" : order.state,
          revisitedAt,
          satisfaction: input.satisfaction,
          backdated: isBackdated(revisitedAt, now),
        },
      );
      return { id: order.id, closed };
    });
  },
});
