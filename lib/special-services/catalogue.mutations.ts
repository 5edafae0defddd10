import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { saveVersionedRow } from "@/lib/versioning";
import { DEFAULT_REVISIT_WORKING_DAYS } from "./rules";
import { CreateSpecialServiceSchema, UpdateServiceSettingsSchema, UpdateSpecialServiceSchema } from "./schema";

const AUDITED = { name: true, unitLabel: true, priceFen: true, description: true, active: true } as const;

async function assertNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.specialService.findFirst({
    where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "specialServices.errors.nameTaken", "name");
}

/** R-SVC-1: a paid service of the site's catalogue with its price (exact fen). */
export const createSpecialService = defineMutation({
  name: "createSpecialServiceAction",
  schema: CreateSpecialServiceSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "SpecialService" }, (tx) =>
      tx.specialService.create({
        data: {
          siteId: input.siteId,
          name: input.name,
          unitLabel: input.unitLabel,
          priceFen: input.price,
          description: input.description ?? null,
        },
        select: { id: true, ...AUDITED },
      }),
    );
  },
});

/** A new price, name or description, or the service withdrawn; orders keep the price agreed when ordered. */
export const updateSpecialService = defineMutation({
  name: "updateSpecialServiceAction",
  schema: UpdateSpecialServiceSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.specialService.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, ...AUDITED },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    await assertNameFree(before.siteId, input.name, before.id);
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "SpecialService",
        edit: { model: "specialService", version: input.version, labels: "specialServices.catalogue" },
      },
      before,
      (tx) =>
        tx.specialService.update({
          where: { id: before.id },
          data: {
            name: input.name,
            unitLabel: input.unitLabel,
            priceFen: input.price,
            description: input.description ?? null,
            active: input.active,
          },
          select: { id: true, ...AUDITED },
        }),
    );
  },
});

/** R-SVC-2: the site's number of working days for the phone revisit; applies to services done from now on. */
export const updateServiceSettings = defineMutation({
  name: "updateServiceSettingsAction",
  schema: UpdateServiceSettingsSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return db.$transaction(async (tx) => {
      const before = await tx.specialServiceSetting.findUnique({ where: { siteId: input.siteId }, select: { revisitWorkingDays: true } });
      const version = await saveVersionedRow(before !== null, input.version, {
        create: () =>
          tx.specialServiceSetting.create({ data: { siteId: input.siteId, revisitWorkingDays: input.revisitWorkingDays, version: 1 } }),
        update: () =>
          tx.specialServiceSetting.updateMany({
            where: { siteId: input.siteId, version: input.version },
            data: { revisitWorkingDays: input.revisitWorkingDays, version: { increment: 1 } },
          }),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: input.siteId,
        entity: "SpecialServiceSetting",
        entityId: input.siteId,
        action: before ? "UPDATE" : "CREATE",
        before: { revisitWorkingDays: before?.revisitWorkingDays ?? DEFAULT_REVISIT_WORKING_DAYS },
        after: { revisitWorkingDays: input.revisitWorkingDays },
      });
      return { siteId: input.siteId, version };
    });
  },
});
