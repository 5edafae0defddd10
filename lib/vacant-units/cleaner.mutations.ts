import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { AssignCleanerSchema, CLEANING_SIDE, CreateCleanerSchema, UpdateCleanerSchema } from "./schema";

const AUDITED = { name: true, company: true, phone: true, active: true } as const;

async function assertNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.cleaner.findFirst({ where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new DomainError("conflict", "vacant.errors.cleanerNameTaken", "name");
}

/** A cleaner of a site, often a contractor's employee without an account (R-VAC-1). */
export const createCleaner = defineMutation({
  name: "createCleanerAction",
  schema: CreateCleanerSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "Cleaner" }, (tx) =>
      tx.cleaner.create({
        data: { siteId: input.siteId, name: input.name, company: input.company ?? null, phone: input.phone ?? null },
        select: { id: true, ...AUDITED },
      }),
    );
  },
});

/** Renaming, contact data, or leaving (inactive): records keep their cleaner. */
export const updateCleaner = defineMutation({
  name: "updateCleanerAction",
  schema: UpdateCleanerSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.cleaner.findFirst({
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
        entity: "Cleaner",
        edit: { model: "cleaner", version: input.version, labels: "vacant.cleaners" },
      },
      before,
      (tx) =>
        tx.cleaner.update({
          where: { id: before.id },
          data: { name: input.name, company: input.company ?? null, phone: input.phone ?? null, active: input.active },
          select: { id: true, ...AUDITED },
        }),
    );
  },
});

/** R-VAC-1 (§8.1 "安排专人"): the dedicated cleaner of a vacant unit, an active cleaner of its site. */
export const assignUnitCleaner = defineMutation({
  name: "assignUnitCleanerAction",
  schema: AssignCleanerSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.unit.findFirst({
      where: { id: input.unitId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, status: true, cleanerId: true },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    if (input.cleanerId) {
      if (before.status !== "VACANT") throw new DomainError("invalid", "vacant.errors.notVacantNow", "cleanerId");
      const cleaner = await db.cleaner.findFirst({
        where: { id: input.cleanerId, siteId: before.siteId, active: true, ...CLEANING_SIDE },
        select: { id: true },
      });
      if (!cleaner) throw new DomainError("invalid", "vacant.errors.cleanerNotFound", "cleanerId");
    }
    const { status: _status, ...snapshot } = before;
    return auditedUpdate(db, { actorId: actor.id, siteId: before.siteId, entity: "Unit" }, snapshot, (tx) =>
      tx.unit.update({ where: { id: before.id }, data: { cleanerId: input.cleanerId }, select: { id: true, cleanerId: true } }),
    );
  },
});
