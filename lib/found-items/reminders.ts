import "server-only";
import { localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import { listOfNames, type NotificationRow, type ReminderSource } from "@/lib/reminders/source";
import { dueForDisposalWhere } from "./due";
import { disposalReminderRecipients } from "./rules";

/**
 * Found items (§7.8, R-LOST-1) for the reminder run: once a local day per site, its managers and
 * supervisors hear which unclaimed items are kept past their period and may now be disposed of with a
 * witness. One query whatever the number of sites; the dedupe key names the site and its local day.
 */
export const foundItemReminders: ReminderSource = {
  name: "found-items",
  async collect({ now, sites, calendars, membersOf }) {
    const todayOf = new Map(sites.flatMap((s) => (calendars.get(s.id) ? [[s.id, calendars.get(s.id)!.localDateOf(now)] as const] : [])));
    if (todayOf.size === 0) return { rows: [], reminders: 0 };
    const due = await db.foundItem.findMany({
      where: dueForDisposalWhere(todayOf),
      select: { siteId: true, number: true, description: true, keepUntil: true },
      orderBy: [{ keepUntil: "asc" }, { number: "asc" }],
    });
    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const items = due.filter((i) => i.siteId === site.id);
      if (items.length === 0) continue;
      const recipients = disposalReminderRecipients(membersOf(site.id));
      if (recipients.length === 0) continue;
      reminders += 1;
      const today = todayOf.get(site.id)!;
      const text = localizedNotification((t) => dueText(t, site.name, items));
      for (const userId of recipients)
        rows.push({
          userId,
          siteId: site.id,
          kind: "found.due",
          link: `/found-items?state=DUE&site=${site.id}`,
          dedupeKey: `found.due:${site.id}:${today}:${userId}`,
          ...text,
        });
    }
    return { rows, reminders };
  },
};

function dueText(t: Translate, siteName: string, items: { number: string; description: string; keepUntil: Date }[]) {
  return {
    title: t("notifications.foundItems.due.title", { count: items.length }),
    body: t("notifications.foundItems.due.body", {
      site: siteName,
      items: listOfNames(
        t,
        items.map((i) =>
          t("notifications.foundItems.due.item", {
            number: i.number,
            description: i.description,
            keepUntil: localDateOfColumn(i.keepUntil),
          }),
        ),
      ),
    }),
  };
}
