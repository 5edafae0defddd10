import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { diffDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { siteScope } from "@/lib/registry/site.queries";

/** How many of the oldest unfinished work orders the dashboard card names. */
export const OPEN_WORK_ORDERS_SHOWN = 5;

/**
 * R-INS-5 on the managers' dashboard: the work orders engineering has not finished (open, or fixed and
 * waiting for the supervisor's check), oldest first, each with its age in whole local days of its site;
 * of the reader's sites or the dashboard's site.
 */
export async function openWorkOrderAges(filter: { site?: string } = {}) {
  const actor = await requirePermission("workorder:read");
  const where = { siteId: { in: siteScope(actor, filter.site) }, state: { in: ["OPEN" as const, "FIXED" as const] } };
  const [rows, open, fixed] = await Promise.all([
    db.workOrder.findMany({
      where,
      select: {
        id: true,
        number: true,
        state: true,
        description: true,
        createdAt: true,
        site: { select: { name: true, timeZone: true } },
        area: { select: { name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { number: "asc" }],
      take: OPEN_WORK_ORDERS_SHOWN,
    }),
    db.workOrder.count({ where: { ...where, state: "OPEN" } }),
    db.workOrder.count({ where: { ...where, state: "FIXED" } }),
  ]);
  const now = new Date();
  return {
    open,
    fixed,
    oldest: rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      description: r.description,
      site: r.site.name,
      area: r.area.name,
      ageDays: diffDays(localDateInZone(r.createdAt, r.site.timeZone), localDateInZone(now, r.site.timeZone)),
    })),
  };
}
