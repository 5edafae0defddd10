import "server-only";
import { formatInZone, type Calendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import type { NotificationRow, ReminderSource } from "@/lib/reminders/source";
import { computeReminders, notificationDedupeKey, type Reminder, type ReminderComplaint } from "./reminder.rules";
import type { ComplaintState } from "./rules";

/**
 * Complaint deadline reminders (R-CMP-2/3/5) for the reminder run: loads the open complaints whose
 * current deadline is close, lets reminder.rules.ts decide what is due and writes one notification per
 * recipient in every UI language. One query whatever the number of sites and complaints.
 */

const OPEN_STATES: ComplaintState[] = ["RECEIVED", "IN_RECTIFICATION", "RECTIFIED"];
/** A deadline due "today" anywhere ends within a day of now; the exact test is in reminder.rules.ts. */
const LOOKAHEAD_MS = 26 * 60 * 60 * 1000;

function complaintLink(complaintId: string): string {
  return `/complaints/${complaintId}`;
}

export const complaintReminders: ReminderSource = {
  name: "complaints",
  async collect({ now, sites, calendars, membersOf }) {
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
    const complaints = await db.complaint.findMany({
      where: {
        siteId: { in: sites.map((s) => s.id) },
        OR: [
          { state: { in: ["RECEIVED", "IN_RECTIFICATION"] }, rectificationDueAt: { lte: horizon } },
          { state: "RECTIFIED", revisitDueAt: { lte: horizon } },
        ],
      },
      select: {
        id: true,
        number: true,
        siteId: true,
        state: true,
        round: true,
        rectificationDueAt: true,
        revisitDueAt: true,
        receivedById: true,
      },
      orderBy: [{ siteId: "asc" }, { number: "asc" }],
    });

    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const calendar = calendars.get(site.id)!;
      const siteComplaints: ReminderComplaint[] = complaints.filter((c) => c.siteId === site.id && OPEN_STATES.includes(c.state));
      if (siteComplaints.length === 0) continue;
      const due = computeReminders({ complaints: siteComplaints, members: membersOf(site.id), calendar, now });
      reminders += due.length;
      for (const r of due) {
        const text = localizedNotification((t) => notificationText(t, r, site.name, calendar));
        for (const userId of r.recipients) {
          rows.push({
            userId,
            siteId: site.id,
            kind: `reminder.${r.kind}.${r.status}`,
            ...text,
            link: complaintLink(r.complaintId),
            dedupeKey: notificationDedupeKey(r, userId),
          });
        }
      }
    }
    return { rows, reminders };
  },
};

/** One reminder's text in the language of `t`; the nested step name is translated with the same `t`. */
function notificationText(t: Translate, r: Reminder, siteName: string, calendar: Calendar) {
  return {
    title: t(`notifications.reminder.${r.kind}.${r.status}`, { number: r.complaintNumber }),
    body: t("notifications.reminder.body", {
      site: siteName,
      step: t(`notifications.reminder.step.${r.kind}`),
      due: formatInZone(r.dueAt, calendar.timeZone),
      round: r.round,
    }),
  };
}
