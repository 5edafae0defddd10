import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { UNIT_STATUSES } from "./unit.schema";
import { containsText } from "@/lib/text-search";

export async function listUnits(filter: { q?: string; site?: string; status?: string }, page: PageRequest) {
  const actor = await requirePermission("unit:read");
  const where: Prisma.UnitWhereInput = {
    siteId: { in: siteScope(actor, filter.site) },
    status: oneOf(UNIT_STATUSES, filter.status),
    ...(filter.q
      ? {
          OR: [{ code: containsText(filter.q) }, { building: containsText(filter.q) }, { tenant: { name: containsText(filter.q) } }],
        }
      : {}),
  };
  const [rows, total] = await db.$transaction([
    db.unit.findMany({
      where,
      select: {
        id: true,
        code: true,
        building: true,
        floor: true,
        status: true,
        areaSqm: true,
        site: { select: { code: true } },
        tenant: { select: { name: true } },
      },
      orderBy: [{ siteId: "asc" }, { code: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.unit.count({ where }),
  ]);
  return paged(
    rows.map((r) => ({ ...r, areaSqm: r.areaSqm ? Number(r.areaSqm) : null })),
    total,
    page,
  );
}

/** One unit for its edit form; a unit of another site is "not found". */
export async function getUnit(id: string) {
  const actor = await requirePermission("unit:read");
  const unit = await db.unit.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      version: true,
      siteId: true,
      code: true,
      building: true,
      floor: true,
      areaSqm: true,
      status: true,
      tenantId: true,
      tenant: { select: { name: true } },
    },
  });
  return unit ? { ...unit, areaSqm: unit.areaSqm ? Number(unit.areaSqm) : null } : null;
}
