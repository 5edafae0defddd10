import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { dateColumn, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { patrolFacts, PATROL_AREA_TYPES } from "@/lib/cleaning-supervision/day.queries";
import { dayItems, type DayStep } from "@/lib/cleaning-supervision/rules";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dailyWindows } from "@/lib/inspections/rules";
import { isMonth, recentMonths } from "@/lib/newspapers/report.rules";
import { sitesByIds } from "@/lib/registry/site.store";
import { roleHas } from "@/lib/permissions";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";
import { canteenTally, cleaningTally, docTally, mondaysOf, monthDaysUpTo, nextMonthStart } from "./report.rules";
import { weekStartOf, weeklyDocDeadline, weeklyDocState } from "./rules";

/** Months offered by the selector. */
const REPORT_MONTHS = 12;

export interface ContractorReportFilter {
  site?: string;
  month?: string;
}

const money = (d: Prisma.Decimal | null | undefined) => (d ?? new Prisma.Decimal(0)).toFixed(2);

/**
 * The monthly contractor report of one site (cleaning and catering; managers): per contractor the
 * violations by kind with the charges at cost (§6.7 照价赔偿, exact Decimal sums) and the charged items,
 * the trainings; the canteen checks with their failures and short dish counts (R-CAT-1); the weekly
 * menus and summaries on time, late or missing; the cleaning supervisor's days and missed items
 * (R-CLN-1); the vacant-unit cleaning score (R-VAC-3) when that module scores the month. The month is
 * the site's local month; a fixed number of queries whatever the size of the month.
 */
export async function contractorMonthlyReport(filter: ContractorReportFilter, now = new Date()) {
  const actor = await requirePermission("contractor:assessment");
  // Another site's report does not exist for this user.
  if (filter.site && !actor.siteIds.includes(filter.site)) throw new AccessError("not_found");
  const sites = await sitesByIds(actor.siteIds);
  const site = sites.find((s) => s.id === filter.site) ?? sites[0];
  if (!site) throw new AccessError("not_found");
  const calendar = await loadSiteCalendar(site.id);
  if (!calendar) throw new AccessError("not_found");
  const today = localDateInZone(now, site.timeZone);
  const month = isMonth(filter.month) && filter.month <= today.slice(0, 7) ? filter.month : today.slice(0, 7);
  const from = dateColumn(`${month}-01`);
  const to = dateColumn(nextMonthStart(month));
  const inMonth = { siteId: site.id };
  const days = monthDaysUpTo(month, today);
  const weeks = mondaysOf(month, weekStartOf);
  const windows = days.flatMap((d) => dailyWindows(calendar, site, d));

  const [contractors, byKind, unanswered, charged, trainings, checks, docs, cleaningDays, firstDay, areas, patrolChecks, vacant] =
    await Promise.all([
      db.contractor.findMany({
        where: inMonth,
        select: { id: true, kind: true, name: true, active: true },
        orderBy: [{ kind: "asc" }, { name: "asc" }],
      }),
      db.contractorViolation.groupBy({
        by: ["contractorId", "kind"],
        where: { ...inMonth, occurredOn: { gte: from, lt: to } },
        _count: { _all: true },
        _sum: { chargeAmount: true },
        orderBy: [{ contractorId: "asc" }, { kind: "asc" }],
      }),
      db.contractorViolation.groupBy({
        by: ["contractorId"],
        where: { ...inMonth, occurredOn: { gte: from, lt: to }, response: null },
        _count: { _all: true },
      }),
      db.contractorViolation.findMany({
        where: { ...inMonth, occurredOn: { gte: from, lt: to }, chargeAmount: { not: null } },
        select: {
          id: true,
          contractorId: true,
          occurredOn: true,
          kind: true,
          description: true,
          chargeAmount: true,
          response: true,
          cleaner: { select: { name: true } },
        },
        orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
      }),
      db.contractorTraining.findMany({
        where: { ...inMonth, heldOn: { gte: from, lt: to } },
        select: { id: true, contractorId: true, heldOn: true, trainer: true, content: true, _count: { select: { attendees: true } } },
        orderBy: { heldOn: "asc" },
      }),
      db.canteenCheck.findMany({
        where: { ...inMonth, checkedOn: { gte: from, lt: to } },
        select: {
          checkedOn: true,
          breakfastKinds: true,
          lunchMainDishes: true,
          lunchStaples: true,
          dinnerKinds: true,
          failures: true,
          resolution: true,
        },
        orderBy: { checkedOn: "asc" },
      }),
      weeks.length
        ? db.canteenWeeklyDoc.findMany({
            where: { ...inMonth, weekStart: { in: weeks.map(dateColumn) } },
            select: { kind: true, weekStart: true, receivedAt: true },
          })
        : [],
      db.cleaningDay.findMany({
        where: { ...inMonth, date: { gte: from, lt: to } },
        select: { date: true, reportSentAt: true, steps: { select: { step: true, recordedAt: true } } },
      }),
      db.cleaningDay.findFirst({ where: inMonth, orderBy: { date: "asc" }, select: { date: true } }),
      db.area.findMany({ where: { ...inMonth, active: true, type: { in: PATROL_AREA_TYPES } }, select: { id: true } }),
      windows.length
        ? db.inspection.findMany({
            where: { ...inMonth, periodKey: { in: windows.map((w) => w.periodKey) }, area: { type: { in: PATROL_AREA_TYPES } } },
            select: { areaId: true, periodKey: true, checkedAt: true },
          })
        : [],
      // R-VAC-3: the module scores a month and the one before it; older months are not available.
      roleHas(actor.role, "vacant:score") ? vacantScoreSummary(month) : [],
    ]);

  // Cleaning supervision (R-CLN-1): only from the site's first recorded day on; before that the site did not use it.
  const areaIds = new Set(areas.map((a) => a.id));
  const firstUsed = firstDay ? localDateOfColumn(firstDay.date) : null;
  const cleaning =
    firstUsed && firstUsed < nextMonthStart(month)
      ? cleaningTally(
          days
            .filter((date) => date >= firstUsed)
            .map((date) => {
              const day = cleaningDays.find((d) => localDateOfColumn(d.date) === date);
              const facts = {
                steps: Object.fromEntries((day?.steps ?? []).map((s) => [s.step, s.recordedAt])) as Partial<Record<DayStep, Date>>,
                patrols: patrolFacts(
                  windows.filter((w) => w.periodKey.startsWith(date)),
                  areaIds,
                  patrolChecks,
                ),
                reportSentAt: day?.reportSentAt ?? null,
              };
              return { date, recorded: !!day, items: dayItems(calendar, date, facts, now) };
            }),
        )
      : null;

  const docStates = (kind: "WEEKLY_MENU" | "WEEKLY_SUMMARY") =>
    weeks.map((week) => {
      const doc = docs.find((d) => d.kind === kind && localDateOfColumn(d.weekStart) === week);
      return { week, state: weeklyDocState(weeklyDocDeadline(kind, week, calendar), doc?.receivedAt ?? null, now) };
    });
  const menus = docStates("WEEKLY_MENU");
  const summaries = docStates("WEEKLY_SUMMARY");
  const vacantSite = vacant.find((v) => v.site.id === site.id);
  const vacantMonth = [vacantSite?.last, vacantSite?.current].find((m) => m?.month === month) ?? null;

  return {
    sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    site: { id: site.id, code: site.code, name: site.name },
    month,
    months: recentMonths(today, REPORT_MONTHS),
    generatedAt: localDateInZone(now, site.timeZone),
    contractors: contractors.map((c) => {
      const kinds = byKind.filter((v) => v.contractorId === c.id);
      const total = kinds.reduce((sum, v) => sum.add(v._sum.chargeAmount ?? 0), new Prisma.Decimal(0));
      return {
        ...c,
        violations: kinds.reduce((n, v) => n + v._count._all, 0),
        open: unanswered.find((v) => v.contractorId === c.id)?._count._all ?? 0,
        byKind: kinds.map((v) => ({ kind: v.kind, count: v._count._all, charges: money(v._sum.chargeAmount) })),
        charges: money(total),
        charged: charged
          .filter((v) => v.contractorId === c.id)
          .map((v) => ({
            id: v.id,
            occurredOn: localDateOfColumn(v.occurredOn),
            kind: v.kind,
            staff: v.cleaner?.name ?? null,
            description: v.description,
            amount: money(v.chargeAmount),
            answered: v.response !== null,
          })),
        trainings: trainings
          .filter((t) => t.contractorId === c.id)
          .map((t) => ({
            id: t.id,
            heldOn: localDateOfColumn(t.heldOn),
            trainer: t.trainer,
            content: t.content,
            attendees: t._count.attendees,
          })),
      };
    }),
    canteen: {
      ...canteenTally(checks),
      menus: { ...docTally(menus.map((m) => m.state)), weeks: menus },
      summaries: { ...docTally(summaries.map((m) => m.state)), weeks: summaries },
    },
    cleaning,
    vacant: vacantMonth ? { score: vacantMonth.score, due: vacantMonth.due, verified: vacantMonth.verified, done: vacantMonth.done } : null,
  };
}

export type ContractorMonthlyReport = Awaited<ReturnType<typeof contractorMonthlyReport>>;
