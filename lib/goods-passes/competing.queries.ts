import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { formatWindow } from "./queries";
import { earliestOpenStart } from "./rules";

/**
 * R-GP-5 for the one who stamps: the other unstamped passes on the same route whose windows overlap
 * this one's. Only one of them can be stamped; the others must be moved or refused. Empty when the
 * pass is not pending or not of the user's sites.
 */
export async function competingPasses(passId: string) {
  const actor = await requirePermission("goodspass:stamp");
  const pass = await db.goodsPass.findFirst({
    where: { id: passId, siteId: { in: actor.siteIds }, state: "PENDING" },
    select: { id: true, routeId: true, windowStart: true, windowEnd: true },
  });
  if (!pass) return [];
  const rows = await db.goodsPass.findMany({
    where: {
      routeId: pass.routeId,
      id: { not: pass.id },
      state: "PENDING",
      windowStart: { lt: pass.windowEnd, gte: earliestOpenStart(pass.windowStart) },
      windowEnd: { gt: pass.windowStart },
    },
    select: {
      id: true,
      windowStart: true,
      windowEnd: true,
      createdAt: true,
      tenant: { select: { name: true } },
      unit: { select: { code: true } },
      site: { select: { timeZone: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    tenant: r.tenant.name,
    unit: r.unit.code,
    window: formatWindow({ start: r.windowStart, end: r.windowEnd }, r.site.timeZone),
  }));
}
