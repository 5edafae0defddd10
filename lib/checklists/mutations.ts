import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import { staleRefusal } from "@/lib/versioning";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { SaveChecklistTemplateSchema } from "./schema";

/**
 * A checklist is never edited in place: saving makes version N+1 of the area type's template the
 * current one, and the checks already made keep the version (and items) they were made with. The
 * template's version number is also the form's version: a list edited from version N while N+1 was
 * saved meanwhile is refused as stale (naming who saved it and when), never silently replaced.
 */
export const saveChecklistTemplate = defineMutation({
  name: "saveChecklistTemplateAction",
  schema: SaveChecklistTemplateSchema,
  successKey: "checklists.saved",
  async run(actor: Actor, input) {
    return db.$transaction(async (tx) => {
      // Two managers saving the same type at once: the second waits and becomes the next version.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checklist-template:${input.areaType}`}))`;
      const previous = await tx.checklistTemplate.findFirst({
        where: { areaType: input.areaType },
        orderBy: { version: "desc" },
        select: { id: true, version: true, createdAt: true, createdById: true },
      });
      if ((previous?.version ?? 0) !== input.version) {
        if (!previous || input.version > previous.version) throw new DomainError("stale", "errors.staleVersion", "version");
        const who = previous.createdById ? await tx.user.findUnique({ where: { id: previous.createdById }, select: { name: true } }) : null;
        throw await staleRefusal(tx, {
          who: who?.name ?? null,
          at: previous.createdAt,
          siteId: null,
          fields: ["items"],
          labels: "checklists",
        });
      }
      await tx.checklistTemplate.updateMany({ where: { areaType: input.areaType, current: true }, data: { current: false } });
      const template = await tx.checklistTemplate.create({
        data: {
          areaType: input.areaType,
          version: (previous?.version ?? 0) + 1,
          current: true,
          createdById: actor.id,
          items: { create: input.items.map((item, position) => ({ position, label: item.label, equipment: item.equipment })) },
        },
        select: { id: true, version: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "ChecklistTemplate",
        entityId: template.id,
        action: "CREATE",
        after: {
          areaType: input.areaType,
          version: template.version,
          previousVersion: previous?.version ?? null,
          items: input.items.map((item) => `${item.label}${item.equipment ? "（设备）" : ""}`),
        },
      });
      return template;
    });
  },
});
