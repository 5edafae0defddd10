import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { DEPARTMENT_KINDS } from "./department.schema";
import { containsText } from "@/lib/text-search";

export async function listDepartments(filter: { q?: string; site?: string; kind?: string }, page: PageRequest) {
  const actor = await requirePermission("department:read");
  const where: Prisma.DepartmentWhereInput = {
    siteId: { in: siteScope(actor, filter.site) },
    kind: oneOf(DEPARTMENT_KINDS, filter.kind),
    ...(filter.q ? { name: containsText(filter.q) } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.department.findMany({
      where,
      select: { id: true, name: true, kind: true, contactName: true, contactPhone: true, site: { select: { code: true } } },
      orderBy: [{ siteId: "asc" }, { kind: "asc" }, { name: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.department.count({ where }),
  ]);
  return paged(rows, total, page);
}

export async function getDepartment(id: string) {
  const actor = await requirePermission("department:read");
  return db.department.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: { id: true, version: true, siteId: true, name: true, kind: true, contactName: true, contactPhone: true },
  });
}
