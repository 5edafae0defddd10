import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { CreateAreaSchema, UpdateAreaSchema } from "./area.schema";

const AUDITED = { name: true, type: true, building: true, floor: true, active: true } as const;

/** (site, building, floor, name) is unique: say so under the name field rather than as a bare conflict. */
async function assertNameFree(siteId: string, v: { building: string; floor: string; name: string }, exceptId?: string) {
  const clash = await db.area.findFirst({
    where: { siteId, building: v.building, floor: v.floor, name: v.name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "areas.errors.nameTaken", "name");
}

export const createArea = defineMutation({
  name: "createAreaAction",
  schema: CreateAreaSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertNameFree(input.siteId, input);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "Area" }, (tx) =>
      tx.area.create({
        data: {
          siteId: input.siteId,
          name: input.name,
          type: input.type,
          building: input.building,
          floor: input.floor,
          active: input.active,
        },
        select: { id: true, ...AUDITED },
      }),
    );
  },
});

export const updateArea = defineMutation({
  name: "updateAreaAction",
  schema: UpdateAreaSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.area.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, ...AUDITED },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    await assertNameFree(before.siteId, input, before.id);
    return auditedUpdate(
      db,
      { actorId: actor.id, siteId: before.siteId, entity: "Area", edit: { model: "area", version: input.version, labels: "areas" } },
      before,
      (tx) =>
        tx.area.update({
          where: { id: before.id },
          data: { name: input.name, type: input.type, building: input.building, floor: input.floor, active: input.active },
          select: { id: true, ...AUDITED },
        }),
    );
  },
});
