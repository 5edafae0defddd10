import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { sitesInDetail } from "@/lib/many-sites";

/**
 * The settings page: the company-wide hazard list (R-GP-4) and the loading routes of the user's sites
 * (R-GP-5). A user of many sites (lib/many-sites.ts) with none chosen gets each site's number of routes and
 * no route forms (fifty sites' forms were 660 KB a view); `site` (one of theirs) shows that site's routes.
 */
export async function goodsSettings(filter: { site?: string } = {}) {
  const actor = await requirePermission("goodspass:settings");
  const { site, shown: detailed } = sitesInDetail(filter.site, actor.siteIds);
  const [terms, hazardList, sites, routes] = await Promise.all([
    db.hazardTerm.findMany({ select: { term: true }, orderBy: [{ createdAt: "asc" }, { term: "asc" }] }),
    db.hazardTermList.findUnique({ where: { id: "company" }, select: { version: true } }),
    db.site.findMany({
      where: { id: { in: actor.siteIds } },
      select: { id: true, code: true, name: true, _count: { select: { loadingRoutes: true } } },
      orderBy: { code: "asc" },
    }),
    db.loadingRoute.findMany({
      where: { siteId: { in: detailed } },
      select: { id: true, siteId: true, name: true, active: true, opensAt: true, closesAt: true, version: true },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
  ]);
  return {
    terms: terms.map((t) => t.term),
    termsVersion: hazardList?.version ?? 0,
    /** The chosen site, if any. */
    site,
    /** Every site of the user with its number of routes; `loadingRoutes` is null where they are not shown. */
    sites: sites.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      routeCount: s._count.loadingRoutes,
      loadingRoutes: detailed.includes(s.id) ? routes.filter((r) => r.siteId === s.id) : null,
    })),
  };
}
