import "server-only";
import { addDays, dateColumn, formatInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { localizedNotification } from "@/lib/notifications/texts";
import { listOfNames, type NotificationRow, type ReminderSource, type SiteMember } from "@/lib/reminders/source";
import { firstOfMonth, missingOfDay, mondayOf, monthEndDue, previousWorkingDay, weeklyPlanDue, type DayStep } from "./rules";

const active = (m: SiteMember) => !m.disabled;
const cleaningSupervisors = (members: SiteMember[]) => members.filter((m) => active(m) && m.role === "SUPERVISOR" && m.duty === "CLEANING");
const managers = (members: SiteMember[]) => members.filter((m) => active(m) && m.role === "MANAGER");

/**
 * Cleaning-supervision reminders (§10, R-CLN-1) for the reminder run, in four queries whatever the
 * number of sites: the last working day's missing steps and unsent report (to the cleaning supervisors),
 * last week's and last month's contractor plans and last month's written summary not handed in (to the
 * supervisors and managers), and a monthly summary awaiting the manager's instruction (to the managers).
 * Dedupe keys name the site and the period, so a rerun notifies no one twice.
 */
export const cleaningSupervisionReminders: ReminderSource = {
  name: "cleaning-supervision",
  async collect({ now, sites: allSites, calendars, membersOf }) {
    // A site that never recorded a supervisor's day does not use the module yet: it is not reminded.
    const using = allSites.length
      ? new Set(
          // An EXISTS per site; Prisma's `distinct` would read every recorded day.
          (
            await db.site.findMany({ where: { id: { in: allSites.map((s) => s.id) }, cleaningDays: { some: {} } }, select: { id: true } })
          ).map((d) => d.id),
        )
      : new Set<string>();
    const sites = allSites.filter((s) => using.has(s.id));
    const plan = sites.map((site) => {
      const calendar = calendars.get(site.id)!;
      const today = calendar.localDateOf(now);
      const lastMonth = firstOfMonth(addDays(firstOfMonth(today), -1));
      return { site, calendar, previous: previousWorkingDay(calendar, today), lastWeek: addDays(mondayOf(today), -7), lastMonth };
    });
    const siteIds = sites.map((s) => s.id);
    if (siteIds.length === 0) return { rows: [], reminders: 0 };
    const days = plan.flatMap((p) => (p.previous ? [p.previous] : []));
    const [dayRows, planRows, reportRows] = await Promise.all([
      days.length
        ? db.cleaningDay.findMany({
            where: { siteId: { in: siteIds }, date: { in: [...new Set(days)].map(dateColumn) } },
            select: { siteId: true, date: true, reportSentAt: true, steps: { select: { step: true } } },
          })
        : [],
      db.cleaningPlan.findMany({
        where: { siteId: { in: siteIds }, period: { in: [...new Set(plan.flatMap((p) => [p.lastWeek, p.lastMonth]))].map(dateColumn) } },
        select: { siteId: true, kind: true, period: true },
      }),
      db.cleaningMonthlyReport.findMany({
        where: {
          siteId: { in: siteIds },
          OR: [{ month: { in: [...new Set(plan.map((p) => p.lastMonth))].map(dateColumn) } }, { instructedAt: null }],
        },
        select: { id: true, siteId: true, month: true, instructedAt: true },
      }),
    ]);

    const rows: NotificationRow[] = [];
    let reminders = 0;
    const push = (
      users: SiteMember[],
      siteId: string,
      kind: string,
      key: string,
      link: string,
      text: ReturnType<typeof localizedNotification>,
    ) => {
      if (users.length === 0) return;
      reminders += 1;
      for (const u of users) rows.push({ userId: u.userId, siteId, kind, link, dedupeKey: `${key}:${u.userId}`, ...text });
    };

    for (const { site, calendar, previous, lastWeek, lastMonth } of plan) {
      const members = membersOf(site.id);
      const supervisors = cleaningSupervisors(members);
      const q = `?site=${site.id}`;
      if (previous) {
        const day = dayRows.find((d) => d.siteId === site.id && localDateOfColumn(d.date) === previous);
        const missing = missingOfDay(
          (day?.steps ?? []).map((s) => s.step as DayStep),
          !!day?.reportSentAt,
        );
        if (missing.length > 0)
          push(
            supervisors,
            site.id,
            "cleaning.missed",
            `cleaning:missed:${site.id}:${previous}`,
            `/cleaning/days/${previous}${q}`,
            localizedNotification((t) => ({
              title: t("cleaningSupervision.notify.missed.title", { site: site.name, date: previous, count: missing.length }),
              body: t("cleaningSupervision.notify.missed.body", {
                items: listOfNames(
                  t,
                  missing.map((k) => t(`cleaningSupervision.items.${k}`)),
                ),
              }),
            })),
          );
      }
      for (const [kind, period] of [
        ["WEEKLY", lastWeek],
        ["MONTHLY", lastMonth],
      ] as const) {
        if (planRows.some((p) => p.siteId === site.id && p.kind === kind && localDateOfColumn(p.period) === period)) continue;
        // A week or month without working days has nothing due; a week's plan is due by its meeting at the latest.
        const due = kind === "MONTHLY" ? monthEndDue(calendar, period) : weeklyPlanDue(calendar, period, null, null);
        if (!due) continue;
        push(
          [...supervisors, ...managers(members)],
          site.id,
          "cleaning.plan",
          `cleaning:plan:${site.id}:${kind}:${period}`,
          `/cleaning/plans${q}`,
          localizedNotification((t) => ({
            title: t("cleaningSupervision.notify.plan.title", { site: site.name }),
            body: t("cleaningSupervision.notify.plan.body", {
              period: kind === "WEEKLY" ? period : period.slice(0, 7),
              due: formatInZone(due, calendar.timeZone),
            }),
          })),
        );
      }
      const monthly = reportRows.filter((r) => r.siteId === site.id);
      const lastMonthDue = monthEndDue(calendar, lastMonth);
      if (lastMonthDue && !monthly.some((r) => localDateOfColumn(r.month) === lastMonth))
        push(
          supervisors,
          site.id,
          "cleaning.monthly",
          `cleaning:monthly:${site.id}:${lastMonth}`,
          `/cleaning/plans${q}`,
          localizedNotification((t) => ({
            title: t("cleaningSupervision.notify.monthly.title", { site: site.name, month: lastMonth.slice(0, 7) }),
            body: t("cleaningSupervision.notify.monthly.body", { due: formatInZone(lastMonthDue, calendar.timeZone) }),
          })),
        );
      for (const r of monthly.filter((x) => !x.instructedAt))
        push(
          managers(members),
          site.id,
          "cleaning.instruct",
          `cleaning:instruct:${r.id}`,
          `/cleaning/plans${q}`,
          localizedNotification((t) => ({
            title: t("cleaningSupervision.notify.instruct.title", { site: site.name, month: localDateOfColumn(r.month).slice(0, 7) }),
            body: t("cleaningSupervision.notify.instruct.body"),
          })),
        );
    }
    return { rows, reminders };
  },
};
