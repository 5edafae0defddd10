import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { CreateSiteSchema, UpdateSiteSchema } from "./site.schema";

const AUDITED = {
  name: true,
  address: true,
  timeZone: true,
  slot1Start: true,
  slot1End: true,
  slot2Start: true,
  slot2End: true,
  inspectOnWeekends: true,
} as const;

function siteData(input: z.output<typeof UpdateSiteSchema>) {
  return {
    name: input.name,
    address: input.address ?? null,
    timeZone: input.timeZone,
    slot1Start: input.slot1Start,
    slot1End: input.slot1End,
    slot2Start: input.slot2Start,
    slot2End: input.slot2End,
    inspectOnWeekends: input.inspectOnWeekends,
  };
}

export const createSite = defineMutation({
  name: "createSiteAction",
  schema: CreateSiteSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    if (await db.site.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw new DomainError("conflict", "sites.errors.codeTaken", "code");
    return auditedCreate(db, { actorId: actor.id, siteId: null, entity: "Site" }, (tx) =>
      tx.site.create({
        data: { code: input.code, ...siteData({ ...input, id: "", version: 0 }) },
        select: { id: true, code: true, ...AUDITED },
      }),
    );
  },
});

export const updateSite = defineMutation({
  name: "updateSiteAction",
  schema: UpdateSiteSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.site.findFirst({
      where: { AND: [{ id: input.id }, { id: { in: actor.siteIds } }] },
      select: { id: true, ...AUDITED },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    return auditedUpdate(
      db,
      { actorId: actor.id, siteId: before.id, entity: "Site", edit: { model: "site", version: input.version, labels: "sites" } },
      before,
      (tx) => tx.site.update({ where: { id: before.id }, data: siteData(input), select: { id: true, ...AUDITED } }),
    );
  },
});
