import "server-only";
import { versionedMemo } from "@/lib/cache-version";
import { addDays, dateColumn, endOfLocalDayInZone, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { requirePermission } from "@/lib/auth/guard";
import { cleaningSupervisionAlerts } from "@/lib/cleaning-supervision/dashboard.queries";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { dueForDisposalWhere } from "@/lib/found-items/due";
import { siteScope } from "@/lib/registry/site.queries";
import { streamStatusesOf } from "@/lib/waste/queries";
import { cateringCertificates } from "./certificates";
import { certificateState, weekStartOf, weeklyDocDeadline, weeklyDocState, type WeeklyDocKind } from "./rules";

/** The lines of the managers' contractors card, in the order shown; each is a count with the page that handles it. */
export const CONTRACTOR_ALERTS = [
  "missedSteps",
  "latePlans",
  "lateMenus",
  "lateSummaries",
  "expiredCertificates",
  "expiringCertificates",
  "openViolations",
  "overdueWaste",
  "dueFoundItems",
] as const;
export type ContractorAlert = (typeof CONTRACTOR_ALERTS)[number];

/** Where each line is handled, for one site. */
export function alertHref(alert: ContractorAlert, siteId: string): string {
  switch (alert) {
    case "missedSteps":
      return `/cleaning?site=${siteId}`;
    case "latePlans":
      return `/cleaning/plans?site=${siteId}`;
    case "lateMenus":
    case "lateSummaries":
      return `/contractors/canteen?site=${siteId}`;
    case "expiredCertificates":
    case "expiringCertificates":
      return "/contractors";
    case "openViolations":
      return "/contractors/violations?open=1";
    case "overdueWaste":
      return `/waste?site=${siteId}`;
    case "dueFoundItems":
      return `/found-items?state=DUE&site=${siteId}`;
  }
}

/**
 * Where each line is handled for all the reader's sites at once (the dashboard's company view), or
 * null where that page shows one site at a time (the cleaning supervisor's day and plans).
 */
export function companyAlertHref(alert: ContractorAlert): string | null {
  switch (alert) {
    case "missedSteps":
    case "latePlans":
      return null;
    case "lateMenus":
    case "lateSummaries":
      return "/contractors/canteen";
    case "overdueWaste":
      return "/waste";
    case "dueFoundItems":
      return "/found-items?state=DUE";
    case "expiredCertificates":
    case "expiringCertificates":
      return "/contractors";
    case "openViolations":
      return "/contractors/violations?open=1";
  }
}

/**
 * The managers' contractors card (issue 18 item 7), per site of the reader (or the dashboard's site):
 * today's missed cleaning-supervisor steps and the contractor's late or missing plans (R-CLN-1, read by
 * lib/cleaning-supervision/dashboard.queries.ts), this and last week's menus and weekly summaries late
 * or missing (R-CAT-1), catering staff whose 健康证 expired or expires within 30 days (§11.3(4)), open
 * violations awaiting the contractor's response (§6, §7), waste streams past their clearance period
 * (R-WST-2) and found items kept past their period (R-LOST-1). Each module's own rules decide; a fixed
 * number of queries whatever the number of sites.
 */
export async function contractorDashboard(filter: { site?: string }, now = new Date()) {
  const actor = await requirePermission("contractor:assessment");
  const siteIds = [...siteScope(actor, filter.site)].sort();
  if (siteIds.length === 0) return [];
  const { sites } = await cards.get(JSON.stringify(siteIds), () => countAlerts(siteIds, now), { at: now, untilOf: (card) => card.until });
  return sites;
}

/**
 * The card's counts kept in memory (lib/cache-version.ts versionedMemo, decision 026) per set of sites
 * while nothing behind them is written (the 'contractor' version, and the meetings', sites' and calendars')
 * and until the clock alone can change one: the earliest of the sites' day ends, the deadlines of the
 * supervisors' items and plans still open, and the weekly papers still pending. On fifty sites the card's
 * twelve statements and their rows cost ~16 ms of the server's CPU a view.
 */
const cards = versionedMemo<Awaited<ReturnType<typeof countAlerts>>>(["contractor", "meeting", "site", "calendar"], 100);

async function countAlerts(siteIds: string[], now: Date) {
  const [sites, calendars] = await Promise.all([sitesWith(siteIds, "id", "code", "name", "timeZone"), loadSiteCalendars(siteIds)]);
  const ids = sites.map((s) => s.id);
  const todayOf = new Map(sites.map((s) => [s.id, localDateInZone(now, s.timeZone)]));
  // R-CAT-1: this week's and last week's papers (a Monday per site: the sites' todays may differ).
  const weeksOf = (siteId: string) => {
    const thisWeek = weekStartOf(todayOf.get(siteId)!);
    return [addDays(thisWeek, -7), thisWeek];
  };
  const weekStarts = [...new Set(ids.flatMap(weeksOf))];
  const [cleaning, certificates, docs, violations, streams, found] = await Promise.all([
    cleaningSupervisionAlerts(ids, now),
    // One query; each certificate's state is then taken on its own site's today.
    cateringCertificates(ids, todayOf.get(ids[0]!)!),
    db.canteenWeeklyDoc.findMany({
      where: { siteId: { in: ids }, weekStart: { in: weekStarts.map(dateColumn) } },
      select: { siteId: true, kind: true, weekStart: true, receivedAt: true },
    }),
    db.contractorViolation.groupBy({ by: ["siteId"], where: { siteId: { in: ids }, response: null }, _count: { _all: true } }),
    streamStatusesOf(sites, now),
    db.foundItem.groupBy({ by: ["siteId"], where: dueForDisposalWhere(todayOf), _count: { _all: true } }),
  ]);

  // When the clock alone changes a count next (R-CAT-1 papers still pending, R-CLN-1 items and plans still
  // open; a site's new day for the rest: certificates, waste, found items and the weeks themselves).
  const changesAt = sites.map((site) => endOfLocalDayInZone(todayOf.get(site.id)!, site.timeZone).getTime() + 1);
  const rows = sites.map((site) => {
    const calendar = calendars.get(site.id);
    const today = todayOf.get(site.id)!;
    const alerts = cleaning.find((c) => c.siteId === site.id);
    if (alerts?.nextChange) changesAt.push(alerts.nextChange.getTime());
    const lateDocs = (kind: WeeklyDocKind) =>
      calendar
        ? weeksOf(site.id).filter((week) => {
            const doc = docs.find((d) => d.siteId === site.id && d.kind === kind && localDateOfColumn(d.weekStart) === week);
            const deadline = weeklyDocDeadline(kind, week, calendar);
            const state = weeklyDocState(deadline, doc?.receivedAt ?? null, now);
            if (state === "pending") changesAt.push(deadline!.getTime());
            return state === "late" || state === "missing";
          }).length
        : 0;
    const certificateStates = certificates.filter((c) => c.siteId === site.id).map((c) => certificateState(c.expiresOn, today));
    const counts: Record<ContractorAlert, number> = {
      // A site that never recorded a supervisor's day does not use that module: no missed steps are counted.
      missedSteps: alerts?.inUse ? alerts.missedToday.length : 0,
      latePlans: alerts?.inUse ? alerts.latePlans.length : 0,
      lateMenus: lateDocs("WEEKLY_MENU"),
      lateSummaries: lateDocs("WEEKLY_SUMMARY"),
      // "missing" (no certificate at all) is flagged like an expired one on the canteen check.
      expiredCertificates: certificateStates.filter((s) => s === "expired" || s === "missing").length,
      expiringCertificates: certificateStates.filter((s) => s === "expiringSoon").length,
      openViolations: violations.find((v) => v.siteId === site.id)?._count._all ?? 0,
      overdueWaste: streams.filter((s) => s.siteId === site.id && s.state === "OVERDUE").length,
      dueFoundItems: found.find((f) => f.siteId === site.id)?._count._all ?? 0,
    };
    return {
      site: { id: site.id, code: site.code, name: site.name },
      today,
      cleaningInUse: alerts?.inUse ?? false,
      counts,
      total: CONTRACTOR_ALERTS.reduce((n, k) => n + counts[k], 0),
    };
  });
  return { sites: rows, until: new Date(Math.min(...changesAt)) };
}

export type ContractorDashboardSite = Awaited<ReturnType<typeof contractorDashboard>>[number];
