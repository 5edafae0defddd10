import "server-only";
import { formatInZone } from "@/lib/calendar";
import { reminderStatus } from "@/lib/complaints/reminder.rules";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { localizedNotification } from "@/lib/notifications/texts";
import type { NotificationRow, ReminderSource } from "@/lib/reminders/source";
import { currentDeadline } from "./rules";

/**
 * Survey-opinion deadline reminders (R-SUR-1..3) for the morning run: the items whose running
 * deadline (delivery, written answer, revisit) is due soon, due today or overdue, to the site's
 * client-service staff and whoever summarised the item. One query whatever the number of sites; the
 * dedupe key names the item, the step and the site-local date, so reruns on one day add nothing.
 */

const RECIPIENT_ROLES: readonly Role[] = ["MANAGER", "SUPERVISOR", "CLERK"];
/** A deadline due "today" anywhere ends within a day of now; due soon reaches back over a long weekend. */
const LOOKAHEAD_MS = 5 * 24 * 60 * 60 * 1000;

export const surveyReminders: ReminderSource = {
  name: "surveys",
  async collect({ now, sites, calendars, membersOf }) {
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
    const items = await db.surveyOpinionItem.findMany({
      where: {
        siteId: { in: sites.map((s) => s.id) },
        OR: [
          { state: "SUMMARISED", deliveryDueAt: { lte: horizon } },
          { state: "DELIVERED", answerDueAt: { lte: horizon } },
          { state: "RECTIFIED", revisitDueAt: { lte: horizon } },
        ],
      },
      select: {
        id: true,
        siteId: true,
        state: true,
        summary: true,
        summarisedById: true,
        deliveryDueAt: true,
        deliveredAt: true,
        answerDueAt: true,
        answeredAt: true,
        revisitDueAt: true,
        revisitedAt: true,
        tenant: { select: { name: true } },
      },
      orderBy: [{ siteId: "asc" }, { deliveryDueAt: "asc" }],
    });
    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const calendar = calendars.get(site.id);
      if (!calendar) continue;
      const localDate = calendar.localDateOf(now);
      const members = membersOf(site.id);
      for (const item of items) {
        if (item.siteId !== site.id) continue;
        const deadline = currentDeadline(item);
        if (!deadline) continue;
        const status = reminderStatus(calendar, deadline.dueAt, now);
        if (!status) continue;
        const recipients = [
          ...new Set(
            members
              .filter((m) => !m.disabled && (RECIPIENT_ROLES.includes(m.role) || m.userId === item.summarisedById))
              .map((m) => m.userId),
          ),
        ].sort();
        if (recipients.length === 0) continue;
        reminders += 1;
        const text = localizedNotification((t) => ({
          title: t(`notifications.survey.${status}`, { tenant: item.tenant.name }),
          body: t("notifications.survey.body", {
            site: site.name,
            step: t(`notifications.survey.step.${deadline.kind}`),
            due: formatInZone(deadline.dueAt, calendar.timeZone),
          }),
        }));
        const key = `survey:${item.id}:${deadline.kind}:${localDate}`;
        for (const userId of recipients)
          rows.push({
            userId,
            siteId: site.id,
            kind: `survey.${deadline.kind}.${status}`,
            ...text,
            link: `/surveys/items/${item.id}`,
            dedupeKey: `${key}:${userId}`,
          });
      }
    }
    return { rows, reminders };
  },
};
