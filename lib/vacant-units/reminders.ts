import "server-only";
import { formatInZone, type Calendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import { listOfNames, type NotificationRow, type ReminderSource } from "@/lib/reminders/source";
import { computeVacantReminders, inMonthEndWindow, type VacantNotice } from "./reminder.rules";

/**
 * Vacant-unit reminders (§8, R-VAC-1/3) for the reminder run: loads what reminder.rules.ts needs and
 * writes the texts in every UI language. At most two queries whatever the number of sites and
 * records; the units are read only for sites whose month-end window is open today.
 */
export const vacantUnitReminders: ReminderSource = {
  name: "vacant-units",
  async collect({ now, sites, calendars, membersOf }) {
    const siteIds = sites.map((s) => s.id);
    const todayOf = (siteId: string) => calendars.get(siteId)!.localDateOf(now);
    const windowSites = siteIds.filter((id) => inMonthEndWindow(calendars.get(id)!, todayOf(id)));
    const months = [...new Set(windowSites.map((id) => todayOf(id).slice(0, 7)))];

    const [units, records] = await Promise.all([
      windowSites.length
        ? db.unit.findMany({
            where: { siteId: { in: windowSites } },
            select: { id: true, siteId: true, status: true, createdAt: true, statusChanges: { select: { status: true, changedAt: true } } },
          })
        : [],
      siteIds.length
        ? db.vacantCleaningRecord.findMany({
            where: {
              siteId: { in: siteIds },
              OR: [{ state: "SUBMITTED" }, ...(windowSites.length ? [{ siteId: { in: windowSites }, month: { in: months } }] : [])],
            },
            select: {
              id: true,
              siteId: true,
              unitId: true,
              month: true,
              state: true,
              createdById: true,
              updatedAt: true,
              unit: { select: { code: true } },
            },
          })
        : [],
    ]);

    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const calendar = calendars.get(site.id)!;
      const notices = computeVacantReminders({
        siteId: site.id,
        units: units.filter((u) => u.siteId === site.id),
        records: records.filter((r) => r.siteId === site.id).map((r) => ({ ...r, unitCode: r.unit.code, submittedAt: r.updatedAt })),
        members: membersOf(site.id),
        calendar,
        now,
      });
      // A "reminder" is one matter (a site's month, its records awaiting verification), however many hear of it.
      reminders += new Set(notices.map((n) => `${n.kind}:${n.link}`)).size;
      for (const n of notices)
        rows.push({
          userId: n.userId,
          siteId: site.id,
          kind: n.kind,
          link: n.link,
          dedupeKey: n.dedupeKey,
          ...localizedNotification((t) => vacantText(t, n, site.name, calendar)),
        });
    }
    return { rows, reminders };
  },
};

function vacantText(t: Translate, n: VacantNotice, siteName: string, calendar: Calendar) {
  if (n.kind === "vacant.month_end")
    return {
      title: t("notifications.vacant.monthEnd.title", { count: n.count }),
      body: t("notifications.vacant.monthEnd.body", { site: siteName, month: n.month }),
    };
  return {
    title: t("notifications.vacant.awaiting.title", { count: n.count }),
    body: t("notifications.vacant.awaiting.body", {
      site: siteName,
      since: formatInZone(n.oldestSubmittedAt!, calendar.timeZone),
      units: listOfNames(t, n.unitCodes ?? []),
    }),
  };
}
