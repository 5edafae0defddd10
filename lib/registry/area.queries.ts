import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { AREA_TYPES } from "./area.schema";
import { containsText } from "@/lib/text-search";

export async function listAreas(filter: { q?: string; site?: string; type?: string }, page: PageRequest) {
  const actor = await requirePermission("area:read");
  const where: Prisma.AreaWhereInput = {
    siteId: { in: siteScope(actor, filter.site) },
    type: oneOf(AREA_TYPES, filter.type),
    ...(filter.q ? { name: containsText(filter.q) } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.area.findMany({
      where,
      select: { id: true, name: true, type: true, building: true, floor: true, active: true, site: { select: { code: true } } },
      orderBy: [{ siteId: "asc" }, { building: "asc" }, { floor: "asc" }, { name: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.area.count({ where }),
  ]);
  return paged(rows, total, page);
}

export async function getArea(id: string) {
  const actor = await requirePermission("area:read");
  return db.area.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: { id: true, version: true, siteId: true, name: true, type: true, building: true, floor: true, active: true },
  });
}
