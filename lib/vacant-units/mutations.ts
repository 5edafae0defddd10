import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { acceptedMadeAt } from "@/lib/offline/rules";
import { cleanedOnProblem, isDue } from "./rules";
import {
  CLEANING_SIDE,
  CleaningCheckSchema,
  ResubmitCleaningSchema,
  SendBackCleaningSchema,
  SubmitCleaningSchema,
  VerifyCleaningSchema,
} from "./schema";

type Tx = Prisma.TransactionClient;
type Check = z.output<typeof CleaningCheckSchema>;

const STEP_NOT_ALLOWED = "vacant.errors.stepNotAllowed";

/** A unit of the actor's sites with what the schedule rule needs, or "not found". */
async function loadUnit(actor: Actor, unitId: string) {
  const unit = await db.unit.findFirst({
    where: { id: unitId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      status: true,
      createdAt: true,
      site: { select: { timeZone: true } },
      statusChanges: { select: { status: true, changedAt: true } },
    },
  });
  if (!unit) throw new DomainError("not_found", "errors.not_found");
  return unit;
}

/**
 * The cleaner must be an active cleaner of the unit's site (ids of another site are forged input).
 * R-VAC-1 (专人): it is the unit's assigned cleaner; anyone else is a substitute, allowed only with a
 * reason, which the record keeps. Returns the reason to store (null for the assigned cleaner).
 */
async function assertCleaner(cleanerId: string, siteId: string, unitId: string, substituteReason: string | null | undefined) {
  const [cleaner, unit] = await Promise.all([
    db.cleaner.findFirst({ where: { id: cleanerId, siteId, active: true, ...CLEANING_SIDE }, select: { id: true } }),
    db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { cleanerId: true } }),
  ]);
  if (!cleaner) throw new DomainError("invalid", "vacant.errors.cleanerNotFound", "cleanerId");
  if (unit.cleanerId === cleanerId) return null;
  if (!substituteReason) throw new DomainError("invalid", "vacant.errors.substituteReason", "substituteReason");
  return substituteReason;
}

/** R-VAC-1/3: the cleaning date lies in the record's month and is not in the future (site time). */
function assertCleanedOn(cleanedOn: string, month: string, timeZone: string, now: Date) {
  const problem = cleanedOnProblem(cleanedOn, month, localDateInZone(now, timeZone));
  if (problem) throw new DomainError("invalid", `vacant.errors.${problem}`, "cleanedOn");
}

/**
 * The check photos become the record's evidence (lib/files/claim.ts). A corrected record keeps the
 * photos it already had, whoever took them (R-VAC-3).
 */
function claimPhotos(tx: Tx, actor: Actor, record: { id: string; siteId: string }, checks: Check[], resubmitted = false) {
  return claimFiles(tx, {
    actor,
    siteId: record.siteId,
    entity: "VACANT_CLEANING",
    entityId: record.id,
    kinds: ["PHOTO"],
    files: Object.fromEntries(checks.map((c, index) => [`checks.${index}.photoFileIds`, c.photoFileIds])),
    keepOwn: resubmitted,
  });
}

const checkRows = (checks: Check[]) =>
  checks.map((c) => ({ item: c.item, result: c.result, note: c.note ?? null, photoFileIds: c.photoFileIds }));
const failuresOf = (checks: Check[]) => checks.filter((c) => c.result === "FAIL").map((c) => c.item);

/**
 * 《空置单元清洁记录表》 for one vacant unit and month (R-VAC-1..3), entered by client-service staff for
 * the cleaner. Refused: a unit not vacant that month (occupied, under renovation), a second record for
 * the same unit and month, a date in the future or outside the month, another site's cleaner or photos.
 */
export const submitVacantCleaning = defineMutation({
  name: "submitVacantCleaningAction",
  schema: SubmitCleaningSchema,
  successKey: "vacant.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const record = await db.vacantCleaningRecord.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return record && { madeById: record.createdById, result: { id: record.id } };
      },
      create: () => recordCleaning(actor, input),
      // Someone recorded the same unit and month meanwhile.
      taken: () => new DomainError("conflict", "vacant.errors.alreadyRecorded", "month"),
    });
  },
});

/** The checks and the write of one new cleaning record (its replay is createOnce's). */
async function recordCleaning(actor: Actor, input: z.output<typeof SubmitCleaningSchema>) {
  const unit = await loadUnit(actor, input.unitId);
  const timeZone = unit.site.timeZone;
  // A record made offline is judged at the time it was made (bounded: lib/offline/rules.ts).
  const made = acceptedMadeAt(input.madeAt, new Date(), (d) => localDateInZone(d, timeZone));
  if (made.problem) throw new DomainError("invalid", `offline.errors.${made.problem}`, "madeAt");
  const now = made.at;
  // R-VAC-1: only a unit on the month's schedule (vacant at its end, or now) has a cleaning record.
  if (!isDue(unit, unit.statusChanges, input.month, timeZone, now)) throw new DomainError("invalid", "vacant.errors.notVacant", "unitId");
  const already = await db.vacantCleaningRecord.findUnique({
    where: { unitId_month: { unitId: unit.id, month: input.month } },
    select: { id: true },
  });
  if (already) throw new DomainError("conflict", "vacant.errors.alreadyRecorded", "month");
  assertCleanedOn(input.cleanedOn, input.month, timeZone, now);
  const substituteReason = await assertCleaner(input.cleanerId, unit.siteId, unit.id, input.substituteReason);

  return db.$transaction(async (tx) => {
    const record = await tx.vacantCleaningRecord.create({
      data: {
        requestId: input.requestId,
        siteId: unit.siteId,
        unitId: unit.id,
        month: input.month,
        cleanedOn: dateColumn(input.cleanedOn),
        cleanerId: input.cleanerId,
        substituteReason,
        createdById: actor.id,
        checks: { create: checkRows(input.checks) },
      },
      select: { id: true },
    });
    await claimPhotos(tx, actor, { id: record.id, siteId: unit.siteId }, input.checks);
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: unit.siteId,
      entity: "VacantCleaningRecord",
      entityId: record.id,
      action: "CREATE",
      after: {
        unitId: unit.id,
        month: input.month,
        cleanedOn: input.cleanedOn,
        cleanerId: input.cleanerId,
        substituteReason,
        state: "SUBMITTED",
        failures: failuresOf(input.checks),
        photos: input.checks.flatMap((c) => c.photoFileIds).length,
      },
    });
    return { id: record.id };
  });
}

/** A record of the actor's sites, or "not found". */
async function loadRecord(actor: Actor, recordId: string) {
  const record = await db.vacantCleaningRecord.findFirst({
    where: { id: recordId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      unitId: true,
      month: true,
      state: true,
      cleanedOn: true,
      cleanerId: true,
      substituteReason: true,
      createdById: true,
      sentBackReason: true,
      site: { select: { timeZone: true } },
    },
  });
  if (!record) throw new DomainError("not_found", "errors.not_found");
  return record;
}

/**
 * A record sent back, corrected and submitted again (R-VAC-3). The person who corrects it becomes the
 * one who entered it (createdById), so the four-eyes check of the verification applies to them; the
 * first author stays in the audit trail.
 */
export const resubmitVacantCleaning = defineMutation({
  name: "resubmitVacantCleaningAction",
  schema: ResubmitCleaningSchema,
  successKey: "vacant.saved",
  async run(actor: Actor, input) {
    const record = await loadRecord(actor, input.recordId);
    // A double tap: the first tap already submitted this correction.
    if (record.state === "SUBMITTED" && record.createdById === actor.id) return { id: record.id };
    if (record.state !== "SENT_BACK") throw new DomainError("conflict", STEP_NOT_ALLOWED);
    assertCleanedOn(input.cleanedOn, record.month, record.site.timeZone, new Date());
    const substituteReason = await assertCleaner(input.cleanerId, record.siteId, record.unitId, input.substituteReason);
    return db.$transaction(async (tx) => {
      const { count } = await tx.vacantCleaningRecord.updateMany({
        where: { id: record.id, state: "SENT_BACK" },
        data: {
          state: "SUBMITTED",
          cleanedOn: dateColumn(input.cleanedOn),
          cleanerId: input.cleanerId,
          substituteReason,
          createdById: actor.id,
        },
      });
      if (count !== 1) throw new DomainError("conflict", STEP_NOT_ALLOWED);
      await claimPhotos(tx, actor, record, input.checks, true);
      await tx.vacantCleaningCheck.deleteMany({ where: { recordId: record.id } });
      await tx.vacantCleaningCheck.createMany({ data: checkRows(input.checks).map((c) => ({ ...c, recordId: record.id })) });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: record.siteId,
        entity: "VacantCleaningRecord",
        entityId: record.id,
        action: "UPDATE",
        before: {
          state: "SENT_BACK",
          cleanedOn: record.cleanedOn,
          cleanerId: record.cleanerId,
          substituteReason: record.substituteReason,
          createdById: record.createdById,
        },
        after: {
          state: "SUBMITTED",
          cleanedOn: input.cleanedOn,
          cleanerId: input.cleanerId,
          substituteReason,
          createdById: actor.id,
          failures: failuresOf(input.checks),
        },
      });
      return { id: record.id };
    });
  },
});

/**
 * The supervisor's check (R-VAC-3, §8.5 "接受上级的检查"): submitted → verified or sent back with a
 * reason, exactly once (updateMany on the expected state). Four eyes: not by whoever entered it.
 */
async function decide(actor: Actor, recordId: string, decision: { state: "VERIFIED" } | { state: "SENT_BACK"; reason: string }) {
  const record = await loadRecord(actor, recordId);
  if (record.state !== "SUBMITTED") throw new DomainError("conflict", STEP_NOT_ALLOWED);
  if (record.createdById === actor.id) throw new DomainError("forbidden", "vacant.errors.ownRecord");
  const now = new Date();
  const data: Prisma.VacantCleaningRecordUpdateManyMutationInput =
    decision.state === "VERIFIED"
      ? { state: "VERIFIED", verifiedById: actor.id, verifiedAt: now }
      : { state: "SENT_BACK", sentBackById: actor.id, sentBackAt: now, sentBackReason: decision.reason };
  return db.$transaction(async (tx) => {
    // Who and from which state, checked inside the one guarded update: a correction resubmitted meanwhile by
    // this same person (who then entered it) cannot slip through between the read above and this write.
    const { count } = await tx.vacantCleaningRecord.updateMany({
      where: { id: record.id, state: "SUBMITTED", createdById: { not: actor.id } },
      data,
    });
    if (count !== 1) {
      const now = await tx.vacantCleaningRecord.findUnique({ where: { id: record.id }, select: { state: true, createdById: true } });
      if (now?.state === "SUBMITTED" && now.createdById === actor.id) throw new DomainError("forbidden", "vacant.errors.ownRecord");
      throw new DomainError("conflict", STEP_NOT_ALLOWED);
    }
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: record.siteId,
      entity: "VacantCleaningRecord",
      entityId: record.id,
      action: "UPDATE",
      before: { state: "SUBMITTED", sentBackReason: record.sentBackReason },
      after: data as Record<string, unknown>,
    });
    return { id: record.id };
  });
}

export const verifyVacantCleaning = defineMutation({
  name: "verifyVacantCleaningAction",
  schema: VerifyCleaningSchema,
  successKey: "vacant.verified",
  run: (actor: Actor, input) => decide(actor, input.recordId, { state: "VERIFIED" }),
});

export const sendBackVacantCleaning = defineMutation({
  name: "sendBackVacantCleaningAction",
  schema: SendBackCleaningSchema,
  successKey: "vacant.sentBack",
  run: (actor: Actor, input) => decide(actor, input.recordId, { state: "SENT_BACK", reason: input.reason }),
});
