import "server-only";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import { listOfNames, type NotificationRow, type ReminderSource } from "@/lib/reminders/source";
import { streamStatusesOf, type StreamOverview } from "./queries";
import { wasteReminderRecipients } from "./rules";

/**
 * Waste reminders (§12, §13, R-WST-2) for the reminder run: once a local day per site, the managers and
 * the cleaning supervisor hear which streams are past their clearance period. Three queries whatever
 * the number of sites (lib/waste/queries.ts streamStatusesOf).
 */
export const wasteReminders: ReminderSource = {
  name: "waste",
  async collect({ now, sites, calendars, membersOf }) {
    const statuses = await streamStatusesOf(
      sites.map((s) => ({ id: s.id, name: s.name, timeZone: calendars.get(s.id)!.timeZone })),
      now,
    );
    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const overdue = statuses.filter((s) => s.siteId === site.id && s.state === "OVERDUE");
      if (overdue.length === 0) continue;
      const recipients = wasteReminderRecipients(membersOf(site.id));
      if (recipients.length === 0) continue;
      reminders += 1;
      const today = overdue[0].today;
      for (const userId of recipients)
        rows.push({
          userId,
          siteId: site.id,
          kind: "waste.overdue",
          link: "/waste",
          dedupeKey: `waste.overdue:${site.id}:${today}:${userId}`,
          ...localizedNotification((t) => overdueText(t, overdue, site.name)),
        });
    }
    return { rows, reminders };
  },
};

function overdueText(t: Translate, overdue: StreamOverview[], siteName: string) {
  return {
    title: t("notifications.waste.overdue.title", { count: overdue.length }),
    body: t("notifications.waste.overdue.body", {
      site: siteName,
      streams: listOfNames(
        t,
        overdue.map((s) =>
          t("notifications.waste.overdue.stream", { stream: t(`notifications.waste.streams.${s.stream}`), days: s.daysOverdue }),
        ),
      ),
    }),
  };
}
