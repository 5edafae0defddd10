import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { CreateUnitSchema, UpdateUnitSchema } from "./unit.schema";

const AUDITED = { code: true, building: true, floor: true, areaSqm: true, status: true, tenantId: true } as const;

/** A tenant named in a unit must belong to the same site (ids from another site are forged input). */
async function assertTenantInSite(tenantId: string | null | undefined, siteId: string) {
  if (!tenantId) return;
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, siteId }, select: { id: true } });
  if (!tenant) throw new DomainError("invalid", "units.errors.tenantNotFound", "tenantId");
}

/** The whitelisted, writable fields of a unit. */
function unitData(input: z.output<typeof UpdateUnitSchema> | z.output<typeof CreateUnitSchema>) {
  return {
    code: input.code,
    building: input.building,
    floor: input.floor,
    areaSqm: input.areaSqm ?? null,
    status: input.status,
    tenantId: input.tenantId ?? null,
  };
}

async function assertCodeFree(siteId: string, code: string, exceptId?: string) {
  const clash = await db.unit.findFirst({ where: { siteId, code, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new DomainError("conflict", "units.errors.codeTaken", "code");
}

export const createUnit = defineMutation({
  name: "createUnitAction",
  schema: CreateUnitSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertTenantInSite(input.tenantId, input.siteId);
    await assertCodeFree(input.siteId, input.code);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "Unit" }, async (tx) => {
      const unit = await tx.unit.create({
        data: { siteId: input.siteId, ...unitData(input) },
        select: { id: true, ...AUDITED },
      });
      // The vacant-unit schedule (R-VAC-1) is rebuilt from this history: its first row is the unit's start.
      await tx.unitStatusChange.create({ data: { unitId: unit.id, status: unit.status, changedById: actor.id } });
      return unit;
    });
  },
});

export const updateUnit = defineMutation({
  name: "updateUnitAction",
  schema: UpdateUnitSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.unit.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, ...AUDITED },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    await assertTenantInSite(input.tenantId, before.siteId);
    await assertCodeFree(before.siteId, input.code, before.id);
    return auditedUpdate(
      db,
      { actorId: actor.id, siteId: before.siteId, entity: "Unit", edit: { model: "unit", version: input.version, labels: "units" } },
      before,
      async (tx) => {
        const unit = await tx.unit.update({
          where: { id: before.id },
          data: unitData(input),
          select: { id: true, ...AUDITED },
        });
        // R-VAC-1: a unit that becomes occupied leaves the vacant schedule, one that becomes vacant joins it.
        if (unit.status !== before.status)
          await tx.unitStatusChange.create({ data: { unitId: unit.id, status: unit.status, changedById: actor.id } });
        return unit;
      },
    );
  },
});
