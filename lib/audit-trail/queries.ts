import "server-only";
import type { AuditChange } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/guard";
import { endOfLocalDayInZone, formatInZone, isValidLocalDate, startOfLocalDayInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { seesAllSites } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";

export const AUDIT_ENTITIES = [
  "Site",
  "Area",
  "Unit",
  "Tenant",
  "Department",
  "User",
  "CalendarOverride",
  "OfficialCalendarYear",
  "Complaint",
  "StoredFile",
  "Inspection",
  "WorkOrder",
  "AuthorisedSignatory",
  "GoodsPass",
  "ChecklistTemplate",
  "NewspaperTitle",
  "NewspaperSubscription",
  "NewspaperDay",
  "NewspaperDelivery",
  "Cleaner",
  "VacantCleaningRecord",
  "MeetingSeries",
  "Meeting",
  "LeaveRequest",
  "MeetingActionItem",
  "MeetingAmendment",
] as const;
const ACTIONS = Object.values(AuditAction);
const DEFAULT_ZONE = "Asia/Shanghai";

/**
 * The audit trail, newest first. Managers see their sites' rows; the system admin also sees
 * company-wide rows (accounts, sites). Read-only: there is no action that edits or deletes a row.
 */
export async function listAuditLogs(
  filter: { site?: string; entity?: string; action?: string; q?: string; from?: string; to?: string },
  page: PageRequest,
) {
  const actor = await requirePermission("audit:read");
  const sites = siteScope(actor, filter.site);
  // Date filters are local days of the site (R-CAL-2 style), never the server's zone.
  const zone = (await db.site.findFirst({ where: { id: { in: sites } }, select: { timeZone: true } }))?.timeZone ?? DEFAULT_ZONE;
  const from = isValidLocalDate(filter.from) ? startOfLocalDayInZone(filter.from, zone) : undefined;
  const to = isValidLocalDate(filter.to) ? endOfLocalDayInZone(filter.to, zone) : undefined;
  const where: Prisma.AuditLogWhereInput = {
    // Company-wide rows: the admin sees all of them; managers see the national holiday tables they enter.
    ...(filter.site
      ? { siteId: { in: sites } }
      : {
          OR: [{ siteId: { in: sites } }, seesAllSites(actor.role) ? { siteId: null } : { siteId: null, entity: "OfficialCalendarYear" }],
        }),
    // Prisma leaves out a condition whose value is undefined: an unknown choice is no filter.
    entity: oneOf(AUDIT_ENTITIES, filter.entity),
    action: oneOf(ACTIONS, filter.action),
    ...(filter.q ? { entityId: filter.q } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.auditLog.findMany({
      where,
      select: {
        id: true,
        at: true,
        entity: true,
        entityId: true,
        action: true,
        changes: true,
        actor: { select: { name: true, username: true } },
        site: { select: { code: true, timeZone: true } },
      },
      orderBy: { at: "desc" },
      skip: page.skip,
      take: page.take,
    }),
    db.auditLog.count({ where }),
  ]);
  return paged(
    rows.map((r) => ({
      ...r,
      id: r.id.toString(),
      localAt: formatInZone(r.at, r.site?.timeZone ?? zone),
      changes: r.changes as Record<string, AuditChange>,
    })),
    total,
    page,
  );
}
