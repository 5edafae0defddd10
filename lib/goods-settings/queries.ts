import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";

/** The settings page: the company-wide hazard list (R-GP-4) and the loading routes of the user's sites (R-GP-5). */
export async function goodsSettings() {
  const actor = await requirePermission("goodspass:settings");
  const [terms, hazardList, sites] = await Promise.all([
    db.hazardTerm.findMany({ select: { term: true }, orderBy: [{ createdAt: "asc" }, { term: "asc" }] }),
    db.hazardTermList.findUnique({ where: { id: "company" }, select: { version: true } }),
    db.site.findMany({
      where: { id: { in: actor.siteIds } },
      select: {
        id: true,
        code: true,
        name: true,
        loadingRoutes: {
          select: { id: true, name: true, active: true, opensAt: true, closesAt: true, version: true },
          orderBy: [{ active: "desc" }, { name: "asc" }],
        },
      },
      orderBy: { code: "asc" },
    }),
  ]);
  return { terms: terms.map((t) => t.term), termsVersion: hazardList?.version ?? 0, sites };
}
