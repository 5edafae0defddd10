import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { CreateDepartmentSchema, UpdateDepartmentSchema } from "./department.schema";

const AUDITED = { name: true, kind: true, contactName: true, contactPhone: true } as const;

/** (site, name) is unique: say so under the name field rather than as a bare conflict. */
async function assertNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.department.findFirst({
    where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "departments.errors.nameTaken", "name");
}

export const createDepartment = defineMutation({
  name: "createDepartmentAction",
  schema: CreateDepartmentSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "Department" }, (tx) =>
      tx.department.create({
        data: {
          siteId: input.siteId,
          name: input.name,
          kind: input.kind,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
        },
        select: { id: true, ...AUDITED },
      }),
    );
  },
});

export const updateDepartment = defineMutation({
  name: "updateDepartmentAction",
  schema: UpdateDepartmentSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.department.findFirst({
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
        entity: "Department",
        edit: { model: "department", version: input.version, labels: "departments" },
      },
      before,
      (tx) =>
        tx.department.update({
          where: { id: before.id },
          data: { name: input.name, kind: input.kind, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null },
          select: { id: true, ...AUDITED },
        }),
    );
  },
});
