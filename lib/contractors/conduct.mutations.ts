import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { dateColumn, diffDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { RecordTrainingSchema, RecordViolationResponseSchema, RecordViolationSchema } from "./schema";

/** Records of past events may be entered up to a year late, never for a day still to come. */
const MAX_DAYS_BACK = 366;

async function loadContractor(actor: Actor, contractorId: string) {
  const contractor = await db.contractor.findFirst({
    where: { id: contractorId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, site: { select: { timeZone: true } } },
  });
  if (!contractor) throw new DomainError("not_found", "errors.not_found");
  return contractor;
}

function assertPastDate(date: string, timeZone: string, field: string) {
  const back = diffDays(date, localDateInZone(new Date(), timeZone));
  if (back < 0) throw new DomainError("invalid", "contractors.errors.dateInFuture", field);
  if (back > MAX_DAYS_BACK) throw new DomainError("invalid", "contractors.errors.dateTooOld", field);
}

/**
 * A training session (§10 last item 定期对保洁公司进行专业培训并作好记录; §11.4(4) 《培训记录》): date,
 * trainer, content, and the attendees — employees of that contractor from the staff register.
 */
export const recordTraining = defineMutation({
  name: "recordTrainingAction",
  schema: RecordTrainingSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const row = await db.contractorTraining.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return row && { madeById: row.createdById, result: { id: row.id } };
      },
      create: async () => {
        const contractor = await loadContractor(actor, input.contractorId);
        assertPastDate(input.heldOn, contractor.site.timeZone, "heldOn");
        const attendeeIds = [...new Set(input.attendeeIds)];
        const found = await db.cleaner.count({ where: { id: { in: attendeeIds }, contractorId: contractor.id } });
        if (found !== attendeeIds.length) throw new DomainError("invalid", "contractors.errors.attendeeNotStaff", "attendeeIds");
        return db.$transaction(async (tx) => {
          const training = await tx.contractorTraining.create({
            data: {
              requestId: input.requestId,
              siteId: contractor.siteId,
              contractorId: contractor.id,
              heldOn: dateColumn(input.heldOn),
              trainer: input.trainer,
              content: input.content,
              createdById: actor.id,
              attendees: { create: attendeeIds.map((cleanerId) => ({ cleanerId })) },
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: contractor.siteId,
            entity: "ContractorTraining",
            entityId: training.id,
            action: "CREATE",
            after: { contractorId: contractor.id, heldOn: input.heldOn, trainer: input.trainer, attendees: attendeeIds },
          });
          return { id: training.id };
        });
      },
    });
  },
});

/**
 * A violation by contractor staff (§6 conduct, §7 garbage room, §11.2): kind, day, what happened,
 * photos, the employee when known; lost or damaged tools are charged at cost (§6.7 照价赔偿) with the
 * amount, kept exact as a decimal. Open until the contractor's response is recorded.
 */
export const recordViolation = defineMutation({
  name: "recordViolationAction",
  schema: RecordViolationSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const row = await db.contractorViolation.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return row && { madeById: row.createdById, result: { id: row.id } };
      },
      create: async () => {
        const contractor = await loadContractor(actor, input.contractorId);
        assertPastDate(input.occurredOn, contractor.site.timeZone, "occurredOn");
        if (input.staffId) {
          const staff = await db.cleaner.findFirst({ where: { id: input.staffId, contractorId: contractor.id }, select: { id: true } });
          if (!staff) throw new DomainError("invalid", "contractors.errors.staffNotOfContractor", "staffId");
        }
        return db.$transaction(async (tx) => {
          const violation = await tx.contractorViolation.create({
            data: {
              requestId: input.requestId,
              siteId: contractor.siteId,
              contractorId: contractor.id,
              cleanerId: input.staffId ?? null,
              kind: input.kind,
              occurredOn: dateColumn(input.occurredOn),
              description: input.description,
              chargeAmount: input.chargeAmount ?? null,
              createdById: actor.id,
            },
            select: { id: true },
          });
          await claimFiles(tx, {
            actor,
            siteId: contractor.siteId,
            entity: "CONTRACTOR_VIOLATION",
            entityId: violation.id,
            kinds: ["PHOTO"],
            files: { photoFileIds: input.photoFileIds },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: contractor.siteId,
            entity: "ContractorViolation",
            entityId: violation.id,
            action: "CREATE",
            after: {
              contractorId: contractor.id,
              cleanerId: input.staffId ?? null,
              kind: input.kind,
              occurredOn: input.occurredOn,
              chargeAmount: input.chargeAmount ?? null,
              photos: input.photoFileIds.length,
            },
          });
          return { id: violation.id };
        });
      },
    });
  },
});

/** The contractor's response to a violation, recorded once (guarded on "no response yet"). */
export const recordViolationResponse = defineMutation({
  name: "recordViolationResponseAction",
  schema: RecordViolationResponseSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const violation = await db.contractorViolation.findFirst({
      where: { id: input.violationId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, response: true, respondedById: true },
    });
    if (!violation) throw new DomainError("not_found", "errors.not_found");
    // A double tap: the first tap already recorded this same response.
    if (violation.response === input.response && violation.respondedById === actor.id) return { id: violation.id };
    if (violation.response !== null) throw new DomainError("conflict", "contractors.errors.alreadyAnswered", "response");
    return db.$transaction(async (tx) => {
      const { count } = await tx.contractorViolation.updateMany({
        where: { id: violation.id, response: null },
        data: { response: input.response, respondedAt: new Date(), respondedById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "contractors.errors.alreadyAnswered", "response");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: violation.siteId,
        entity: "ContractorViolation",
        entityId: violation.id,
        action: "UPDATE",
        before: { response: null },
        after: { response: input.response },
      });
      return { id: violation.id };
    });
  },
});
