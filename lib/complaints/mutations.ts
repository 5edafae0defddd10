import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { loadSiteCalendars } from "@/lib/calendar-admin/store";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintState, FileKind } from "@/lib/generated/prisma/enums";
import { roleHas } from "@/lib/permissions";
import { canDo, checkReceivedAt, checkStepTime, isBackdated, rectificationDue, revisitDue, type Step } from "./rules";
import { CloseComplaintSchema, CreateComplaintSchema, RecordRectificationSchema, StartRectificationSchema } from "./schema";

export type Tx = Prisma.TransactionClient;

export async function siteCalendar(siteId: string) {
  const calendar = (await loadSiteCalendars([siteId])).get(siteId);
  if (!calendar) throw new DomainError("not_found", "errors.not_found");
  return calendar;
}

/** Files named in a request must be this site's, of the right kind, uploaded by this user, and unused. */
export async function assertFiles(tx: Tx, actor: Actor, siteId: string, fileIds: string[], kind: FileKind, field: string) {
  if (fileIds.length === 0) return;
  const files = await tx.storedFile.findMany({
    where: { id: { in: fileIds }, siteId, kind, uploadedById: actor.id, complaintPhoto: null, revisit: null },
    select: { id: true },
  });
  if (files.length !== new Set(fileIds).size) throw new DomainError("invalid", "complaints.errors.fileNotFound", field);
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

export const createComplaint = defineMutation({
  name: "createComplaintAction",
  schema: CreateComplaintSchema,
  revalidate: ["/complaints", "/dashboard"],
  successKey: "complaints.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const replay = await db.complaint.findUnique({
      where: { requestId: input.requestId },
      select: { id: true, number: true, receivedById: true },
    });
    if (replay) {
      if (replay.receivedById !== actor.id) throw new DomainError("conflict", "errors.duplicate");
      return { id: replay.id, number: replay.number };
    }
    const [tenant, unit, department, site] = await Promise.all([
      db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
      input.unitId ? db.unit.findFirst({ where: { id: input.unitId, siteId: input.siteId }, select: { id: true, tenantId: true } }) : null,
      db.department.findFirst({ where: { id: input.departmentId, siteId: input.siteId }, select: { id: true } }),
      db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { code: true } }),
    ]);
    if (!tenant) throw new DomainError("invalid", "complaints.errors.tenantNotFound", "tenantId");
    if (input.unitId && !unit) throw new DomainError("invalid", "complaints.errors.unitNotFound", "unitId");
    // R-CMP-1: the unit is the complaining tenant's own.
    if (tenant && unit && unit.tenantId !== tenant.id) throw new DomainError("invalid", "complaints.errors.unitNotTenants", "unitId");
    if (!department) throw new DomainError("invalid", "complaints.errors.departmentNotFound", "departmentId");

    const now = new Date();
    const receivedAt = input.receivedAt instanceof Date ? input.receivedAt : now;
    const check = checkReceivedAt(receivedAt, now, roleHas(actor.role, "complaint:backdate"));
    if (check !== "ok") throw new DomainError("invalid", `complaints.errors.receivedAt_${check}`, "receivedAt");
    const backdated = receivedAt.getTime() < now.getTime() - 10 * 60_000;

    const calendar = await siteCalendar(input.siteId);
    const due = rectificationDue(calendar, receivedAt, input.severity); // R-CMP-2
    const localDay = calendar.localDateOf(receivedAt).replaceAll("-", "");

    try {
      return await db.$transaction(async (tx) => {
        await assertFiles(tx, actor, input.siteId, input.photoIds, "PHOTO", "photoIds");
        // Numbers are per site and local day; the advisory lock serialises concurrent intakes.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`complaint-number:${input.siteId}:${localDay}`}))`;
        const prefix = `${site.code}-${localDay}-`;
        const sameDay = await tx.complaint.count({ where: { siteId: input.siteId, number: { startsWith: prefix } } });
        const complaint = await tx.complaint.create({
          data: {
            number: `${prefix}${String(sameDay + 1).padStart(3, "0")}`,
            requestId: input.requestId,
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
            rectifications: { create: { round: 1, dueAt: due.dueAt } },
            photos: { create: input.photoIds.map((fileId) => ({ fileId })) },
          },
          select: { id: true, number: true },
        });
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
      });
    } catch (err) {
      // Two identical submissions raced: the second finds the first one's complaint.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const first = await db.complaint.findUnique({ where: { requestId: input.requestId }, select: { id: true, number: true } });
        if (first) return first;
      }
      throw err;
    }
  },
});

export const startRectification = defineMutation({
  name: "startRectificationAction",
  schema: StartRectificationSchema,
  revalidate: ["/complaints", "/dashboard"],
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
  revalidate: ["/complaints", "/dashboard"],
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
      await assertFiles(tx, actor, c.siteId, input.photoIds, "PHOTO", "photoIds");
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
  revalidate: ["/complaints", "/dashboard"],
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
