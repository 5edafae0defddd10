import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { addDays, dateColumn, formatInZone, localDateInZone, localDateOfColumn, type Calendar, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { cateringCertificates } from "./certificates";
import { readableSites } from "./queries";
import { dishShortfalls, isCertificateFlagged, weekStartOf, weeklyDocDeadline, weeklyDocState, type WeeklyDocKind } from "./rules";
import { CANTEEN_DOC_KINDS, CANTEEN_ITEMS } from "./schema";

/** The Mondays of the weeks that touch `month` ('YYYY-MM'), plus next week when the month is the current one. */
function weeksOf(month: string, today: string): string[] {
  const first = `${month}-01`;
  const weeks: string[] = [];
  for (let w = weekStartOf(first); w.slice(0, 7) <= month; w = addDays(w, 7)) weeks.push(w);
  const next = addDays(weekStartOf(today), 7);
  if (today.slice(0, 7) === month && !weeks.includes(next)) weeks.push(next);
  return weeks;
}

export interface WeeklyDocRow {
  weekStart: string;
  kind: WeeklyDocKind;
  state: ReturnType<typeof weeklyDocState>;
  dueAt: string | null;
  receivedAt: string | null;
  id: string | null;
}

function weeklyRows(
  weeks: string[],
  docs: { id: string; kind: WeeklyDocKind; weekStart: Date; receivedAt: Date }[],
  calendar: Calendar,
  now: Date,
): WeeklyDocRow[] {
  return weeks.flatMap((weekStart) =>
    CANTEEN_DOC_KINDS.map((kind) => {
      const doc = docs.find((d) => d.kind === kind && localDateOfColumn(d.weekStart) === weekStart);
      const deadline = weeklyDocDeadline(kind, weekStart, calendar);
      return {
        weekStart,
        kind,
        state: weeklyDocState(deadline, doc?.receivedAt ?? null, now),
        dueAt: deadline ? formatInZone(deadline, calendar.timeZone) : null,
        receivedAt: doc ? formatInZone(doc.receivedAt, calendar.timeZone) : null,
        id: doc?.id ?? null,
      };
    }),
  );
}

/**
 * The canteen page (R-CAT-1), per site of the reader: today's check, catering staff without a valid
 * 健康证, the month's checks with their failures, the weekly menus and summaries with their state, and
 * the canteen meeting series (§3.4) whose records the page links to. A fixed number of queries, plus
 * one per site for its catering staff's certificates (each site's own today).
 */
export async function canteenOverview(filter: { site?: string; month?: string }) {
  const { sites: all } = await readableSites();
  const sites = filter.site ? all.filter((s) => s.id === filter.site) : all;
  const siteIds = sites.map((s) => s.id);
  const now = new Date();
  const month = filter.month ?? localDateInZone(now, sites[0]?.timeZone ?? "Asia/Shanghai").slice(0, 7);
  const monthStart = `${month}-01`;
  const nextMonthStart = addDays(`${month}-28`, 7).slice(0, 7) + "-01";
  // Each site's today in its zone; the certificates are read once per distinct day (sites of one zone
  // share it), not once per site: fifty sites were fifty statements in a row.
  const todayOf = new Map(sites.map((s) => [s.id, localDateInZone(now, s.timeZone)]));
  const sitesOfDay = new Map<LocalDate, string[]>();
  for (const [id, day] of todayOf) sitesOfDay.set(day, [...(sitesOfDay.get(day) ?? []), id]);
  const [calendars, checks, docs, series, todayChecks, certificates] = await Promise.all([
    loadSiteCalendars(siteIds),
    db.canteenCheck.findMany({
      where: { siteId: { in: siteIds }, checkedOn: { gte: dateColumn(monthStart), lt: dateColumn(nextMonthStart) } },
      select: {
        id: true,
        siteId: true,
        checkedOn: true,
        checkedById: true,
        breakfastKinds: true,
        lunchMainDishes: true,
        lunchStaples: true,
        dinnerKinds: true,
        failures: true,
        expiredCertificates: true,
        resolution: true,
      },
      orderBy: { checkedOn: "desc" },
    }),
    db.canteenWeeklyDoc.findMany({
      where: {
        siteId: { in: siteIds },
        weekStart: { gte: dateColumn(addDays(monthStart, -7)), lt: dateColumn(addDays(nextMonthStart, 14)) },
      },
      select: { id: true, siteId: true, kind: true, weekStart: true, receivedAt: true },
    }),
    db.meetingSeries.findMany({ where: { siteId: { in: siteIds }, kind: "CANTEEN" }, select: { id: true, siteId: true, name: true } }),
    db.canteenCheck.findMany({
      where: { siteId: { in: siteIds }, checkedOn: { in: [...sitesOfDay.keys()].map(dateColumn) } },
      select: { id: true, siteId: true, checkedOn: true },
    }),
    Promise.all([...sitesOfDay].map(([day, ids]) => cateringCertificates(ids, day))).then((lists) => lists.flat()),
  ]);
  const checkers = await db.user.findMany({
    where: { id: { in: [...new Set(checks.map((c) => c.checkedById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(checkers.map((u) => [u.id, u.name]));

  const result = [];
  for (const site of sites) {
    const calendar = calendars.get(site.id)!;
    const today = todayOf.get(site.id)!;
    const mine = certificates.filter((c) => c.siteId === site.id);
    const todayCheck = todayChecks.find((c) => c.siteId === site.id && localDateOfColumn(c.checkedOn) === today);
    result.push({
      site,
      today,
      todayCheckId: todayCheck?.id ?? null,
      flaggedCertificates: mine.filter((c) => isCertificateFlagged(c.state)),
      soonCertificates: mine.filter((c) => c.state === "expiringSoon"),
      checks: checks
        .filter((c) => c.siteId === site.id)
        .map((c) => ({
          ...c,
          checkedOn: localDateOfColumn(c.checkedOn),
          checkedBy: nameOf.get(c.checkedById) ?? "",
          shortfalls: dishShortfalls(c),
        })),
      weekly: weeklyRows(
        weeksOf(month, today),
        docs.filter((d) => d.siteId === site.id),
        calendar,
        now,
      ),
      meetingSeries: series.find((s) => s.siteId === site.id) ?? null,
    });
  }
  // The site the filter chose, when it is one of the reader's (the month form keeps it).
  return { month, site: filter.site && sites.length === 1 ? sites[0]!.id : undefined, sites: result };
}

/** What the phone form needs: the sites the checker may check, today there, whether done, the flagged certificates. */
export async function canteenCheckForm(siteId: string | undefined) {
  const actor = await requirePermission("canteen:check");
  const sites = await sitesWith(actor.siteIds, "id", "name", "timeZone");
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  if (!site) return { sites, site: null, today: null, existingId: null, flagged: [] };
  const today = localDateInZone(new Date(), site.timeZone);
  const [existing, certificates] = await Promise.all([
    db.canteenCheck.findUnique({ where: { siteId_checkedOn: { siteId: site.id, checkedOn: dateColumn(today) } }, select: { id: true } }),
    cateringCertificates([site.id], today),
  ]);
  return {
    sites,
    site,
    today,
    existingId: existing?.id ?? null,
    flagged: certificates
      .filter((c) => isCertificateFlagged(c.state))
      .map((c) => ({ name: c.name, state: c.state, expiresOn: c.expiresOn })),
  };
}

/** One check with its results and photos, or null outside the reader's sites. */
export async function canteenCheckDetail(id: string) {
  const actor = await requirePermission("contractor:read");
  const check = await db.canteenCheck.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    include: { results: true, site: { select: { name: true, timeZone: true } } },
  });
  if (!check) return null;
  const checker = await db.user.findUnique({ where: { id: check.checkedById }, select: { name: true } });
  return {
    ...check,
    // In the order of the form (R-CAT-1 items).
    results: [...check.results].sort((a, b) => CANTEEN_ITEMS.indexOf(a.item) - CANTEEN_ITEMS.indexOf(b.item)),
    checkedOn: localDateOfColumn(check.checkedOn),
    checkedBy: checker?.name ?? "",
    createdAtText: formatInZone(check.createdAt, check.site.timeZone),
    escalatedAtText: check.escalatedAt ? formatInZone(check.escalatedAt, check.site.timeZone) : null,
    shortfalls: dishShortfalls(check),
  };
}

/**
 * One received menu or weekly summary (R-CAT-1) to read: its week, state against its deadline, the typed
 * text and the photos (claimed files of CANTEEN_WEEKLY_DOC), who recorded it; null outside the reader's sites.
 */
export async function canteenWeeklyDocDetail(id: string) {
  const actor = await requirePermission("contractor:read");
  const doc = await db.canteenWeeklyDoc.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      kind: true,
      weekStart: true,
      text: true,
      receivedAt: true,
      createdById: true,
      site: { select: { name: true, timeZone: true } },
    },
  });
  if (!doc) return null;
  const [calendar, photos, recorder] = await Promise.all([
    loadSiteCalendars([doc.siteId]).then((m) => m.get(doc.siteId)),
    db.fileAttachment.findMany({
      where: { entity: "CANTEEN_WEEKLY_DOC", entityId: doc.id },
      select: { fileId: true },
      orderBy: [{ createdAt: "asc" }, { fileId: "asc" }],
    }),
    db.user.findUnique({ where: { id: doc.createdById }, select: { name: true } }),
  ]);
  const weekStart = localDateOfColumn(doc.weekStart);
  const deadline = calendar ? weeklyDocDeadline(doc.kind, weekStart, calendar) : null;
  return {
    id: doc.id,
    siteId: doc.siteId,
    siteName: doc.site.name,
    kind: doc.kind,
    weekStart,
    text: doc.text,
    state: weeklyDocState(deadline, doc.receivedAt, new Date()),
    dueAt: deadline ? formatInZone(deadline, doc.site.timeZone) : null,
    receivedAt: formatInZone(doc.receivedAt, doc.site.timeZone),
    recordedBy: recorder?.name ?? "",
    photoIds: photos.map((p) => p.fileId),
  };
}
