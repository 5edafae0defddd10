import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate, writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { saveVersionedRow } from "@/lib/versioning";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { clearedOnProblem } from "./rules";
import {
  CreateWasteContainerSchema,
  CreateWastePointSchema,
  RecordWasteClearanceSchema,
  RetireWasteContainerSchema,
  SaveWasteStreamSchema,
  UpdateWastePointSchema,
} from "./schema";

const POINT_FIELDS = { name: true, location: true, active: true } as const;

async function assertPointNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.wasteCollectionPoint.findFirst({
    where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "waste.errors.pointNameTaken", "name");
}

/** §12.1: a sorting and collection point of a site. */
export const createWastePoint = defineMutation({
  name: "createWastePointAction",
  schema: CreateWastePointSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertPointNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "WasteCollectionPoint" }, (tx) =>
      tx.wasteCollectionPoint.create({
        data: { siteId: input.siteId, name: input.name, location: input.location ?? null },
        select: { id: true, ...POINT_FIELDS },
      }),
    );
  },
});

/** Renaming, moving or closing a point (its containers and the log stay). */
export const updateWastePoint = defineMutation({
  name: "updateWastePointAction",
  schema: UpdateWastePointSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.wasteCollectionPoint.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, ...POINT_FIELDS },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    await assertPointNameFree(before.siteId, input.name, before.id);
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "WasteCollectionPoint",
        edit: { model: "wasteCollectionPoint", version: input.version, labels: "waste.setup" },
      },
      before,
      (tx) =>
        tx.wasteCollectionPoint.update({
          where: { id: before.id },
          data: { name: input.name, location: input.location ?? null, active: input.active },
          select: { id: true, ...POINT_FIELDS },
        }),
    );
  },
});

/** §12.1–12.2: a dedicated container of one stream at an open point. */
export const createWasteContainer = defineMutation({
  name: "createWasteContainerAction",
  schema: CreateWasteContainerSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const point = await db.wasteCollectionPoint.findFirst({
      where: { id: input.pointId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, active: true },
    });
    if (!point) throw new DomainError("not_found", "errors.not_found");
    if (!point.active) throw new DomainError("invalid", "waste.errors.pointClosed", "pointId");
    const clash = await db.wasteContainer.findFirst({ where: { pointId: point.id, label: input.label }, select: { id: true } });
    if (clash) throw new DomainError("conflict", "waste.errors.containerLabelTaken", "label");
    return auditedCreate(db, { actorId: actor.id, siteId: point.siteId, entity: "WasteContainer" }, (tx) =>
      tx.wasteContainer.create({
        data: { pointId: point.id, siteId: point.siteId, stream: input.stream, label: input.label },
        select: { id: true, pointId: true, stream: true, label: true, active: true },
      }),
    );
  },
});

/** A container taken away: it no longer puts its stream in use. Guarded, once. */
export const retireWasteContainer = defineMutation({
  name: "retireWasteContainerAction",
  schema: RetireWasteContainerSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const container = await db.wasteContainer.findFirst({
      where: { id: input.containerId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true },
    });
    if (!container) throw new DomainError("not_found", "errors.not_found");
    return db.$transaction(async (tx) => {
      const { count } = await tx.wasteContainer.updateMany({ where: { id: container.id, active: true }, data: { active: false } });
      if (count !== 1) throw new DomainError("conflict", "waste.errors.containerRetired");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: container.siteId,
        entity: "WasteContainer",
        entityId: container.id,
        action: "UPDATE",
        before: { active: true },
        after: { active: false },
      });
      return { id: container.id };
    });
  },
});

/**
 * R-WST-1: the owner and clearance period of a stream at a site. The first save makes the row (version
 * 0 → 1); later saves claim the version the form was loaded with.
 */
export const saveWasteStream = defineMutation({
  name: "saveWasteStreamAction",
  schema: SaveWasteStreamSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const key = { siteId_stream: { siteId: input.siteId, stream: input.stream } };
    const data = { responsible: input.responsible, responsibleName: input.responsibleName ?? null, clearanceDays: input.clearanceDays };
    return db.$transaction(async (tx) => {
      const before = await tx.wasteStreamSetting.findUnique({
        where: key,
        select: { responsible: true, responsibleName: true, clearanceDays: true },
      });
      const version = await saveVersionedRow(before !== null, input.version, {
        create: () => tx.wasteStreamSetting.create({ data: { siteId: input.siteId, stream: input.stream, ...data, version: 1 } }),
        update: () =>
          tx.wasteStreamSetting.updateMany({
            where: { siteId: input.siteId, stream: input.stream, version: input.version },
            data: { ...data, version: { increment: 1 } },
          }),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: input.siteId,
        entity: "WasteStreamSetting",
        entityId: `${input.siteId}:${input.stream}`,
        action: before ? "UPDATE" : "CREATE",
        before: before ? { ...before, version: input.version } : null,
        after: { ...data, version },
      });
      return { id: input.stream, version };
    });
  },
});

/**
 * R-WST-2/3: a clearance of a stream, with the receipt photo when the collector gave one. A double tap
 * or a replayed request records it once.
 */
export const recordWasteClearance = defineMutation({
  name: "recordWasteClearanceAction",
  schema: RecordWasteClearanceSchema,
  successKey: "waste.clearance.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const made = await db.wasteClearance.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, recordedById: true },
        });
        return made && { madeById: made.recordedById, result: { id: made.id } };
      },
      create: async () => {
        const site = await db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { timeZone: true } });
        const problem = clearedOnProblem(input.clearedOn, localDateInZone(new Date(), site.timeZone));
        if (problem) throw new DomainError("invalid", `waste.errors.clearedOn_${problem}`, "clearedOn");
        return db.$transaction(async (tx) => {
          const clearance = await tx.wasteClearance.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              stream: input.stream,
              clearedOn: dateColumn(input.clearedOn),
              quantity: input.quantity,
              unit: input.unit,
              takenBy: input.takenBy,
              receiptFileId: input.receiptFileId ?? null,
              note: input.note ?? null,
              recordedById: actor.id,
            },
            select: { id: true },
          });
          if (input.receiptFileId)
            await claimFiles(tx, {
              actor,
              siteId: input.siteId,
              entity: "WASTE_CLEARANCE",
              entityId: clearance.id,
              kinds: ["PHOTO"],
              files: { receiptFileId: [input.receiptFileId] },
            });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "WasteClearance",
            entityId: clearance.id,
            action: "CREATE",
            after: {
              stream: input.stream,
              clearedOn: input.clearedOn,
              quantity: input.quantity,
              unit: input.unit,
              takenBy: input.takenBy,
              receiptFileId: input.receiptFileId ?? null,
              note: input.note ?? null,
            },
          });
          return clearance;
        });
      },
    });
  },
});
