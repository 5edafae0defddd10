import "server-only";
import type { AuditChange } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/guard";
import { endOfLocalDayInZone, isValidLocalDate, startOfLocalDayInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { BY_SITE, countLimit, oneOf, pagedCapped, type PageRequest } from "@/lib/pagination";
import { seesAllSites } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { currentLocale, translator } from "@/lib/i18n/server";
import { ENTITY_MODELS, fieldLabel, formatAuditValue, formatInstant, linkedModelOf, recordHref, type LinkedModel } from "./format";

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
  "SurveyQuestionnaire",
  "SurveyRound",
  "SurveyResponse",
  "SurveyOpinionItem",
] as const;
const ACTIONS = Object.values(AuditAction);
const DEFAULT_ZONE = "Asia/Shanghai";

/**
 * The audit trail, newest first. Managers see their sites' rows; the system admin also sees
 * company-wide rows (accounts, sites). Read-only: there is no action that edits or deletes a row.
 */
export async function listAuditLogs(
  filter: { site?: string; entity?: string; action?: string; q?: string; actor?: string; from?: string; to?: string },
  page: PageRequest,
) {
  const actor = await requirePermission("audit:read");
  const sites = siteScope(actor, filter.site);
  // Date filters are local days of the site (R-CAL-2 style), never the server's zone.
  const zone = (await sitesWith(sites, "timeZone"))[0]?.timeZone ?? DEFAULT_ZONE;
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
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
  // The total is capped (pagination.COUNT_CAP): an exact count read the whole trail, a million rows
  // on three years of fifty sites, on every view.
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      select: {
        id: true,
        at: true,
        entity: true,
        entityId: true,
        action: true,
        changes: true,
        actor: { select: { id: true, name: true } },
        site: { select: { code: true, name: true, timeZone: true } },
      },
      orderBy: { at: "desc" },
      skip: page.skip,
      take: page.take,
    }),
    db.auditLog.count({ where, orderBy: BY_SITE, take: countLimit(page) }),
  ]);
  const locale = await currentLocale();
  const translate = translator(locale);
  const t = (key: string, values?: Record<string, string | number>) => translate(key, values);
  const has = (key: string) => translate(key) !== key;
  const names = await resolveNames(rows);
  return pagedCapped(
    rows.map((r) => {
      const timeZone = r.site?.timeZone ?? zone;
      const ctx = { entity: r.entity, t, has, timeZone, locale, names };
      const changes = r.changes as Record<string, AuditChange>;
      const entityModel = ENTITY_MODELS[r.entity];
      return {
        id: r.id.toString(),
        at: r.at,
        localAt: formatInstant(r.at, timeZone, locale),
        actor: r.actor,
        site: r.site,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        record: {
          label: (entityModel && names.get(`${entityModel}:${r.entityId}`)) ?? null,
          href: r.action === "DELETE" ? null : recordHref(r.entity, r.entityId),
        },
        changes: Object.entries(changes)
          .filter(([field]) => field !== "id")
          .map(([field, change]) => ({
            field,
            label: fieldLabel(field, t, has),
            redacted: "redacted" in change,
            // A new record has no "before" worth reading.
            before: "redacted" in change || r.action === "CREATE" ? null : formatAuditValue(field, change.before, ctx),
            after: "redacted" in change ? null : formatAuditValue(field, change.after, ctx),
          })),
      };
    }),
    total,
    page,
  );
}

/** The people who appear in the trail of the user's sites, for the "by person" filter. */
export async function auditActors() {
  const actor = await requirePermission("audit:read");
  // From the people, each with an EXISTS on the (actorId, at) index: Prisma's `distinct` over the
  // trail read every row of it (a million on three years of fifty sites) to drop the repeats.
  const people = await db.user.findMany({
    where: {
      auditLogs: { some: { OR: [{ siteId: { in: actor.siteIds } }, ...(seesAllSites(actor.role) ? [{ siteId: null }] : [])] } },
    },
    select: { id: true, name: true },
    take: 500,
  });
  return people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

/** One query per model for every id the page shows: the records' own names and the ids in their changes. */
async function resolveNames(rows: { entity: string; entityId: string; changes: unknown }[]): Promise<Map<string, string>> {
  const wanted = new Map<LinkedModel, Set<string>>();
  const want = (model: LinkedModel | undefined, id: unknown) => {
    if (!model || typeof id !== "string" || !id) return;
    if (!wanted.has(model)) wanted.set(model, new Set());
    wanted.get(model)!.add(id);
  };
  for (const r of rows) {
    want(ENTITY_MODELS[r.entity], r.entityId);
    for (const [field, change] of Object.entries(r.changes as Record<string, AuditChange>)) {
      if ("redacted" in change) continue;
      want(linkedModelOf(field), change.before);
      want(linkedModelOf(field), change.after);
    }
  }
  const ids = (m: LinkedModel) => ({ in: [...(wanted.get(m) ?? [])] });
  const named = (rows: { id: string; name: string | null }[]) => rows.map((r) => [r.id, r.name ?? ""] as const);
  const lookups: Record<LinkedModel, () => Promise<(readonly [string, string])[]>> = {
    user: async () => named(await db.user.findMany({ where: { id: ids("user") }, select: { id: true, name: true } })),
    department: async () => named(await db.department.findMany({ where: { id: ids("department") }, select: { id: true, name: true } })),
    unit: async () =>
      (await db.unit.findMany({ where: { id: ids("unit") }, select: { id: true, code: true } })).map((u) => [u.id, u.code] as const),
    tenant: async () => named(await db.tenant.findMany({ where: { id: ids("tenant") }, select: { id: true, name: true } })),
    area: async () => named(await db.area.findMany({ where: { id: ids("area") }, select: { id: true, name: true } })),
    site: async () => named(await sitesWith(ids("site").in, "id", "name")),
    cleaner: async () => named(await db.cleaner.findMany({ where: { id: ids("cleaner") }, select: { id: true, name: true } })),
    complaint: async () =>
      (await db.complaint.findMany({ where: { id: ids("complaint") }, select: { id: true, number: true } })).map(
        (c) => [c.id, c.number] as const,
      ),
    workOrder: async () =>
      (await db.workOrder.findMany({ where: { id: ids("workOrder") }, select: { id: true, number: true } })).map(
        (w) => [w.id, w.number] as const,
      ),
    goodsPass: async () =>
      (await db.goodsPass.findMany({ where: { id: ids("goodsPass") }, select: { id: true, number: true } })).map(
        (g) => [g.id, g.number ?? ""] as const,
      ),
    signatory: async () =>
      named(await db.authorisedSignatory.findMany({ where: { id: ids("signatory") }, select: { id: true, name: true } })),
    newspaperTitle: async () =>
      named(await db.newspaperTitle.findMany({ where: { id: ids("newspaperTitle") }, select: { id: true, name: true } })),
  };
  const found = await Promise.all(
    [...wanted.keys()].map(async (m) => (await lookups[m]()).map(([id, name]) => [`${m}:${id}`, name] as const)),
  );
  return new Map(found.flat().filter(([, name]) => name));
}
