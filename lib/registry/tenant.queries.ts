import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paged, type PageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { containsText } from "@/lib/text-search";

/**
 * Tenants of the user's sites. Contact names and phones are confidential (§1.9): they are selected only
 * for roles holding tenant:contact:read, so they never reach other roles' pages at all.
 */
export async function listTenants(filter: { q?: string; site?: string }, page: PageRequest) {
  const actor = await requirePermission("tenant:read");
  const seesContacts = roleHas(actor.role, "tenant:contact:read");
  const where: Prisma.TenantWhereInput = {
    siteId: { in: siteScope(actor, filter.site) },
    ...(filter.q
      ? {
          OR: [
            { name: containsText(filter.q) },
            { units: { some: { code: containsText(filter.q) } } },
            ...(seesContacts ? [{ contacts: { some: { phone: { contains: filter.q } } } }] : []),
          ],
        }
      : {}),
  };
  const [rows, total] = await db.$transaction([
    db.tenant.findMany({
      where,
      select: {
        id: true,
        name: true,
        site: { select: { code: true } },
        units: { select: { code: true }, orderBy: { code: "asc" } },
        contacts: seesContacts ? { select: { name: true, phone: true, position: true }, orderBy: { isPrimary: "desc" } } : false,
      },
      orderBy: [{ siteId: "asc" }, { name: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.tenant.count({ where }),
  ]);
  return { ...paged(rows, total, page), seesContacts };
}

export async function getTenant(id: string) {
  const actor = await requirePermission("tenant:read");
  const seesContacts = roleHas(actor.role, "tenant:contact:read");
  return db.tenant.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      name: true,
      notes: true,
      version: true,
      contacts: seesContacts
        ? { select: { id: true, name: true, position: true, phone: true }, orderBy: [{ isPrimary: "desc" }, { id: "asc" }] }
        : false,
    },
  });
}

/** Options for a tenant picker within one site (names only). */
export async function tenantOptions(siteIds: string[]) {
  await requirePermission("unit:read");
  return db.tenant.findMany({
    where: { siteId: { in: siteIds } },
    select: { id: true, name: true, siteId: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Type-ahead for forms (complaints, goods passes): tenants of one site by name, unit number, or —
 * only for roles allowed to read contacts — phone. Returns at most 10, with their units.
 */
export async function searchTenants(siteId: string, q: string) {
  const actor = await requirePermission("tenant:read");
  if (!actor.siteIds.includes(siteId) || q.trim().length === 0) return [];
  const term = q.trim().slice(0, 50);
  const seesContacts = roleHas(actor.role, "tenant:contact:read");
  return db.tenant.findMany({
    where: {
      siteId,
      OR: [
        { name: containsText(term) },
        { units: { some: { code: containsText(term) } } },
        ...(seesContacts ? [{ contacts: { some: { phone: { contains: term } } } }] : []),
      ],
    },
    select: { id: true, name: true, units: { select: { id: true, code: true }, orderBy: { code: "asc" } } },
    orderBy: { name: "asc" },
    take: 10,
  });
}
