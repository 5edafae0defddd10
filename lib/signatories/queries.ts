import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { dateColumn, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { roleHas } from "@/lib/permissions";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { SIGNATORY_STATUSES, type SignatoryStatus } from "./schema";
import { containsText } from "@/lib/text-search";

/** R-GP-2: a signatory may sign on `today` (the site's local date) when valid that day and not revoked. */
export function activeOn(today: string): Prisma.AuthorisedSignatoryWhereInput {
  const day = dateColumn(today);
  return { revokedAt: null, validFrom: { lte: day }, validTo: { gte: day } };
}

function statusOf(s: { revokedAt: Date | null; validFrom: Date; validTo: Date }, today: string): SignatoryStatus {
  if (s.revokedAt) return "REVOKED";
  const day = dateColumn(today).getTime();
  // Not yet valid counts as not active either; the list shows it with its dates.
  return s.validFrom.getTime() <= day && s.validTo.getTime() >= day ? "ACTIVE" : "EXPIRED";
}

/** A signatory's phone is a contact detail (§1.9): only roles holding tenant:contact:read read it, or search by it. */
export function seesContacts(actor: { role: Parameters<typeof roleHas>[0] }): boolean {
  return roleHas(actor.role, "tenant:contact:read");
}

/** The tenant's signatories valid today in the site's time zone, for the goods-pass form (R-GP-2). */
export async function activeSignatories(tenantId: string) {
  const actor = await requirePermission("signatory:read");
  const tenant = await db.tenant.findFirst({
    where: { id: tenantId, siteId: { in: actor.siteIds } },
    select: { site: { select: { timeZone: true } } },
  });
  if (!tenant) return [];
  const today = localDateInZone(new Date(), tenant.site.timeZone);
  const rows = await db.authorisedSignatory.findMany({
    where: { tenantId, ...activeOn(today) },
    select: { id: true, name: true, position: true, phone: seesContacts(actor), specimenFileId: true, validTo: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ ...r, phone: r.phone ?? null, validTo: localDateOfColumn(r.validTo) }));
}

/** The registry: signatories of the user's sites, by tenant, searchable by tenant or person, paginated in SQL. */
export async function listSignatories(filter: { q?: string; site?: string; status?: string }, page: PageRequest) {
  const actor = await requirePermission("signatory:read");
  const sites = siteScope(actor, filter.site);
  const zones = await sitesWith(sites, "id", "timeZone");
  const now = new Date();
  const todayOf = new Map(zones.map((s) => [s.id, localDateInZone(now, s.timeZone)]));
  const status = oneOf(SIGNATORY_STATUSES, filter.status) ?? null;
  // Each site has its own "today"; a status filter is one OR branch per site.
  const statusWhere = (siteId: string): Prisma.AuthorisedSignatoryWhereInput => {
    const day = dateColumn(todayOf.get(siteId)!);
    if (status === "ACTIVE") return { siteId, ...activeOn(todayOf.get(siteId)!) };
    if (status === "REVOKED") return { siteId, revokedAt: { not: null } };
    return { siteId, revokedAt: null, OR: [{ validFrom: { gt: day } }, { validTo: { lt: day } }] };
  };
  const where: Prisma.AuthorisedSignatoryWhereInput = {
    siteId: { in: sites },
    ...(status ? { OR: sites.map(statusWhere) } : {}),
    ...(filter.q
      ? {
          AND: [
            {
              OR: [
                { name: containsText(filter.q) },
                ...(seesContacts(actor) ? [{ phone: { contains: filter.q } }] : []),
                { tenant: { name: containsText(filter.q) } },
              ],
            },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.authorisedSignatory.findMany({
      where,
      select: {
        id: true,
        siteId: true,
        name: true,
        position: true,
        phone: seesContacts(actor),
        certificateFileId: true,
        specimenFileId: true,
        validFrom: true,
        validTo: true,
        revokedAt: true,
        tenant: { select: { name: true } },
        site: { select: { name: true } },
      },
      orderBy: [{ tenant: { name: "asc" } }, { name: "asc" }, { createdAt: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.authorisedSignatory.count({ where }),
  ]);
  return paged(
    rows.map((r) => ({
      ...r,
      phone: r.phone ?? null,
      validFrom: localDateOfColumn(r.validFrom),
      validTo: localDateOfColumn(r.validTo),
      status: statusOf(r, todayOf.get(r.siteId)!),
    })),
    total,
    page,
  );
}
