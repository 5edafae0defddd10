import "server-only";
import { addDays as addDaysLocal, dateColumn, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { loadDayRecords } from "./day.queries";
import { cleaningMeetings, dueOf } from "./plans.queries";
import { dayItems, firstOfMonth, mondayOf, planState } from "./rules";

/**
 * For the managers' contractors card: per site, today's missing supervisor steps (R-CLN-1, missed
 * items only) and the contractor's plans of the current and last week and month that are late or
 * missing (§10.11–12). Server-only and unauthorised: the caller passes the sites the user may see.
 */
export async function cleaningSupervisionAlerts(siteIds: string[], now = new Date()) {
  if (siteIds.length === 0) return [];
  const [sites, calendars] = await Promise.all([
    db.site.findMany({
      where: { id: { in: siteIds } },
      select: {
        id: true,
        name: true,
        code: true,
        timeZone: true,
        slot1Start: true,
        slot1End: true,
        slot2Start: true,
        slot2End: true,
        inspectOnWeekends: true,
      },
      orderBy: { code: "asc" },
    }),
    loadSiteCalendars(siteIds),
  ]);
  return Promise.all(
    sites.flatMap((site) => {
      const calendar = calendars.get(site.id);
      if (!calendar) return [];
      return [
        (async () => {
          const today = calendar.localDateOf(now);
          const records = await loadDayRecords(site, calendar, today);
          const missedToday = (dayItems(calendar, today, records.facts, now) ?? []).filter((i) => i.state === "missed").map((i) => i.key);
          const thisWeek = mondayOf(today);
          const periods = [
            ["WEEKLY", thisWeek],
            ["WEEKLY", addDaysLocal(thisWeek, -7)],
            ["MONTHLY", firstOfMonth(today)],
            ["MONTHLY", firstOfMonth(addDaysLocal(firstOfMonth(today), -1))],
          ] as const;
          const [meetings, plans] = await Promise.all([
            cleaningMeetings(site.id, periods[3][1], addDaysLocal(thisWeek, 6)),
            db.cleaningPlan.findMany({
              where: { siteId: site.id, period: { gte: dateColumn(periods[3][1]) } },
              select: { kind: true, period: true, submittedAt: true },
            }),
          ]);
          const latePlans = periods.flatMap(([kind, period]) => {
            const { dueAt } = dueOf(calendar, kind, period, meetings);
            if (!dueAt) return [];
            const plan = plans.find((p) => p.kind === kind && localDateOfColumn(p.period) === period);
            const state = planState(dueAt, plan?.submittedAt ?? null, now);
            return state === "late" || state === "missing" ? [{ kind, period, state }] : [];
          });
          return { siteId: site.id, siteName: site.name, today, missedToday, latePlans };
        })(),
      ];
    }),
  );
}
