import "server-only";
import { addDays as addDaysLocal, dateColumn, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { sitesByIds } from "@/lib/registry/site.store";
import { dailyWindows } from "@/lib/inspections/rules";
import { PATROL_AREA_TYPES, patrolFacts } from "./day.queries";
import { dueOf } from "./plans.queries";
import { dayItems, firstOfMonth, mondayOf, planState, type DayStep } from "./rules";

/**
 * For the managers' contractors card: per site, today's missing supervisor steps (R-CLN-1, missed
 * items only) and the contractor's plans of the current and last week and month that are late or
 * missing (§10.11–12). `inUse` is false for a site that never recorded a supervisor's day (the
 * reminders skip it too): such a site has no alerts, and nothing more is read for it (on a group where
 * few sites use the module, the others' patrol areas and checks were read for nothing). Server-only and
 * unauthorised: the caller passes the sites the user may see. Six queries plus the calendars whatever
 * the number of sites. `nextChange`: the earliest deadline of an item or plan still open at `now` (the
 * clock alone changes nothing before it, nor before the site's day ends).
 */
export async function cleaningSupervisionAlerts(siteIds: string[], now = new Date()) {
  if (siteIds.length === 0) return [];
  const [used, sites, calendars] = await Promise.all([
    // The sites with a recorded day (an EXISTS per site; Prisma's `distinct` would read every day).
    db.site.findMany({ where: { id: { in: siteIds }, cleaningDays: { some: {} } }, select: { id: true } }),
    sitesByIds(siteIds),
    loadSiteCalendars(siteIds),
  ]);
  const inUse = new Set(used.map((r) => r.id));
  const notInUse = sites
    .filter((site) => !inUse.has(site.id) && calendars.has(site.id))
    .map((site) => ({
      siteId: site.id,
      siteName: site.name,
      today: calendars.get(site.id)!.localDateOf(now),
      inUse: false,
      missedToday: [] as string[],
      latePlans: [] as { kind: "WEEKLY" | "MONTHLY"; period: string; state: "late" | "missing" }[],
      nextChange: null as Date | null,
    }));
  const plan = sites.flatMap((site) => {
    if (!inUse.has(site.id)) return [];
    const calendar = calendars.get(site.id);
    if (!calendar) return [];
    const today = calendar.localDateOf(now);
    const thisWeek = mondayOf(today);
    const periods = [
      ["WEEKLY", thisWeek],
      ["WEEKLY", addDaysLocal(thisWeek, -7)],
      ["MONTHLY", firstOfMonth(today)],
      ["MONTHLY", firstOfMonth(addDaysLocal(firstOfMonth(today), -1))],
    ] as const;
    return [
      {
        site,
        calendar,
        today,
        windows: dailyWindows(calendar, site, today),
        periods,
        first: periods[3][1],
        last: addDaysLocal(thisWeek, 6),
      },
    ];
  });
  if (plan.length === 0) return notInUse;
  const ids = plan.map((p) => p.site.id);
  const first = plan.map((p) => p.first).sort()[0]!;
  const last = plan
    .map((p) => p.last)
    .sort()
    .at(-1)!;
  const periodKeys = plan.flatMap((p) => p.windows.map((w) => w.periodKey));
  const [days, areas, checks, series, plans] = await Promise.all([
    db.cleaningDay.findMany({
      where: { OR: plan.map((p) => ({ siteId: p.site.id, date: dateColumn(p.today) })) },
      select: { siteId: true, reportSentAt: true, steps: { select: { step: true, recordedAt: true } } },
    }),
    db.area.findMany({ where: { siteId: { in: ids }, active: true, type: { in: PATROL_AREA_TYPES } }, select: { id: true, siteId: true } }),
    periodKeys.length
      ? db.inspection.findMany({
          where: { siteId: { in: ids }, periodKey: { in: [...new Set(periodKeys)] }, area: { type: { in: PATROL_AREA_TYPES } } },
          select: { siteId: true, areaId: true, periodKey: true, checkedAt: true },
        })
      : [],
    // The cleaning meeting series (R-MTG-1) with its meetings, as plans.queries.ts cleaningMeetings reads them.
    db.meetingSeries.findMany({
      where: { siteId: { in: ids }, kind: "CLEANING" },
      select: {
        siteId: true,
        id: true,
        name: true,
        weekday: true,
        startTime: true,
        active: true,
        meetings: {
          where: { date: { gte: dateColumn(first), lte: dateColumn(last) } },
          select: { id: true, date: true, startsAt: true, state: true },
          orderBy: { startsAt: "asc" },
        },
      },
    }),
    db.cleaningPlan.findMany({
      where: { siteId: { in: ids }, period: { gte: dateColumn(first) } },
      select: { siteId: true, kind: true, period: true, submittedAt: true },
    }),
  ]);
  const alerts = plan.map(({ site, calendar, today, windows, periods, first: siteFirst, last: siteLast }) => {
    const day = days.find((d) => d.siteId === site.id);
    const siteAreas = new Set(areas.filter((a) => a.siteId === site.id).map((a) => a.id));
    const facts = {
      steps: Object.fromEntries((day?.steps ?? []).map((s) => [s.step, s.recordedAt])) as Partial<Record<DayStep, Date>>,
      patrols: patrolFacts(
        windows,
        siteAreas,
        checks.filter((c) => c.siteId === site.id),
      ),
      reportSentAt: day?.reportSentAt ?? null,
    };
    const items = dayItems(calendar, today, facts, now) ?? [];
    const missedToday = items.filter((i) => i.state === "missed").map((i) => i.key);
    // The open items' and plans' deadlines are when the clock alone can change these alerts next.
    const changesAt = items.filter((i) => i.state === "open").map((i) => i.dueAt);
    const s = series.find((x) => x.siteId === site.id);
    const meetings = {
      series: s?.active ? { id: s.id, name: s.name, weekday: s.weekday, startTime: s.startTime, active: s.active } : null,
      meetings: (s?.meetings ?? [])
        .map((m) => ({ ...m, date: localDateOfColumn(m.date) }))
        .filter((m) => m.date >= siteFirst && m.date <= siteLast),
    };
    const latePlans = periods.flatMap(([kind, period]) => {
      const { dueAt } = dueOf(calendar, kind, period, meetings);
      if (!dueAt) return [];
      const found = plans.find((p) => p.siteId === site.id && p.kind === kind && localDateOfColumn(p.period) === period);
      const state = planState(dueAt, found?.submittedAt ?? null, now);
      if (state === "open") changesAt.push(dueAt);
      return state === "late" || state === "missing" ? [{ kind, period, state }] : [];
    });
    const nextChange = changesAt.length ? new Date(Math.min(...changesAt.map((d) => d.getTime()))) : null;
    return { siteId: site.id, siteName: site.name, today, inUse: true, missedToday, latePlans, nextChange };
  });
  return [...alerts, ...notInUse];
}
