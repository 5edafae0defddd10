import "server-only";
import { emailDelivery } from "./email";
import { formatInZone, type Calendar } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar-admin/store";
import { db } from "@/lib/db";
import type { ComplaintState } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import {
  computeReminders,
  notificationDedupeKey,
  scheduledRunDue,
  type Reminder,
  type ReminderComplaint,
  type SiteMember,
} from "./compute";
import { moduleReminderRows, type NotificationRow } from "./modules";

/**
 * The reminder run: loads the open complaints of the given sites, computes the reminders
 * due (lib/reminders/compute.ts) and stores one in-app notification per recipient. The same run adds
 * the vacant-unit (R-VAC-1/3, vacant.ts) and weekly-meeting (R-MTG-1/3, meetings.ts) reminders,
 * loaded by modules.ts. Safe to run any number of times: Notification.dedupeKey is unique and
 * inserts skip existing keys.
 *
 * Notification texts are written in every UI language when the reminder is created
 * (lib/notifications/texts.ts): title/body in the reference language (zh-CN), `texts` the others.
 *
 * Email: `options.deliver` receives, per user, the notifications this run created (nothing when none
 * are new). By default it is the SMTP digest of lib/reminders/email.ts when SMTP_URL is set, else
 * nothing is sent; a delivery failure is logged and never undoes or fails the in-app notifications.
 */

export interface ReminderRunResult {
  /** Sites looked at. */
  sites: number;
  /**
   * Matters reminded: complaint deadlines due today or overdue, plus each site's open vacant units of
   * the month, its records awaiting verification, each series not held this week and each meeting
   * with pending leave.
   */
  reminders: number;
  /** Notifications this run created (a rerun on the same local day creates 0). */
  created: number;
}

export interface UserDigest {
  userId: string;
  notifications: { id: string; title: string; body: string | null; link: string | null }[];
}

export interface RunOptions {
  deliver?: (digests: UserDigest[]) => Promise<void>;
}

const OPEN_STATES: ComplaintState[] = ["RECEIVED", "IN_RECTIFICATION", "RECTIFIED"];
/** A deadline due "today" anywhere ends within a day of now; the exact test is in compute.ts. */
const LOOKAHEAD_MS = 26 * 60 * 60 * 1000;
const INSERT_CHUNK = 1000;

export function complaintLink(complaintId: string): string {
  return `/complaints/${complaintId}`;
}

/**
 * Runs reminders for `siteIds` (every site when omitted; none for an empty list) at `now`.
 * A fixed number of queries whatever the number of sites, complaints, units and meetings, plus one
 * insert per 1000 notifications.
 */
export async function runReminders(now: Date = new Date(), siteIds?: string[], options: RunOptions = {}): Promise<ReminderRunResult> {
  const sites = await db.site.findMany({
    where: siteIds ? { id: { in: siteIds } } : undefined,
    select: { id: true, name: true },
    orderBy: { code: "asc" },
  });
  if (sites.length === 0) return { sites: 0, reminders: 0, created: 0 };
  return runForSites(now, sites, await loadSiteCalendars(sites.map((s) => s.id)), options);
}

/**
 * The scheduled run (every 15 minutes, lib/reminders/queue.ts): processes the sites where it is now
 * a working day at or after 08:30 local time and that have no run recorded for their local today
 * in `lastRunDates` (updated here). Reruns are harmless anyway (dedupe keys).
 */
export async function runScheduledReminders(
  now: Date,
  lastRunDates: Map<string, string>,
  options: RunOptions = {},
): Promise<ReminderRunResult & { siteIds: string[] }> {
  const allSites = await db.site.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } });
  const calendars = await loadSiteCalendars(allSites.map((s) => s.id));
  const due = allSites.filter((s) => {
    const calendar = calendars.get(s.id);
    return calendar !== undefined && scheduledRunDue(calendar, now, lastRunDates.get(s.id));
  });
  if (due.length === 0) return { sites: 0, reminders: 0, created: 0, siteIds: [] };
  const result = await runForSites(now, due, calendars, options);
  for (const s of due) lastRunDates.set(s.id, calendars.get(s.id)!.localDateOf(now));
  return { ...result, siteIds: due.map((s) => s.id) };
}

async function runForSites(
  now: Date,
  sites: { id: string; name: string }[],
  calendars: Map<string, Calendar>,
  options: RunOptions,
): Promise<ReminderRunResult> {
  const siteIds = sites.map((s) => s.id);
  const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
  const [complaints, memberships] = await Promise.all([
    db.complaint.findMany({
      where: {
        siteId: { in: siteIds },
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
    }),
    db.userSite.findMany({
      where: { siteId: { in: siteIds }, user: { disabled: false } },
      select: { siteId: true, user: { select: { id: true, role: true, disabled: true, duty: true } } },
    }),
  ]);

  const membersOf = (siteId: string): SiteMember[] =>
    memberships
      .filter((m) => m.siteId === siteId)
      .map((m) => ({ userId: m.user.id, role: m.user.role, disabled: m.user.disabled, duty: m.user.duty }));
  const rows: NotificationRow[] = [];
  let reminderCount = 0;
  for (const site of sites) {
    const calendar = calendars.get(site.id);
    if (!calendar) continue;
    const siteComplaints: ReminderComplaint[] = complaints.filter((c) => c.siteId === site.id && OPEN_STATES.includes(c.state));
    if (siteComplaints.length === 0) continue;
    const reminders = computeReminders({ complaints: siteComplaints, members: membersOf(site.id), calendar, now });
    reminderCount += reminders.length;
    for (const r of reminders) {
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

  // Vacant units (R-VAC-1/3) and weekly meetings (R-MTG-1/3): lib/reminders/modules.ts.
  const modules = await moduleReminderRows({ now, sites, calendars, membersOf });
  rows.push(...modules.rows);
  reminderCount += modules.reminders;

  const created: (UserDigest["notifications"][number] & { userId: string })[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    // createMany + skipDuplicates (ON CONFLICT DO NOTHING), returning only the rows really inserted.
    const inserted = await db.notification.createManyAndReturn({
      data: rows.slice(i, i + INSERT_CHUNK),
      skipDuplicates: true,
      select: { id: true, userId: true, title: true, body: true, link: true },
    });
    created.push(...inserted);
  }

  const deliver = options.deliver ?? emailDelivery();
  if (deliver && created.length > 0) {
    const byUser = new Map<string, UserDigest>();
    for (const { userId, ...n } of created) {
      const digest = byUser.get(userId) ?? { userId, notifications: [] };
      digest.notifications.push(n);
      byUser.set(userId, digest);
    }
    try {
      await deliver([...byUser.values()]);
    } catch (err) {
      console.error("[reminders] digest delivery failed; in-app notifications were created", err);
    }
  }

  return { sites: sites.length, reminders: reminderCount, created: created.length };
}

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
