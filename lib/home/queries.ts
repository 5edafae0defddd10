import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { roleHas } from "@/lib/permissions";

/** Per-site counts for the home pages: one grouped query per table, never a query per site. */
export async function homeSummary() {
  const actor: Actor = await requirePermission("home:view");
  const siteIds = actor.siteIds;
  const [sites, unitsByStatus, areaCount, tenantCount] = await Promise.all([
    sitesWith(siteIds, "id", "code", "name", "timeZone"),
    db.unit.groupBy({ by: ["siteId", "status"], where: { siteId: { in: siteIds } }, _count: { _all: true } }),
    roleHas(actor.role, "area:read")
      ? db.area.groupBy({ by: ["siteId"], where: { siteId: { in: siteIds }, active: true }, _count: { _all: true } })
      : [],
    roleHas(actor.role, "tenant:read")
      ? db.tenant.groupBy({ by: ["siteId"], where: { siteId: { in: siteIds } }, _count: { _all: true } })
      : [],
  ]);
  return sites.map((site) => ({
    ...site,
    units: Object.fromEntries(unitsByStatus.filter((u) => u.siteId === site.id).map((u) => [u.status, u._count._all])) as Record<
      string,
      number
    >,
    areas: areaCount.find((a) => a.siteId === site.id)?._count._all ?? null,
    tenants: tenantCount.find((a) => a.siteId === site.id)?._count._all ?? null,
  }));
}

/** The admin's view: accounts by role and how many are disabled. */
export async function accountSummary() {
  await requirePermission("user:manage");
  const rows = await db.user.groupBy({ by: ["role", "disabled"], _count: { _all: true } });
  return rows.map((r) => ({ role: r.role, disabled: r.disabled, count: r._count._all }));
}

/** The newest audit rows of the user's sites (managers' home). */
export async function recentAudit(limit = 8) {
  const actor = await requirePermission("audit:read");
  return db.auditLog.findMany({
    where: { siteId: { in: actor.siteIds } },
    select: {
      id: true,
      at: true,
      entity: true,
      action: true,
      actor: { select: { name: true } },
      site: { select: { code: true, timeZone: true } },
    },
    orderBy: { at: "desc" },
    take: limit,
  });
}
