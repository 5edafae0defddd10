/**
 * What a module gives the reminder run (lib/reminders/run.ts): a ReminderSource. Each module that
 * reminds people keeps its source beside its rules (lib/complaints/reminders.ts,
 * lib/vacant-units/reminders.ts, lib/meetings/reminders.ts); the runner loops over the list in
 * lib/reminders/sources.ts and knows nothing of any module. No I/O here.
 */
import type { Calendar } from "@/lib/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, SupervisorDuty } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/server";

/** A user assigned to the site (UserSite), as the run loads them once for every source. */
export interface SiteMember {
  userId: string;
  role: Role;
  disabled: boolean;
  /** A supervisor's duty (vacant-unit reminders go to the cleaning side). */
  duty?: SupervisorDuty | null;
}

export interface ReminderSite {
  id: string;
  name: string;
}

/** One run's view of the world: the sites to remind, with their calendars and members. */
export interface ReminderContext {
  now: Date;
  /** Only sites with a calendar. */
  sites: readonly ReminderSite[];
  calendars: ReadonlyMap<string, Calendar>;
  membersOf: (siteId: string) => SiteMember[];
}

/**
 * One in-app notification to insert: the text in the reference language (zh-CN) plus `texts` for the
 * others (lib/notifications/texts.ts). `dedupeKey` is unique per row, so reruns insert nothing twice.
 */
export interface NotificationRow {
  userId: string;
  siteId: string;
  kind: string;
  title: string;
  body: string | null;
  texts: Prisma.InputJsonValue;
  link: string;
  dedupeKey: string;
}

export interface ReminderSource {
  /** For logs and tests: "complaints", "vacant-units", "meetings". */
  name: string;
  /**
   * The notifications due at `context.now`, in a fixed number of queries whatever the number of sites
   * and records. `reminders` counts matters (a complaint's step, a site's month, a meeting), however
   * many people hear of each.
   */
  collect(context: ReminderContext): Promise<{ rows: NotificationRow[]; reminders: number }>;
}

/** What the run created for one user, handed to the delivery (the e-mail digest). */
export interface UserDigest {
  userId: string;
  notifications: { id: string; title: string; body: string | null; link: string | null }[];
}

export type DeliverDigests = (digests: UserDigest[]) => Promise<void>;

/** At most this many names (units, people) in a body; the rest are counted. */
const LISTED = 10;

/** A list of names for a notification body, in the language of `t`. */
export function listOfNames(t: Translate, names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(t("notifications.listSeparator"));
  return names.length > LISTED ? t("notifications.moreNames", { names: shown, more: names.length - LISTED }) : shown;
}
