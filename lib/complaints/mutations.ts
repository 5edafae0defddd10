import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintState } from "@/lib/generated/prisma/enums";
import { createOnce } from "@/lib/idempotency";
import { roleHas } from "@/lib/permissions";
import { siteSettings } from "@/lib/registry/site.store";
import { canDo, checkReceivedAt, checkStepTime, isBackdated, rectificationDue, revisitDue, type Step } from "./rules";
import { CloseComplaintSchema, CreateComplaintSchema, RecordRectificationSchema, StartRectificationSchema } from "./schema";

export type Tx = Prisma.TransactionClient;

export async function siteCalendar(siteId: string) {
  const calendar = await loadSiteCalendar(siteId);
  if (!calendar) throw new DomainError("not_found", "errors.not_found");
  return calendar;
}

/** Photos of the intake or of a rectification become the complaint's evidence (lib/files/claim.ts). */
function claimPhotos(tx: Tx, actor: Actor, c: { id: string; siteId: string }, photoIds: string[]) {
  return claimFiles(tx, { actor, siteId: c.siteId, entity: "COMPLAINT", entityId: c.id, kinds: ["PHOTO"], files: { photoIds } });
}

/** Each workflow step writes one audit row of the complaint, in the step's transaction. */
export function auditStep(
  tx: Tx,
  actor: Actor,
  c: { id: string; siteId: string },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  return writeAudit(tx, { actorId: actor.id, siteId: c.siteId, entity: "Complaint", entityId: c.id, action: "UPDATE", before, after });
}

/** A complaint of the user's sites, or "not found". */
export async function loadComplaint(actor: Actor, id: string) {
  const complaint = await db.complaint.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      state: true,
      round: true,
      severity: true,
      receivedAt: true,
      rectifiedAt: true,
      revisitedAt: true,
      revisitDueAt: true,
      rectificationDueAt: true,
    },
  });
  if (!complaint) throw new DomainError("not_found", "errors.not_found");
  return complaint;
}

/**
 * Moves the complaint on exactly once: the update only matches while it is still in the step's
 * starting state and round, so a double click or a replayed request finds nothing to change.
 */
export async function transition(
  tx: Tx,
  c: { id: string; state: ComplaintState; round: number },
  step: Step,
  round: number,
  data: Prisma.ComplaintUpdateManyMutationInput,
) {
  if (round !== c.round || !canDo(step, c.state)) throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
  const { count } = await tx.complaint.updateMany({ where: { id: c.id, state: c.state, round }, data });
  if (count !== 1) throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
}

const STEP_TIME_ERRORS = {
  future: "complaints.errors.future",
  too_old: "complaints.errors.stepTime_too_old",
  not_allowed: "complaints.errors.stepTime_not_allowed",
  before_previous: "complaints.errors.beforePreviousStep",
} as const;

/**
 * R-CMP-2/3: a step's time is now unless given; an earlier one needs the backdating right, at most
 * 7 days back, and never before the step it follows. Returns whether it was backdated (audited).
 */
export function checkTime(actor: Actor, at: Date, now: Date, notBefore: Date | null, field: string): boolean {
  const check = checkStepTime(at, now, roleHas(actor.role, "complaint:backdate"), notBefore);
  if (check !== "ok") throw new DomainError("invalid", STEP_TIME_ERRORS[check], field);
  return isBackdated(at, now);
}

type IntakeInput = z.output<typeof CreateComplaintSchema>;

/**
 * Everything an intake checks before writing (R-CMP-1/2): the tenant, unit and department are the
 * site's, the receipt time is allowed, and the rectification deadline from the site's calendar.
 */
export async function prepareIntake(actor: Actor, input: Omit<IntakeInput, "requestId">) {
  assertSite(actor, input.siteId);
  const [tenant, unit, department, site] = await Promise.all([
    db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
    input.unitId ? db.unit.findFirst({ where: { id: input.unitId, siteId: input.siteId }, select: { id: true, tenantId: true } }) : null,
    db.department.findFirst({ where: { id: input.departmentId, siteId: input.siteId }, select: { id: true } }),
    // From the versioned store (the code numbers the complaint), not a query of its own.
    siteSettings(input.siteId),
  ]);
  if (!site) throw new DomainError("not_found", "errors.not_found");
  if (!tenant) throw new DomainError("invalid", "complaints.errors.tenantNotFound", "tenantId");
  if (input.unitId && !unit) throw new DomainError("invalid", "complaints.errors.unitNotFound", "unitId");
  // R-CMP-1: the unit is the complaining tenant's own.
  if (unit && unit.tenantId !== tenant.id) throw new DomainError("invalid", "complaints.errors.unitNotTenants", "unitId");
  if (!department) throw new DomainError("invalid", "complaints.errors.departmentNotFound", "departmentId");

  const now = new Date();
  const receivedAt = input.receivedAt instanceof Date ? input.receivedAt : now;
  const check = checkReceivedAt(receivedAt, now, roleHas(actor.role, "complaint:backdate"));
  if (check !== "ok") throw new DomainError("invalid", `complaints.errors.receivedAt_${check}`, "receivedAt");
  const backdated = receivedAt.getTime() < now.getTime() - 10 * 60_000;

  const calendar = await siteCalendar(input.siteId);
  const due = rectificationDue(calendar, receivedAt, input.severity); // R-CMP-2
  return { input, site: { id: site.id, code: site.code }, receivedAt, backdated, due, localDay: calendar.localDateOf(receivedAt) };
}

/**
 * Writes a prepared intake in `tx`: the complaint with its first round and photos, its number of the
 * site and local day of receipt, and its audit row. Used by the intake form and by a work order
 * turned into a complaint.
 */
export async function insertComplaint(tx: Tx, actor: Actor, intake: Awaited<ReturnType<typeof prepareIntake>>, requestId: string) {
  const { input, site, receivedAt, backdated, due } = intake;
  const complaint = await tx.complaint.create({
    data: {
      number: await nextDailyNumber(tx, "COMPLAINT", site, intake.localDay),
      requestId,
      siteId: input.siteId,
      tenantId: input.tenantId,
      unitId: input.unitId ?? null,
      departmentId: input.departmentId,
      source: input.source,
      category: input.category,
      severity: input.severity,
      description: input.description,
      receivedAt,
      backdated,
      receivedById: actor.id,
      rectificationDueAt: due.dueAt,
      rectificationDueProvisional: due.provisional,
    },
    select: { id: true, number: true },
  });
  // Its first round, written on its own: a nested create reads the complaint back once more, while
  // this transaction holds the site's daily counter.
  await tx.complaintRectification.create({ data: { complaintId: complaint.id, round: 1, dueAt: due.dueAt }, select: { id: true } });
  await claimPhotos(tx, actor, { id: complaint.id, siteId: input.siteId }, input.photoIds);
  if (input.photoIds.length)
    await tx.complaintPhoto.createMany({ data: input.photoIds.map((fileId) => ({ complaintId: complaint.id, fileId })) });
  await writeAudit(tx, {
    actorId: actor.id,
    siteId: input.siteId,
    entity: "Complaint",
    entityId: complaint.id,
    action: "CREATE",
    after: {
      number: complaint.number,
      severity: input.severity,
      source: input.source,
      category: input.category,
      tenantId: input.tenantId,
      departmentId: input.departmentId,
      receivedAt,
      backdated,
      rectificationDueAt: due.dueAt,
      photos: input.photoIds.length,
    },
  });
  return complaint;
}

export const createComplaint = defineMutation({
  name: "createComplaintAction",
  schema: CreateComplaintSchema,
  successKey: "complaints.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const c = await db.complaint.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, number: true, receivedById: true },
        });
        return c && { madeById: c.receivedById, result: { id: c.id, number: c.number } };
      },
      create: async () => {
        const intake = await prepareIntake(actor, input);
        return db.$transaction((tx) => insertComplaint(tx, actor, intake, input.requestId));
      },
    });
  },
});

export const startRectification = defineMutation({
  name: "startRectificationAction",
  schema: StartRectificationSchema,
  successKey: "complaints.stepSaved",
  async run(actor: Actor, input) {
    const c = await loadComplaint(actor, input.complaintId);
    return db.$transaction(async (tx) => {
      await transition(tx, c, "startRectification", input.round, { state: "IN_RECTIFICATION" });
      await tx.complaintRectification.update({
        where: { complaintId_round: { complaintId: c.id, round: c.round } },
        data: { startedAt: new Date(), startedById: actor.id },
      });
      await auditStep(tx, actor, c, { state: c.state }, { state: "IN_RECTIFICATION" });
      return { id: c.id };
    });
  },
});

export const recordRectification = defineMutation({
  name: "recordRectificationAction",
  schema: RecordRectificationSchema,
  successKey: "complaints.stepSaved",
  async run(actor: Actor, input) {
    const c = await loadComplaint(actor, input.complaintId);
    const now = new Date();
    const rectifiedAt = input.rectifiedAt instanceof Date ? input.rectifiedAt : now;
    // Round 1 follows the receipt; a reopened round follows the revisit that reopened it.
    const backdated = checkTime(actor, rectifiedAt, now, c.round > 1 && c.revisitedAt ? c.revisitedAt : c.receivedAt, "rectifiedAt");
    const due = revisitDue(await siteCalendar(c.siteId), rectifiedAt, c.severity); // R-CMP-3
    return db.$transaction(async (tx) => {
      await transition(tx, c, "recordRectification", input.round, {
        state: "RECTIFIED",
        rectifiedAt,
        revisitDueAt: due.dueAt,
        revisitDueProvisional: due.provisional,
      });
      await claimPhotos(tx, actor, c, input.photoIds);
      const rectification = await tx.complaintRectification.update({
        where: { complaintId_round: { complaintId: c.id, round: c.round } },
        data: { rectifiedAt, rectifiedById: actor.id, actionTaken: input.actionTaken },
        select: { id: true },
      });
      if (input.photoIds.length)
        await tx.complaintPhoto.createMany({
          data: input.photoIds.map((fileId) => ({ complaintId: c.id, rectificationId: rectification.id, fileId })),
        });
      await auditStep(
        tx,
        actor,
        c,
        { state: c.state, rectifiedAt: null, revisitDueAt: null },
        { state: "RECTIFIED", rectifiedAt, backdated, revisitDueAt: due.dueAt, actionTaken: input.actionTaken },
      );
      return { id: c.id };
    });
  },
});

export const closeComplaint = defineMutation({
  name: "closeComplaintAction",
  schema: CloseComplaintSchema,
  successKey: "complaints.stepSaved",
  async run(actor: Actor, input) {
    const c = await loadComplaint(actor, input.complaintId);
    return db.$transaction(async (tx) => {
      const closedAt = new Date();
      await transition(tx, c, "close", input.round, { state: "CLOSED", closedAt });
      await auditStep(tx, actor, c, { state: c.state }, { state: "CLOSED", closedAt });
      return { id: c.id };
    });
  },
});
