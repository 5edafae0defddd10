import "server-only";
import { addDays, dateColumn, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";
import { readableSites } from "./queries";
import { weekStartOf, weeklyDocDeadline, weeklyDocState } from "./rules";

/** First day of the month after 'YYYY-MM'. */
const nextMonthStart = (month: string) => `${addDays(`${month}-28`, 7).slice(0, 7)}-01`;

/**
 * The monthly contractor assessment (§6, §7, §8.3, §11; managers): per site and contractor the month's
 * violations (open ones, charges at cost, exact), trainings; for the caterer the canteen checks and the
 * weekly menus' punctuality; beside them, read from their own modules, the vacant-unit cleaning score
 * (R-VAC-3, the months that module scores) and the inspection rounds' results (R-INS-3). Grouped in
 * SQL: a fixed number of queries whatever the number of sites.
 */
export async function contractorAssessment(monthParam: string | undefined) {
  const { sites } = await readableSites("contractor:assessment");
  const siteIds = sites.map((s) => s.id);
  const now = new Date();
  const month = monthParam ?? localDateInZone(now, sites[0]?.timeZone ?? "Asia/Shanghai").slice(0, 7);
  const from = dateColumn(`${month}-01`);
  const to = dateColumn(nextMonthStart(month));

  const [contractors, violations, openViolations, trainings, checks, menus, inspections, calendars, vacant] = await Promise.all([
    db.contractor.findMany({
      where: { siteId: { in: siteIds } },
      select: { id: true, siteId: true, kind: true, name: true },
      orderBy: [{ siteId: "asc" }, { kind: "asc" }],
    }),
    db.contractorViolation.groupBy({
      by: ["contractorId"],
      where: { siteId: { in: siteIds }, occurredOn: { gte: from, lt: to } },
      _count: { _all: true },
      _sum: { chargeAmount: true },
    }),
    db.contractorViolation.groupBy({
      by: ["contractorId"],
      where: { siteId: { in: siteIds }, occurredOn: { gte: from, lt: to }, response: null },
      _count: { _all: true },
    }),
    db.contractorTraining.groupBy({
      by: ["contractorId"],
      where: { siteId: { in: siteIds }, heldOn: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    db.canteenCheck.groupBy({
      by: ["siteId", "resolution"],
      where: { siteId: { in: siteIds }, checkedOn: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    db.canteenWeeklyDoc.findMany({
      where: { siteId: { in: siteIds }, kind: "WEEKLY_MENU", weekStart: { gte: dateColumn(weekStartOf(`${month}-01`)), lt: to } },
      select: { siteId: true, weekStart: true, receivedAt: true },
    }),
    // R-INS-3: the month's rounds (periodKey "YYYY-MM-DD#n" or "YYYY-MM") and their failed items.
    db.inspection.groupBy({
      by: ["siteId"],
      where: { siteId: { in: siteIds }, periodKey: { startsWith: month } },
      _count: { _all: true },
      _sum: { failures: true },
    }),
    loadSiteCalendars(siteIds),
    vacantScoreSummary(),
  ]);
  const failedChecks = await db.canteenCheck.groupBy({
    by: ["siteId"],
    where: { siteId: { in: siteIds }, checkedOn: { gte: from, lt: to }, failures: { gt: 0 } },
    _count: { _all: true },
  });

  return {
    month,
    sites: sites.map((site) => {
      const calendar = calendars.get(site.id)!;
      // R-CAT-1: every week whose Monday lies in the month, up to this week.
      const weeks: string[] = [];
      for (let w = weekStartOf(`${month}-01`); w < nextMonthStart(month); w = addDays(w, 7)) if (w.slice(0, 7) === month) weeks.push(w);
      const menuStates = weeks.map((w) => {
        const doc = menus.find((m) => m.siteId === site.id && localDateOfColumn(m.weekStart) === w);
        return weeklyDocState(weeklyDocDeadline("WEEKLY_MENU", w, calendar), doc?.receivedAt ?? null, now);
      });
      const siteChecks = checks.filter((c) => c.siteId === site.id);
      const inspection = inspections.find((i) => i.siteId === site.id);
      const vacantSite = vacant.find((v) => v.site.id === site.id);
      const vacantMonth = [vacantSite?.last, vacantSite?.current].find((m) => m?.month === month) ?? null;
      return {
        site,
        contractors: contractors
          .filter((c) => c.siteId === site.id)
          .map((c) => {
            const v = violations.find((x) => x.contractorId === c.id);
            return {
              ...c,
              violations: v?._count._all ?? 0,
              open: openViolations.find((x) => x.contractorId === c.id)?._count._all ?? 0,
              // Exact money: a Decimal sum, shown with two decimals.
              charges: (v?._sum.chargeAmount ?? new Prisma.Decimal(0)).toFixed(2),
              trainings: trainings.find((x) => x.contractorId === c.id)?._count._all ?? 0,
            };
          }),
        canteen: {
          done: siteChecks.reduce((n, c) => n + c._count._all, 0),
          failed: failedChecks.find((c) => c.siteId === site.id)?._count._all ?? 0,
          escalated: siteChecks.find((c) => c.resolution === "ESCALATED")?._count._all ?? 0,
          menus: {
            onTime: menuStates.filter((s) => s === "onTime").length,
            late: menuStates.filter((s) => s === "late").length,
            missing: menuStates.filter((s) => s === "missing").length,
          },
        },
        vacant: vacantMonth ? { score: vacantMonth.score, due: vacantMonth.due } : null,
        inspections: inspection ? { done: inspection._count._all, failed: inspection._sum.failures ?? 0 } : null,
      };
    }),
  };
}
