import "server-only";
import { randomUUID } from "node:crypto";
import type { Calendar } from "@/lib/calendar";
import { sendRemindersToChannels } from "@/lib/chat-channels/reminders";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { emailDelivery } from "./email";
import type { DeliverDigests, NotificationRow, ReminderSite, SiteMember, UserDigest } from "./source";
import { REMINDER_SOURCES } from "./sources";
import { scheduledRunDue } from "./schedule";

/**
 * The reminder run: loads the sites' calendars once and, ten sites at a time, their members; asks
 * every module's reminder source (sources.ts: complaint deadlines, vacant units, weekly meetings) for
 * those sites' notifications due and stores them. Safe to run any number of times: Notification.dedupeKey is
 * unique and inserts skip existing keys.
 *
 * Notification texts are written in every UI language when the reminder is created
 * (lib/notifications/texts.ts): title/body in the reference language (zh-CN), `texts` the others.
 *
 * Email: `options.deliver` receives, per user, the notifications this run created (nothing when none
 * are new). By default it is the SMTP digest of lib/reminders/email.ts when SMTP_URL is set, else
 * nothing is sent; a delivery failure is logged and never undoes or fails the in-app notifications.
 */

export type { UserDigest } from "./source";

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

export interface RunOptions {
  deliver?: DeliverDigests;
  /** Sites collected and stored together (default SITE_BATCH; tests make it small). */
  siteBatch?: number;
}

const INSERT_CHUNK = 1000;

/**
 * Sites whose notifications are collected, stored and sent to their channels together, before the next
 * sites are collected. On fifty sites the day's first run makes ~30 000 notifications; built all at once
 * they were ~33 MB of the serving instance's heap beside its pages (docs/performance.md, "The reminder
 * run that stopped the server"). A fixed number of queries per batch, whatever its records.
 */
const SITE_BATCH = 10;

/** A notification the run inserted: what the chat channels and the e-mail digest are given. */
type CreatedNotification = UserDigest["notifications"][number] & {
  userId: string;
  siteId: string | null;
  kind: string;
  texts: unknown;
  dedupeKey: string;
};

/**
 * Inserts one chunk of notifications, skipping the dedupe keys that exist (ON CONFLICT DO NOTHING), and
 * returns the rows really inserted. One statement with one array parameter per column: Prisma's
 * `createManyAndReturn` planned a chunk as 9 000 scalar parameters, and on fifty sites' first run of a
 * day (~30 000 notifications) those plans filled the server's 256 MB heap and stopped it
 * (docs/performance.md, "The reminder run that stopped the server").
 */
async function insertNotifications(rows: readonly NotificationRow[]): Promise<CreatedNotification[]> {
  if (rows.length === 0) return [];
  // Only the new ids come back; the rest of each inserted row is the one given (its strings not copied).
  const inserted = await db.$queryRaw<{ id: string; dedupeKey: string }[]>`
    INSERT INTO "Notification" ("id", "userId", "siteId", "kind", "title", "body", "texts", "link", "dedupeKey")
    SELECT r.id, r."userId", r."siteId", r.kind, r.title, r.body, r.texts::jsonb, r.link, r."dedupeKey"
      FROM unnest(
             ${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.siteId)}::text[],
             ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.body)}::text[],
             ${rows.map((r) => JSON.stringify(r.texts))}::text[], ${rows.map((r) => r.link)}::text[], ${rows.map((r) => r.dedupeKey)}::text[]
           ) AS r(id, "userId", "siteId", kind, title, body, texts, link, "dedupeKey")
        ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id, "dedupeKey"`;
  const idOf = new Map(inserted.map((r) => [r.dedupeKey, r.id]));
  return rows.flatMap((row) => {
    const id = idOf.get(row.dedupeKey);
    // A key given twice is stored once (the second skipped, as a key stored earlier is): reported once.
    idOf.delete(row.dedupeKey);
    return id ? [{ ...row, id }] : [];
  });
}

/**
 * Runs reminders for `siteIds` (every site when omitted; none for an empty list) at `now`.
 * A fixed number of queries per SITE_BATCH sites whatever their complaints, units and meetings, plus
 * one insert per 1000 notifications.
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
  sites: ReminderSite[],
  calendars: Map<string, Calendar>,
  options: RunOptions,
): Promise<ReminderRunResult> {
  const withCalendar = sites.filter((s) => calendars.has(s.id));
  const deliver = options.deliver ?? emailDelivery();
  const batch = Math.max(1, options.siteBatch ?? SITE_BATCH);
  // One digest per user for the whole run, whichever batches their sites fell in.
  const byUser = new Map<string, UserDigest>();
  let reminders = 0;
  let created = 0;
  for (let i = 0; i < withCalendar.length; i += batch) {
    const stored = await runForBatch(now, withCalendar.slice(i, i + batch), calendars);
    reminders += stored.reminders;
    created += stored.created.length;
    if (!deliver) continue;
    for (const { userId, id, title, body, link } of stored.created) {
      const digest = byUser.get(userId) ?? { userId, notifications: [] };
      digest.notifications.push({ id, title, body, link });
      byUser.set(userId, digest);
    }
  }

  if (deliver && byUser.size > 0) {
    try {
      await deliver([...byUser.values()]);
    } catch (err) {
      console.error("[reminders] digest delivery failed; in-app notifications were created", err);
    }
  }

  return { sites: sites.length, reminders, created };
}

/** One batch of sites (all with a calendar): their members, every source's rows, the inserts, their channels. */
async function runForBatch(
  now: Date,
  sites: ReminderSite[],
  calendars: Map<string, Calendar>,
): Promise<{ reminders: number; created: CreatedNotification[] }> {
  const memberships = await db.userSite.findMany({
    where: { siteId: { in: sites.map((s) => s.id) }, user: { disabled: false } },
    select: { siteId: true, user: { select: { id: true, role: true, disabled: true, duty: true } } },
  });
  const members = new Map<string, SiteMember[]>();
  for (const m of memberships) {
    const list = members.get(m.siteId) ?? [];
    list.push({ userId: m.user.id, role: m.user.role, disabled: m.user.disabled, duty: m.user.duty });
    members.set(m.siteId, list);
  }
  const membersOf = (siteId: string): SiteMember[] => [...(members.get(siteId) ?? [])];

  const context = { now, sites, calendars, membersOf };
  const rows: NotificationRow[] = [];
  let reminders = 0;
  for (const collected of await Promise.all(REMINDER_SOURCES.map((source) => source.collect(context)))) {
    rows.push(...collected.rows);
    reminders += collected.reminders;
  }

  const created: CreatedNotification[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) created.push(...(await insertNotifications(rows.slice(i, i + INSERT_CHUNK))));
  // The sites' chat channels as well (queued; never fails the run).
  await sendRemindersToChannels(created, (siteId) => calendars.get(siteId)?.localDateOf(now));
  return { reminders, created };
}
