import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone, type Calendar } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { deadlineState } from "@/lib/complaints/rules";
import { db } from "@/lib/db";
import { sitesInDetail } from "@/lib/many-sites";
import { sitesWith } from "@/lib/registry/site.store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BY_SITE, countLimit, oneOf, paged, param, type PageRequest, type RawParams } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { DEFAULT_REVISIT_WORKING_DAYS } from "./rules";
import { ORDER_STATES } from "./schema";
import { containsText } from "@/lib/text-search";

export const REVISIT_FILTERS = ["overdue", "open"] as const;
export type RevisitFilter = (typeof REVISIT_FILTERS)[number];

export interface OrderFilter {
  q?: string;
  site?: string;
  state?: (typeof ORDER_STATES)[number];
  /** "overdue": open revisits past their deadline; "open": every open revisit. */
  revisit?: RevisitFilter;
}

/** The list's GET params, read defensively: anything unknown is no filter. */
export function parseOrderFilter(sp: RawParams): OrderFilter {
  return {
    q: param(sp.q, 50),
    site: param(sp.site, 50),
    state: oneOf(ORDER_STATES, sp.state),
    revisit: oneOf(REVISIT_FILTERS, sp.revisit),
  };
}

/**
 * The phone revisit's deadline state (R-CMP-5's states, shown the same way as complaint deadlines).
 * Its deadline counts working days (R-SVC-2), so "due soon" counts working days too: the complaint
 * rules' working-day kind.
 */
export function revisitState(calendar: Calendar, dueAt: Date, revisitedAt: Date | null, now: Date) {
  return deadlineState(calendar, dueAt, revisitedAt, now, "rectification");
}

/** An open revisit past its deadline (the condition the list puts first). */
const overdueRevisit = (now: Date): Prisma.SpecialServiceOrderWhereInput => ({
  state: "DONE",
  revisitedAt: null,
  revisitDueAt: { lt: now },
});

const LIST_SELECT = {
  id: true,
  siteId: true,
  state: true,
  serviceName: true,
  agreedPriceFen: true,
  scheduledAt: true,
  doneAt: true,
  noticeNumber: true,
  noticeDeliveredAt: true,
  revisitDueAt: true,
  revisitDueProvisional: true,
  revisitedAt: true,
  site: { select: { code: true, name: true, timeZone: true } },
  tenant: { select: { name: true } },
  unit: { select: { code: true } },
} as const satisfies Prisma.SpecialServiceOrderSelect;

/**
 * Orders of the user's sites filtered by state in SQL, overdue revisits first (oldest deadline first,
 * index siteId/state/revisitDueAt), then the rest by appointment, newest first (index
 * siteId/state/scheduledAt). Pages run across the two parts; the rest's count is capped.
 */
export async function listServiceOrders(filter: OrderFilter, page: PageRequest) {
  const actor = await requirePermission("service:read");
  const sites = siteScope(actor, filter.site);
  const now = new Date();
  const conditions: Prisma.SpecialServiceOrderWhereInput[] = [{ siteId: { in: sites } }];
  if (filter.state) conditions.push({ state: filter.state });
  if (filter.revisit === "overdue") conditions.push(overdueRevisit(now));
  if (filter.revisit === "open") conditions.push({ state: "DONE", revisitedAt: null });
  if (filter.q)
    conditions.push({
      OR: [{ noticeNumber: { startsWith: filter.q.toUpperCase() } }, { tenant: { name: containsText(filter.q) } }],
    });
  const overdueWhere: Prisma.SpecialServiceOrderWhereInput = { AND: [...conditions, overdueRevisit(now)] };
  const restWhere: Prisma.SpecialServiceOrderWhereInput = { AND: [...conditions, { NOT: overdueRevisit(now) }] };

  const [overdueCount, restCount, calendars] = await Promise.all([
    db.specialServiceOrder.count({ where: overdueWhere }),
    db.specialServiceOrder.count({ where: restWhere, orderBy: BY_SITE, take: countLimit(page) }),
    loadSiteCalendars(sites),
  ]);
  const fromOverdue =
    page.skip < overdueCount
      ? await db.specialServiceOrder.findMany({
          where: overdueWhere,
          select: LIST_SELECT,
          orderBy: [{ revisitDueAt: "asc" }, { id: "asc" }],
          skip: page.skip,
          take: page.take,
        })
      : [];
  const restTake = page.take - fromOverdue.length;
  const fromRest =
    restTake > 0
      ? await db.specialServiceOrder.findMany({
          where: restWhere,
          select: LIST_SELECT,
          orderBy: [{ scheduledAt: "desc" }, { id: "asc" }],
          skip: Math.max(0, page.skip - overdueCount),
          take: restTake,
        })
      : [];
  const rows = [...fromOverdue, ...fromRest].map((r) => {
    const calendar = calendars.get(r.siteId);
    const tz = r.site.timeZone;
    return {
      ...r,
      scheduledLocal: formatInZone(r.scheduledAt, tz),
      doneLocal: r.doneAt ? formatInZone(r.doneAt, tz) : null,
      revisit:
        r.revisitDueAt && calendar
          ? {
              dueLocal: formatInZone(r.revisitDueAt, tz),
              state: revisitState(calendar, r.revisitDueAt, r.revisitedAt, now),
              provisional: r.revisitDueProvisional,
            }
          : null,
    };
  });
  // The rest's count stopped at countLimit (pagination.COUNT_CAP): shown as "1000+".
  const capped = restCount >= countLimit(page);
  return paged(rows, overdueCount + (capped ? restCount - 1 : restCount), page, capped);
}

export type ServiceOrderRow = Awaited<ReturnType<typeof listServiceOrders>>["rows"][number];

/** One order with its whole history; another site's order is "not found" (null). */
export async function getServiceOrder(id: string) {
  const actor = await requirePermission("service:read");
  const o = await db.specialServiceOrder.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      state: true,
      serviceName: true,
      agreedPriceFen: true,
      scheduledAt: true,
      details: true,
      orderedById: true,
      createdAt: true,
      doneAt: true,
      performedBy: true,
      doneNotes: true,
      photoFileIds: true,
      doneRecordedById: true,
      noticeNumber: true,
      noticeDeliveredAt: true,
      noticeDeliveredTo: true,
      noticeDeliveredById: true,
      revisitDueAt: true,
      revisitDueProvisional: true,
      revisitedAt: true,
      revisitById: true,
      revisitContact: true,
      revisitSatisfaction: true,
      revisitAnswer: true,
      cancelledAt: true,
      cancelReason: true,
      service: { select: { unitLabel: true } },
      site: { select: { code: true, name: true, address: true, timeZone: true } },
      tenant: {
        select: {
          name: true,
          // Confidential (§1.9): the phone to call back only for roles that may read contacts.
          contacts: roleHas(actor.role, "tenant:contact:read")
            ? { select: { name: true, phone: true }, orderBy: { isPrimary: "desc" }, take: 1 }
            : false,
        },
      },
      unit: { select: { code: true, building: true, floor: true } },
    },
  });
  if (!o) return null;
  const staffIds = [o.orderedById, o.doneRecordedById, o.noticeDeliveredById, o.revisitById].filter((x): x is string => !!x);
  const [staff, calendars] = await Promise.all([
    db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }),
    loadSiteCalendars([o.siteId]),
  ]);
  const nameOf = (userId: string | null) => staff.find((s) => s.id === userId)?.name ?? null;
  const tz = o.site.timeZone;
  const fmt = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  const calendar = calendars.get(o.siteId);
  return {
    ...o,
    contact: o.tenant.contacts?.[0] ?? null,
    names: {
      orderedBy: nameOf(o.orderedById),
      doneRecordedBy: nameOf(o.doneRecordedById),
      noticeDeliveredBy: nameOf(o.noticeDeliveredById),
      revisitBy: nameOf(o.revisitById),
    },
    local: {
      scheduledAt: fmt(o.scheduledAt),
      createdAt: fmt(o.createdAt),
      doneAt: fmt(o.doneAt),
      noticeDeliveredAt: fmt(o.noticeDeliveredAt),
      revisitDueAt: fmt(o.revisitDueAt),
      revisitedAt: fmt(o.revisitedAt),
      cancelledAt: fmt(o.cancelledAt),
      doneDate: o.doneAt && calendar ? calendar.localDateOf(o.doneAt) : null,
    },
    revisitState: o.revisitDueAt && calendar ? revisitState(calendar, o.revisitDueAt, o.revisitedAt, new Date()) : null,
  };
}

export type ServiceOrderDetail = NonNullable<Awaited<ReturnType<typeof getServiceOrder>>>;

/** The catalogue of the user's sites (withdrawn services too) with each site's revisit setting. */
export async function listCatalogue(filter: { site?: string } = {}) {
  const actor = await requirePermission("service:catalogue");
  // A user of many sites (lib/many-sites.ts) sees each site's counts until one is chosen: fifty sites'
  // service and settings forms were 170 KB a view.
  const { site, shown } = sitesInDetail(filter.site, actor.siteIds);
  const [sites, services, counts, settings] = await Promise.all([
    sitesWith(actor.siteIds, "id", "name", "code"),
    db.specialService.findMany({
      where: { siteId: { in: shown } },
      select: { id: true, siteId: true, name: true, unitLabel: true, priceFen: true, description: true, active: true, version: true },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
    db.specialService.groupBy({ by: ["siteId", "active"], where: { siteId: { in: actor.siteIds } }, _count: { _all: true } }),
    db.specialServiceSetting.findMany({
      where: { siteId: { in: actor.siteIds } },
      select: { siteId: true, revisitWorkingDays: true, version: true },
    }),
  ]);
  const count = (siteId: string, active?: boolean) =>
    counts.filter((c) => c.siteId === siteId && (active === undefined || c.active === active)).reduce((n, c) => n + c._count._all, 0);
  return {
    site,
    sites: sites.map((s) => ({
      ...s,
      revisitWorkingDays: settings.find((x) => x.siteId === s.id)?.revisitWorkingDays ?? DEFAULT_REVISIT_WORKING_DAYS,
      settingsVersion: settings.find((x) => x.siteId === s.id)?.version ?? 0,
      serviceCount: count(s.id),
      activeCount: count(s.id, true),
      /** The site's services, or null where they are not shown (many sites, another chosen). */
      services: shown.includes(s.id) ? services.filter((x) => x.siteId === s.id) : null,
    })),
  };
}

/** What the order form offers: the user's sites with their time zone and the services they offer now. */
export async function orderFormOptions() {
  const actor = await requirePermission("service:order");
  const sites = await db.site.findMany({
    where: { id: { in: actor.siteIds } },
    select: {
      id: true,
      name: true,
      timeZone: true,
      specialServices: {
        where: { active: true },
        select: { id: true, name: true, unitLabel: true, priceFen: true },
        orderBy: { name: "asc" },
      },
    },
    orderBy: { code: "asc" },
  });
  return { sites };
}
