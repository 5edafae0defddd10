import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { insertComplaint, prepareIntake } from "@/lib/complaints/mutations";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkOrderState } from "@/lib/generated/prisma/enums";
import { MarkWorkOrderFixedSchema, SendBackWorkOrderSchema, VerifyWorkOrderSchema, WorkOrderToComplaintSchema } from "./schema";

const STEP_NOT_ALLOWED = "workOrders.errors.stepNotAllowed";

/** A work order of the user's sites, or "not found". */
async function loadWorkOrder(actor: Actor, id: string) {
  const workOrder = await db.workOrder.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      number: true,
      siteId: true,
      state: true,
      description: true,
      fixedAt: true,
      fixedById: true,
      fixNote: true,
      sentBackCount: true,
      sentBackNote: true,
      complaintId: true,
      area: { select: { name: true, building: true, floor: true } },
    },
  });
  if (!workOrder) throw new DomainError("not_found", "errors.not_found");
  return workOrder;
}

type Loaded = Awaited<ReturnType<typeof loadWorkOrder>>;

/**
 * Moves the work order on exactly once: the update only matches while it is still in `from`, so a
 * double click or a replayed request finds nothing to change. Writes the audit row in the same
 * transaction, with the fields as they were before and after.
 */
async function transition(
  actor: Actor,
  wo: Loaded,
  from: WorkOrderState,
  data: Prisma.WorkOrderUpdateManyMutationInput & { state: WorkOrderState },
  before: Record<string, unknown>,
) {
  if (wo.state !== from) throw new DomainError("conflict", STEP_NOT_ALLOWED);
  return db.$transaction(async (tx) => {
    // sentBackCount acts as a version: a send-back and re-fix in between (open → fixed → open → fixed) is noticed too.
    const { count } = await tx.workOrder.updateMany({ where: { id: wo.id, state: from, sentBackCount: wo.sentBackCount }, data });
    if (count !== 1) throw new DomainError("conflict", STEP_NOT_ALLOWED);
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: wo.siteId,
      entity: "WorkOrder",
      entityId: wo.id,
      action: "UPDATE",
      before: { state: from, ...before },
      after: data,
    });
    return { id: wo.id };
  });
}

/** Engineering records the fix (R-INS-5: open → fixed). */
export const markWorkOrderFixed = defineMutation({
  name: "markWorkOrderFixedAction",
  schema: MarkWorkOrderFixedSchema,
  successKey: "workOrders.saved",
  async run(actor: Actor, input) {
    const wo = await loadWorkOrder(actor, input.workOrderId);
    return transition(
      actor,
      wo,
      "OPEN",
      { state: "FIXED", fixedAt: new Date(), fixedById: actor.id, fixNote: input.fixNote },
      { fixedAt: null, fixedById: null, fixNote: null },
    );
  },
});

/** The supervisor accepts the fix (fixed → verified). */
export const verifyWorkOrder = defineMutation({
  name: "verifyWorkOrderAction",
  schema: VerifyWorkOrderSchema,
  successKey: "workOrders.saved",
  async run(actor: Actor, input) {
    const wo = await loadWorkOrder(actor, input.workOrderId);
    return transition(
      actor,
      wo,
      "FIXED",
      { state: "VERIFIED", verifiedAt: new Date(), verifiedById: actor.id },
      {
        verifiedAt: null,
        verifiedById: null,
      },
    );
  },
});

/**
 * The supervisor refuses the fix (fixed → open). The fix fields are cleared so the engineer starts
 * afresh; the refused fix stays in the audit row's "before".
 */
export const sendBackWorkOrder = defineMutation({
  name: "sendBackWorkOrderAction",
  schema: SendBackWorkOrderSchema,
  successKey: "workOrders.saved",
  async run(actor: Actor, input) {
    const wo = await loadWorkOrder(actor, input.workOrderId);
    return transition(
      actor,
      wo,
      "FIXED",
      { state: "OPEN", fixedAt: null, fixedById: null, fixNote: null, sentBackCount: wo.sentBackCount + 1, sentBackNote: input.reason },
      { fixedAt: wo.fixedAt, fixedById: wo.fixedById, fixNote: wo.fixNote, sentBackCount: wo.sentBackCount, sentBackNote: wo.sentBackNote },
    );
  },
});

/**
 * A failure that affects a tenant becomes a complaint in one step (R-INS-5 → R-CMP-1): the complaint
 * intake's checks, number and audit, then the work order's link to it (a foreign key, unique), all in
 * one transaction that holds the work order row, so one work order makes at most one complaint. A
 * replay by the person who converted it answers with that complaint; anyone else is told it is done.
 */
export const workOrderToComplaint = defineMutation({
  name: "workOrderToComplaintAction",
  schema: WorkOrderToComplaintSchema,
  successKey: "workOrders.converted",
  async run(actor: Actor, input) {
    const wo = await loadWorkOrder(actor, input.workOrderId);
    if (wo.complaintId) return convertedBefore(actor, wo);
    const department = await db.department.findFirst({
      where: { siteId: wo.siteId, kind: "ENGINEERING" },
      select: { id: true },
      orderBy: { name: "asc" },
    });
    if (!department) throw new DomainError("invalid", "workOrders.errors.noEngineeringDepartment");
    const place = `${wo.area.building}${wo.area.floor} ${wo.area.name}`;
    const intake = await prepareIntake(actor, {
      siteId: wo.siteId,
      tenantId: input.tenantId,
      unitId: input.unitId ?? null,
      source: "INSPECTION",
      category: "REPAIR",
      severity: input.severity,
      description: `【维修单 ${wo.number} · ${place}】${wo.description}`.slice(0, 2000),
      departmentId: department.id,
      receivedAt: undefined,
      // Inspection photos stay on the work order: the intake only accepts the actor's own unused uploads.
      photoIds: [],
    });
    try {
      return await db.$transaction(async (tx) => {
        // Holds the work order until the link is written: a concurrent conversion waits here, then sees it.
        const [row] = await tx.$queryRaw<{ complaintId: string | null }[]>`
          SELECT "complaintId" FROM "WorkOrder" WHERE "id" = ${wo.id} FOR UPDATE`;
        if (row?.complaintId) throw new Linked();
        // The complaint's own request id is new: it never names the work order (the foreign key does).
        const complaint = await insertComplaint(tx, actor, intake, randomUUID());
        await tx.workOrder.update({ where: { id: wo.id }, data: { complaintId: complaint.id }, select: { id: true } });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: wo.siteId,
          entity: "WorkOrder",
          entityId: wo.id,
          action: "UPDATE",
          before: { complaintId: null },
          after: { complaintId: complaint.id, complaintNumber: complaint.number },
        });
        return { id: wo.id, complaintId: complaint.id, complaintNumber: complaint.number };
      });
    } catch (err) {
      // Linked meanwhile (the transaction rolled back, number included): answer as for a replay.
      if (err instanceof Linked) return convertedBefore(actor, await loadWorkOrder(actor, wo.id));
      throw err;
    }
  },
});

/** Thrown inside the conversion's transaction when the work order turns out to be linked already. */
class Linked extends Error {}

/**
 * A work order already turned into a complaint: the same answer for the person who did it (a double
 * click, a retried request), provided the link leads to this site's inspection complaint; a refusal otherwise.
 */
async function convertedBefore(actor: Actor, wo: Loaded) {
  const complaint = wo.complaintId
    ? await db.complaint.findFirst({
        where: { id: wo.complaintId, siteId: wo.siteId, source: "INSPECTION", workOrder: { id: wo.id } },
        select: { id: true, number: true, receivedById: true },
      })
    : null;
  if (!complaint || complaint.receivedById !== actor.id) throw new DomainError("conflict", "workOrders.errors.alreadyConverted");
  return { id: wo.id, complaintId: complaint.id, complaintNumber: complaint.number };
}
