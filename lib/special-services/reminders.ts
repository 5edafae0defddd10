import "server-only";
import { formatInZone, type Calendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import type { NotificationRow, ReminderSource } from "@/lib/reminders/source";
import { computeServiceRevisitReminders, type ServiceRevisitReminder } from "./reminder.rules";

/** A deadline due "today" anywhere ends within a day of now; "due soon" looks ahead over a long weekend or holiday. */
const LOOKAHEAD_MS = 10 * 24 * 60 * 60 * 1000;

/**
 * Special-service phone revisits (R-SVC-2) for the morning reminder run: one query for the open
 * revisits of every site whose deadline is near or past; reminder.rules.ts decides what is due.
 */
export const specialServiceReminders: ReminderSource = {
  name: "special-services",
  async collect({ now, sites, calendars, membersOf }) {
    if (sites.length === 0) return { rows: [], reminders: 0 };
    const orders = await db.specialServiceOrder.findMany({
      where: {
        siteId: { in: sites.map((s) => s.id) },
        state: "DONE",
        revisitedAt: null,
        revisitDueAt: { lte: new Date(now.getTime() + LOOKAHEAD_MS) },
      },
      select: {
        id: true,
        siteId: true,
        noticeNumber: true,
        serviceName: true,
        revisitDueAt: true,
        doneRecordedById: true,
        tenant: { select: { name: true } },
      },
      orderBy: [{ siteId: "asc" }, { revisitDueAt: "asc" }],
    });
    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const calendar = calendars.get(site.id)!;
      const siteOrders = orders
        .filter((o) => o.siteId === site.id && o.revisitDueAt)
        .map((o) => ({ ...o, revisitDueAt: o.revisitDueAt!, tenantName: o.tenant.name }));
      if (siteOrders.length === 0) continue;
      const due = computeServiceRevisitReminders({ orders: siteOrders, members: membersOf(site.id), calendar, now });
      reminders += due.length;
      for (const r of due) {
        const text = localizedNotification((t) => notificationText(t, r, site.name, calendar));
        for (const userId of r.recipients)
          rows.push({
            userId,
            siteId: site.id,
            kind: `reminder.serviceRevisit.${r.status}`,
            ...text,
            link: `/special-services/${r.orderId}`,
            dedupeKey: `${r.dedupeKey}:${userId}`,
          });
      }
    }
    return { rows, reminders };
  },
};

function notificationText(t: Translate, r: ServiceRevisitReminder, siteName: string, calendar: Calendar) {
  return {
    title: t(`notifications.serviceRevisit.${r.status}`, { service: r.order.serviceName, tenant: r.order.tenantName }),
    body: t("notifications.serviceRevisit.body", {
      site: siteName,
      number: r.order.noticeNumber ?? "—",
      due: formatInZone(r.order.revisitDueAt, calendar.timeZone),
    }),
  };
}
