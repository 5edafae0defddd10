import "server-only";
import type { ChatTopic } from "./schema";
import { notifyChannels, type ChannelNotice } from "./send";

/** A notification the reminder run has just created (lib/reminders/run.ts). */
export interface CreatedReminder {
  siteId: string | null;
  kind: string;
  title: string;
  body: string | null;
  /** { en: { title, body } }: the other UI languages (lib/notifications/texts.ts). */
  texts: unknown;
  link: string | null;
  dedupeKey: string;
}

/**
 * Leave waiting for a decision and health certificates running out are topics of their own; every
 * other reminder of the run is a deadline.
 */
export function topicOf(kind: string): ChatTopic {
  if (kind.includes("leave")) return "leave";
  if (kind.includes("certificate")) return "healthCertificates";
  return "deadlines";
}

/**
 * The morning run's new notifications, once per matter (the same kind and record reach several
 * people: one chat message), to each site's channels. A rerun creates no notification, so sends
 * nothing; the delivery's dedupe key (kind, record, the site's local day) guards the rest. The day is
 * the site's (R-CAL), from the run's own calendars: a run just after midnight in Shanghai is still the
 * previous day in UTC.
 */
export async function sendRemindersToChannels(
  created: readonly CreatedReminder[],
  localDayOf: (siteId: string) => string | undefined,
): Promise<void> {
  const bySite = new Map<string, Map<string, ChannelNotice>>();
  for (const n of created) {
    if (!n.siteId) continue;
    const day = localDayOf(n.siteId);
    if (!day) continue;
    const notices = bySite.get(n.siteId) ?? new Map<string, ChannelNotice>();
    bySite.set(n.siteId, notices);
    const dedupeKey = `${n.kind}|${n.link ?? n.title}|${day}`;
    if (notices.has(dedupeKey)) continue;
    const texts: ChannelNotice["texts"] = { "zh-CN": { title: n.title, text: n.body ?? "" } };
    for (const [locale, text] of Object.entries((n.texts ?? {}) as Record<string, { title?: string; body?: string | null }>))
      if (text?.title) texts[locale] = { title: text.title, text: text.body ?? "" };
    notices.set(dedupeKey, { topic: topicOf(n.kind), dedupeKey, link: n.link, texts });
  }
  for (const [siteId, notices] of bySite) await notifyChannels(siteId, [...notices.values()]);
}
