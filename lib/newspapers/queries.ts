import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { dateColumn, formatInZone, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesOf } from "@/lib/registry/site.queries";
import { distributionOrder, reconcileDifference, suggestedReturned, tallyDeliveries } from "./rules";

/** The user's sites and the one shown (`?site=` when it is one of theirs, else the first). */
export async function newspaperSites(requested?: string) {
  const actor = await requirePermission("newspaper:read");
  const sites = await sitesOf(actor);
  const site = sites.find((s) => s.id === requested) ?? sites[0] ?? null;
  return { actor, sites, site, today: site ? localDateInZone(new Date(), site.timeZone) : null };
}

/** What the receipt form offers: the site's active titles and the copies the day's subscriptions expect. */
export async function receiptFormTitles(siteId: string, date: string) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return [];
  const on = dateColumn(date);
  const [titles, subs] = await Promise.all([
    db.newspaperTitle.findMany({ where: { siteId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.newspaperSubscription.groupBy({
      by: ["titleId"],
      where: { siteId, title: { active: true }, startsOn: { lte: on }, OR: [{ endsOn: null }, { endsOn: { gte: on } }] },
      _sum: { copies: true },
    }),
  ]);
  const expected = new Map(subs.map((s) => [s.titleId, s._sum.copies ?? 0]));
  return titles.map((t) => ({ ...t, expected: expected.get(t.id) ?? 0 }));
}

/**
 * One day of one site as the front desk works it: the receipt lines with their reconciliation, the
 * distribution list (deliveries in building / floor / unit order) and who did what. Null when the day
 * has no receipt yet, or the site is not the user's. Tenants are names only (contacts are confidential).
 */
export async function getNewspaperDay(siteId: string, date: string) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return null;
  const day = await db.newspaperDay.findUnique({
    where: { siteId_date: { siteId, date: dateColumn(date) } },
    select: {
      id: true,
      date: true,
      courierName: true,
      receivedById: true,
      receivedAt: true,
      receiptSignatureFileId: true,
      handedOverAt: true,
      handedOverById: true,
      deliveryStaffName: true,
      closedAt: true,
      closedById: true,
      site: { select: { id: true, code: true, name: true, timeZone: true } },
      lines: { select: { titleId: true, received: true, expected: true, returned: true, title: { select: { name: true } } } },
      deliveries: {
        select: {
          id: true,
          titleId: true,
          tenantId: true,
          unitId: true,
          copies: true,
          state: true,
          recipientName: true,
          signatureFileId: true,
          deliveredAt: true,
          heldAt: true,
          pickedUpAt: true,
          pickupName: true,
          pickupSignatureFileId: true,
          title: { select: { name: true } },
          subscription: { select: { tenant: { select: { name: true } }, unit: { select: { code: true, building: true, floor: true } } } },
        },
      },
    },
  });
  if (!day) return null;
  const tz = day.site.timeZone;
  const local = (at: Date | null) => (at ? formatInZone(at, tz) : null);
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [day.receivedById, day.handedOverById, day.closedById].filter((x): x is string => !!x) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const deliveries = distributionOrder(
    day.deliveries.map((d) => ({
      id: d.id,
      titleId: d.titleId,
      /** One stop on the round: a tenant at a unit signs once for all their titles (R-NEWS-3). */
      household: `${d.tenantId}|${d.unitId}`,
      titleName: d.title.name,
      tenantName: d.subscription.tenant.name,
      unitCode: d.subscription.unit.code,
      building: d.subscription.unit.building,
      floor: d.subscription.unit.floor,
      copies: d.copies,
      state: d.state,
      recipientName: d.recipientName,
      signatureFileId: d.signatureFileId,
      deliveredAt: local(d.deliveredAt),
      heldAt: local(d.heldAt),
      pickedUpAt: local(d.pickedUpAt),
      pickupName: d.pickupName,
      pickupSignatureFileId: d.pickupSignatureFileId,
    })),
  );
  const lines = day.lines
    .map((l) => {
      const tally = tallyDeliveries(day.deliveries.filter((d) => d.titleId === l.titleId));
      const returned = day.closedAt ? l.returned : suggestedReturned({ received: l.received, ...tally });
      return {
        titleId: l.titleId,
        titleName: l.title.name,
        received: l.received,
        expected: l.expected,
        shortfall: Math.max(0, l.expected - l.received),
        ...tally,
        // Before the close: the surplus that would make the title reconcile, as a suggestion for the count.
        returned,
        difference: day.closedAt
          ? reconcileDifference({ received: l.received, delivered: tally.delivered, held: tally.held, returned })
          : 0,
      };
    })
    .sort((a, b) => a.titleName.localeCompare(b.titleName, "zh-CN"));
  return {
    id: day.id,
    date: localDateOfColumn(day.date),
    site: day.site,
    courierName: day.courierName,
    receivedBy: people.get(day.receivedById) ?? null,
    receivedAt: local(day.receivedAt),
    receiptSignatureFileId: day.receiptSignatureFileId,
    handedOverAt: local(day.handedOverAt),
    handedOverBy: day.handedOverById ? (people.get(day.handedOverById) ?? null) : null,
    deliveryStaffName: day.deliveryStaffName,
    closedAt: local(day.closedAt),
    closedBy: day.closedById ? (people.get(day.closedById) ?? null) : null,
    lines,
    deliveries,
  };
}

export type NewspaperDayView = NonNullable<Awaited<ReturnType<typeof getNewspaperDay>>>;
export type DeliveryRow = NewspaperDayView["deliveries"][number];

/**
 * R-NEWS-3: papers held at the front desk and not yet picked up, oldest first, across days: one entry per
 * household and day (a tenant's titles were held together and are picked up with one signature).
 */
export async function heldPapers(siteId: string) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return [];
  const rows = await db.newspaperDelivery.findMany({
    where: { siteId, state: "HELD" },
    select: {
      id: true,
      dayId: true,
      tenantId: true,
      unitId: true,
      copies: true,
      heldAt: true,
      day: { select: { date: true } },
      title: { select: { name: true } },
      subscription: { select: { tenant: { select: { name: true } }, unit: { select: { code: true } } } },
    },
    orderBy: [{ day: { date: "asc" } }, { heldAt: "asc" }, { tenantId: "asc" }, { unitId: "asc" }, { id: "asc" }],
    take: 200,
  });
  const stops = new Map<
    string,
    { id: string; date: string; tenantName: string; unitCode: string; papers: { titleName: string; copies: number }[] }
  >();
  for (const r of rows) {
    const key = `${r.dayId}|${r.tenantId}|${r.unitId}`;
    const stop = stops.get(key) ?? {
      id: r.id,
      date: localDateOfColumn(r.day.date),
      tenantName: r.subscription.tenant.name,
      unitCode: r.subscription.unit.code,
      papers: [],
    };
    stop.papers.push({ titleName: r.title.name, copies: r.copies });
    stops.set(key, stop);
  }
  return [...stops.values()];
}

export type HeldStop = Awaited<ReturnType<typeof heldPapers>>[number];

/** Past days of a site, newest first, with their totals (to look back at any day). */
export async function listNewspaperDays(siteId: string, page: { skip: number; take: number }) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return { rows: [], total: 0 };
  const [days, total] = await Promise.all([
    db.newspaperDay.findMany({
      where: { siteId },
      select: {
        id: true,
        date: true,
        courierName: true,
        handedOverAt: true,
        closedAt: true,
        lines: { select: { received: true, expected: true, returned: true } },
      },
      orderBy: { date: "desc" },
      skip: page.skip,
      take: page.take,
    }),
    db.newspaperDay.count({ where: { siteId } }),
  ]);
  const ids = days.map((d) => d.id);
  const counts = await db.newspaperDelivery.groupBy({ by: ["dayId", "state"], where: { dayId: { in: ids } }, _sum: { copies: true } });
  const copiesOf = (dayId: string, states: string[]) =>
    counts.filter((c) => c.dayId === dayId && states.includes(c.state)).reduce((n, c) => n + (c._sum.copies ?? 0), 0);
  return {
    total,
    rows: days.map((d) => ({
      id: d.id,
      date: localDateOfColumn(d.date),
      courierName: d.courierName,
      handedOver: !!d.handedOverAt,
      closed: !!d.closedAt,
      received: d.lines.reduce((n, l) => n + l.received, 0),
      expected: d.lines.reduce((n, l) => n + l.expected, 0),
      returned: d.lines.reduce((n, l) => n + l.returned, 0),
      delivered: copiesOf(d.id, ["DELIVERED"]),
      held: copiesOf(d.id, ["HELD", "PICKED_UP"]),
      stillHeld: copiesOf(d.id, ["HELD"]),
      pending: copiesOf(d.id, ["PENDING"]),
    })),
  };
}

/** The titles of a site with how many subscriptions run today. */
export async function listTitles(siteId: string, today: string) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return [];
  const on = dateColumn(today);
  const titles = await db.newspaperTitle.findMany({
    where: { siteId },
    select: {
      id: true,
      version: true,
      name: true,
      publisher: true,
      active: true,
      _count: { select: { subscriptions: { where: { startsOn: { lte: on }, OR: [{ endsOn: null }, { endsOn: { gte: on } }] } } } },
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  return titles.map((t) => ({
    id: t.id,
    version: t.version,
    name: t.name,
    publisher: t.publisher,
    active: t.active,
    runningToday: t._count.subscriptions,
  }));
}

/** Subscriptions of a site, filtered by title / tenant, in building / floor / unit order (paged in SQL). */
export async function listSubscriptions(
  siteId: string,
  filter: { title?: string; tenant?: string; q?: string },
  page: { skip: number; take: number },
) {
  const actor = await requirePermission("newspaper:read");
  if (!actor.siteIds.includes(siteId)) return { rows: [], total: 0 };
  const where = {
    siteId,
    titleId: filter.title || undefined,
    tenantId: filter.tenant || undefined,
    tenant: filter.q ? { name: { contains: filter.q } } : undefined,
  };
  const [rows, total] = await Promise.all([
    db.newspaperSubscription.findMany({
      where,
      select: {
        id: true,
        version: true,
        copies: true,
        startsOn: true,
        endsOn: true,
        title: { select: { name: true } },
        tenant: { select: { name: true } },
        unit: { select: { code: true, building: true, floor: true } },
      },
      orderBy: [{ unit: { building: "asc" } }, { unit: { floor: "asc" } }, { unit: { code: "asc" } }, { title: { name: "asc" } }],
      skip: page.skip,
      take: page.take,
    }),
    db.newspaperSubscription.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      version: r.version,
      titleName: r.title.name,
      tenantName: r.tenant.name,
      unitCode: r.unit.code,
      building: r.unit.building,
      floor: r.unit.floor,
      copies: r.copies,
      startsOn: localDateOfColumn(r.startsOn),
      endsOn: r.endsOn ? localDateOfColumn(r.endsOn) : null,
    })),
  };
}

/** The subscription form's choices: titles, and tenants with their own occupied units at this site. */
export async function subscriptionFormOptions(siteId: string) {
  const actor = await requirePermission("newspaper:manage");
  if (!actor.siteIds.includes(siteId)) return { titles: [], tenants: [] };
  const [titles, tenants] = await Promise.all([
    db.newspaperTitle.findMany({ where: { siteId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.tenant.findMany({
      where: { siteId, units: { some: {} } },
      select: { id: true, name: true, units: { select: { id: true, code: true }, orderBy: { code: "asc" } } },
      orderBy: { name: "asc" },
    }),
  ]);
  return { titles, tenants };
}
