import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { addDays, dateColumn, formatInZone, localDateOfColumn, type Calendar, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { sitesOf } from "@/lib/registry/site.queries";
import { monthEndDue, planState, recentPeriods, weeklyPlanDue } from "./rules";

/** The site's cleaning meeting series (R-MTG-1) and its meetings from `first` to `last` (local dates). */
export async function cleaningMeetings(siteId: string, first: LocalDate, last: LocalDate) {
  const series = await db.meetingSeries.findUnique({
    where: { siteId_kind: { siteId, kind: "CLEANING" } },
    select: { id: true, name: true, weekday: true, startTime: true, active: true },
  });
  const meetings = series
    ? await db.meeting.findMany({
        where: { seriesId: series.id, date: { gte: dateColumn(first), lte: dateColumn(last) } },
        select: { id: true, date: true, startsAt: true, state: true },
        orderBy: { startsAt: "asc" },
      })
    : [];
  return { series: series?.active ? series : null, meetings: meetings.map((m) => ({ ...m, date: localDateOfColumn(m.date) })) };
}

type Meetings = Awaited<ReturnType<typeof cleaningMeetings>>;

/** §10.11: the week's meeting (its first of the week) and the plan's due time; §10.12: the month's last meeting. */
export function dueOf(calendar: Calendar, kind: "WEEKLY" | "MONTHLY", period: LocalDate, m: Meetings) {
  if (kind === "WEEKLY") {
    const meeting = m.meetings.find((x) => x.date >= period && x.date <= addDays(period, 6)) ?? null;
    return { meeting, dueAt: weeklyPlanDue(calendar, period, meeting, m.series) };
  }
  const month = period.slice(0, 7);
  const meeting = m.meetings.filter((x) => x.date.startsWith(month)).at(-1) ?? null;
  return { meeting, dueAt: monthEndDue(calendar, period) };
}

const WEEKS = 8;
const MONTHS = 3;

/**
 * The weekly and monthly page (§10.11–13): the last weeks and months of one of the user's sites, each with
 * its meeting (linked, never rebuilt), the contractor's plan and its state (late / missing flagged), and
 * per month the supervisor's written report with the manager's instruction.
 */
export async function cleaningPlansView(requestedSite: string | undefined, now = new Date()) {
  const actor = await requirePermission("cleaning:read");
  const sites = await sitesOf(actor);
  const site = sites.find((s) => s.id === requestedSite) ?? sites[0];
  if (!site) return null;
  const calendar = await loadSiteCalendar(site.id);
  if (!calendar) return null;
  const today = calendar.localDateOf(now);
  const weeks = recentPeriods("WEEKLY", today, WEEKS);
  const months = recentPeriods("MONTHLY", today, MONTHS);
  const first = [weeks.at(-1)!, months.at(-1)!].sort()[0]!;
  const [m, plans, reports] = await Promise.all([
    cleaningMeetings(site.id, first, addDays(weeks[0]!, 6)),
    db.cleaningPlan.findMany({
      where: { siteId: site.id, period: { gte: dateColumn(first) } },
      select: { id: true, kind: true, period: true, content: true, photoFileIds: true, submittedAt: true, late: true },
    }),
    db.cleaningMonthlyReport.findMany({
      where: { siteId: site.id, month: { gte: dateColumn(months.at(-1)!) } },
      select: {
        id: true,
        month: true,
        summary: true,
        nextMonthPlan: true,
        submittedAt: true,
        late: true,
        instruction: true,
        instructedAt: true,
      },
    }),
  ]);
  const tz = site.timeZone;
  const fmt = (at: Date | null) => (at ? formatInZone(at, tz) : null);
  const planOf = (kind: "WEEKLY" | "MONTHLY", period: LocalDate) => {
    const plan = plans.find((p) => p.kind === kind && localDateOfColumn(p.period) === period) ?? null;
    const { meeting, dueAt } = dueOf(calendar, kind, period, m);
    return {
      period,
      dueAt: fmt(dueAt),
      state: dueAt ? planState(dueAt, plan?.submittedAt ?? null, now) : null,
      meeting: meeting ? { id: meeting.id, date: meeting.date, state: meeting.state } : null,
      plan: plan ? { content: plan.content, photoFileIds: plan.photoFileIds, submittedAt: fmt(plan.submittedAt) } : null,
    };
  };
  return {
    actor,
    sites,
    site,
    today,
    series: m.series,
    weeks: weeks.map((w) => planOf("WEEKLY", w)),
    months: months.map((month) => {
      const report = reports.find((r) => localDateOfColumn(r.month) === month) ?? null;
      const dueAt = monthEndDue(calendar, month);
      return {
        ...planOf("MONTHLY", month),
        reportState: dueAt ? planState(dueAt, report?.submittedAt ?? null, now) : null,
        report: report
          ? {
              id: report.id,
              summary: report.summary,
              nextMonthPlan: report.nextMonthPlan,
              submittedAt: fmt(report.submittedAt),
              instruction: report.instruction,
              instructedAt: fmt(report.instructedAt),
            }
          : null,
      };
    }),
  };
}
