import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { diffDays, formatInZone, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { WORK_ORDER_STATES } from "./schema";
import { containsText } from "@/lib/text-search";

/** Whole local days (site time) from creation until verification, or until today while unverified. */
function ageInDays(createdAt: Date, verifiedAt: Date | null, timeZone: string, now: Date) {
  return diffDays(localDateInZone(createdAt, timeZone), localDateInZone(verifiedAt ?? now, timeZone));
}

/**
 * Work orders of the user's sites, filtered and paginated in SQL: open ones first, then fixed, then
 * verified (the enum's order), each oldest first, so what has waited longest is on top.
 */
export async function listWorkOrders(filter: { q?: string; site?: string; state?: string }, page: PageRequest) {
  const actor = await requirePermission("workorder:read");
  const where: Prisma.WorkOrderWhereInput = {
    siteId: { in: siteScope(actor, filter.site) },
    state: oneOf(WORK_ORDER_STATES, filter.state), // undefined (unknown or none): no filter
    ...(filter.q
      ? {
          OR: [{ number: containsText(filter.q) }, { description: containsText(filter.q) }, { area: { name: containsText(filter.q) } }],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.workOrder.findMany({
      where,
      select: {
        id: true,
        number: true,
        state: true,
        description: true,
        createdAt: true,
        verifiedAt: true,
        sentBackCount: true,
        complaintId: true,
        site: { select: { code: true, name: true, timeZone: true } },
        area: { select: { name: true, building: true, floor: true } },
      },
      orderBy: [{ state: "asc" }, { createdAt: "asc" }, { number: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.workOrder.count({ where }),
  ]);
  const now = new Date();
  return paged(
    rows.map((r) => ({
      ...r,
      ageDays: ageInDays(r.createdAt, r.verifiedAt, r.site.timeZone, now),
      createdLocal: formatInZone(r.createdAt, r.site.timeZone),
    })),
    total,
    page,
  );
}

/** One work order with its photos, the inspection that found it and who did what; another site's is null. */
export async function getWorkOrder(id: string) {
  const actor = await requirePermission("workorder:read");
  const wo = await db.workOrder.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      number: true,
      siteId: true,
      state: true,
      description: true,
      photoFileIds: true,
      createdAt: true,
      createdById: true,
      fixedAt: true,
      fixedById: true,
      fixNote: true,
      verifiedAt: true,
      verifiedById: true,
      sentBackCount: true,
      sentBackNote: true,
      complaintId: true,
      site: { select: { code: true, name: true, timeZone: true } },
      area: { select: { name: true, building: true, floor: true } },
      result: {
        select: {
          note: true,
          item: { select: { label: true } },
          inspection: { select: { id: true, checkedAt: true, supervisor: { select: { name: true } } } },
        },
      },
    },
  });
  if (!wo) return null;
  const peopleIds = [...new Set([wo.createdById, wo.fixedById, wo.verifiedById].filter((x): x is string => !!x))];
  const [people, complaint] = await Promise.all([
    db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } }),
    wo.complaintId ? db.complaint.findUnique({ where: { id: wo.complaintId }, select: { id: true, number: true } }) : null,
  ]);
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
  const tz = wo.site.timeZone;
  const fmt = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  return {
    ...wo,
    ageDays: ageInDays(wo.createdAt, wo.verifiedAt, tz, new Date()),
    createdBy: nameOf(wo.createdById),
    fixedBy: nameOf(wo.fixedById),
    verifiedBy: nameOf(wo.verifiedById),
    complaint: complaint ? { ...complaint, mayOpen: roleHas(actor.role, "complaint:read") } : null,
    inspection: wo.result
      ? {
          id: wo.result.inspection.id,
          item: wo.result.item.label,
          note: wo.result.note,
          supervisor: wo.result.inspection.supervisor.name,
          checkedAt: fmt(wo.result.inspection.checkedAt),
        }
      : null,
    local: { createdAt: fmt(wo.createdAt), fixedAt: fmt(wo.fixedAt), verifiedAt: fmt(wo.verifiedAt) },
  };
}

export type WorkOrderDetail = NonNullable<Awaited<ReturnType<typeof getWorkOrder>>>;
