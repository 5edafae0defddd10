import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { dateColumn, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { reportDb } from "@/lib/db";
import { isMonth, monthRange, recentMonths, tenantFigures, titleFigures, type DeliverySum } from "./report.rules";

/** Months offered by the selector. */
const REPORT_MONTHS = 12;

export interface NewspaperReportFilter {
  site?: string;
  month?: string;
}

/**
 * The monthly newspaper report of one site — per title (R-NEWS-1 receipt against the
 * R-NEWS-2/3 deliveries, days that do not reconcile, days not closed) and per tenant. The month is the
 * site's local month: NewspaperDay.date is already the site-local date. Sums are grouped in SQL; the
 * queries do not depend on the number of days, titles or tenants.
 */
export async function newspaperMonthlyReport(filter: NewspaperReportFilter, now = new Date()) {
  const actor = await requirePermission("newspaper:report");
  // Another site's report does not exist for this user.
  if (filter.site && !actor.siteIds.includes(filter.site)) throw new AccessError("not_found");
  const sites = await reportDb.site.findMany({
    where: { id: { in: actor.siteIds } },
    select: { id: true, code: true, name: true, timeZone: true },
    orderBy: { code: "asc" },
  });
  const site = sites.find((s) => s.id === filter.site) ?? sites[0];
  if (!site) throw new AccessError("not_found");
  const today = localDateInZone(now, site.timeZone);
  const month = isMonth(filter.month) ? filter.month : today.slice(0, 7);
  const { from, to } = monthRange(month);
  const inMonth = { siteId: site.id, date: { gte: dateColumn(from), lte: dateColumn(to) } };

  const [titles, days, lines, byDay, byTenant] = await Promise.all([
    reportDb.newspaperTitle.findMany({
      where: { siteId: site.id },
      select: { id: true, name: true, active: true },
      orderBy: { name: "asc" },
    }),
    reportDb.newspaperDay.findMany({ where: inMonth, select: { id: true, date: true, closedAt: true } }),
    reportDb.newspaperReceiptLine.findMany({
      where: { day: inMonth },
      select: { dayId: true, titleId: true, received: true, expected: true, returned: true },
    }),
    reportDb.newspaperDelivery.groupBy({
      by: ["dayId", "titleId", "state"],
      where: { siteId: site.id, day: inMonth },
      _sum: { copies: true },
    }),
    reportDb.newspaperDelivery.groupBy({
      by: ["tenantId", "titleId", "state"],
      where: { siteId: site.id, day: inMonth },
      _sum: { copies: true },
    }),
  ]);

  const dayList = days.map((d) => ({ id: d.id, date: localDateOfColumn(d.date), closed: d.closedAt !== null }));
  const dayOf = new Map(dayList.map((d) => [d.id, d]));
  const lineRows = lines.map((l) => ({ ...l, date: dayOf.get(l.dayId)!.date, closed: dayOf.get(l.dayId)!.closed }));
  const copies = (r: { _sum: { copies: number | null } }) => r._sum.copies ?? 0;
  const dayStateSums: DeliverySum[] = byDay.map((r) => ({ key: r.dayId, titleId: r.titleId, state: r.state, copies: copies(r) }));
  const tenantStateSums: DeliverySum[] = byTenant.map((r) => ({ key: r.tenantId, titleId: r.titleId, state: r.state, copies: copies(r) }));

  const titleName = new Map(titles.map((t) => [t.id, t.name]));
  const byName = (a: string, b: string) => a.localeCompare(b, "zh-CN");
  const perTitle = titleFigures(lineRows, dayStateSums, dayList).sort((a, b) =>
    byName(titleName.get(a.titleId) ?? "", titleName.get(b.titleId) ?? ""),
  );
  const perTenantRaw = tenantFigures(tenantStateSums);
  const tenants = await reportDb.tenant.findMany({
    where: { id: { in: perTenantRaw.map((t) => t.tenantId) }, siteId: site.id },
    select: { id: true, name: true },
  });
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));

  return {
    sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    site: { id: site.id, code: site.code, name: site.name },
    month,
    months: recentMonths(today, REPORT_MONTHS),
    from,
    to,
    days: dayList.length,
    openDays: dayList.filter((d) => !d.closed).length,
    titles: perTitle.map((t) => ({ ...t, name: titleName.get(t.titleId) ?? "" })),
    tenants: perTenantRaw
      .map((t) => ({ ...t, name: tenantName.get(t.tenantId) ?? "", titles: t.titleIds.map((id) => titleName.get(id) ?? "").sort() }))
      .sort((a, b) => byName(a.name, b.name)),
  };
}

export type NewspaperMonthlyReport = Awaited<ReturnType<typeof newspaperMonthlyReport>>;
