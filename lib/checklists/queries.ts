import "server-only";
import { AREA_TYPES } from "@/lib/registry/area.schema";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";

/**
 * Per area type: the current checklist with its items, its version, and how many checks (of the
 * manager's sites) were made with it and with older versions.
 */
export async function listChecklistTemplates() {
  const actor = await requirePermission("template:manage");
  const [current, usage, templates] = await Promise.all([
    db.checklistTemplate.findMany({
      where: { current: true },
      select: {
        id: true,
        areaType: true,
        version: true,
        createdAt: true,
        items: { select: { id: true, position: true, label: true, equipment: true }, orderBy: { position: "asc" } },
      },
    }),
    db.inspection.groupBy({ by: ["templateId"], where: { siteId: { in: actor.siteIds } }, _count: { _all: true } }),
    db.checklistTemplate.findMany({ select: { id: true, areaType: true } }),
  ]);
  const typeOf = new Map(templates.map((t) => [t.id, t.areaType]));
  return AREA_TYPES.map((areaType) => {
    const template = current.find((t) => t.areaType === areaType) ?? null;
    let checksWithCurrent = 0;
    let checksWithOlder = 0;
    for (const u of usage) {
      if (typeOf.get(u.templateId) !== areaType) continue;
      if (u.templateId === template?.id) checksWithCurrent += u._count._all;
      else checksWithOlder += u._count._all;
    }
    return { areaType, template, checksWithCurrent, checksWithOlder };
  });
}
