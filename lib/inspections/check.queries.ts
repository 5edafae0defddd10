import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";

/**
 * One submitted check with its results, for the supervisor and the manager to review: every item,
 * the failed ones first with their note, photos and work order (R-INS-3, R-INS-5); who checked and when.
 * Null outside the user's sites.
 */
export async function getInspectionCheck(id: string) {
  const actor = await requirePermission("inspection:read");
  const check = await db.inspection.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      periodKey: true,
      checkedAt: true,
      failures: true,
      site: { select: { name: true, timeZone: true } },
      area: { select: { id: true, name: true, building: true, floor: true } },
      supervisor: { select: { name: true } },
      template: { select: { version: true } },
      results: {
        select: {
          id: true,
          result: true,
          note: true,
          photoFileIds: true,
          item: { select: { position: true, label: true, equipment: true } },
          workOrder: { select: { id: true, number: true } },
        },
      },
    },
  });
  if (!check) return null;
  const results = check.results.toSorted(
    (a, b) => Number(b.result === "FAIL") - Number(a.result === "FAIL") || a.item.position - b.item.position,
  );
  return {
    id: check.id,
    periodKey: check.periodKey,
    checkedLocal: formatInZone(check.checkedAt, check.site.timeZone),
    failures: check.failures,
    site: check.site.name,
    area: check.area,
    supervisor: check.supervisor.name,
    templateVersion: check.template.version,
    results: results.map((r) => ({
      id: r.id,
      failed: r.result === "FAIL",
      label: r.item.label,
      equipment: r.item.equipment,
      note: r.note,
      photoFileIds: r.photoFileIds,
      workOrder: r.workOrder,
    })),
  };
}
