/**
 * Deadline reminders for complaints (R-CMP-2/3/5), pure: no I/O, no env, no server zone.
 *
 * A reminder is due for an open complaint whose current deadline (rectification while RECEIVED or
 * IN_RECTIFICATION, revisit while RECTIFIED) falls on the site's local today or has passed, and a
 * "due soon" one on the last working day before the deadline's day — the working day before it, or,
 * for a deadline on a non-working day, the last working day before that — so that no deadline is
 * first reminded after it has passed (runs happen on working days only). It goes to
 * the people responsible for that step on the complaint's site, plus the staff member who received it.
 * Its dedupe key names the complaint, the step, the round and the site-local date of the run, so any
 * number of runs on one local day create one reminder per person, and an overdue step is reminded
 * again on each following day until it is done.
 */
import { addDays, type Calendar, type LocalDate } from "@/lib/calendar";
import { currentDeadline, type ComplaintState } from "./rules";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SiteMember } from "@/lib/reminders/source";

export type ReminderKind = "rectification" | "revisit";
export type ReminderStatus = "due_soon" | "due_today" | "overdue";

/** Who is responsible for each step (besides the receiver): R-CMP-2 rectification, R-CMP-3/4 revisit. */
export const RECIPIENT_ROLES: Record<ReminderKind, readonly Role[]> = {
  rectification: ["SUPERVISOR", "MANAGER"],
  revisit: ["SUPERVISOR", "CLERK", "MANAGER"],
};

/** An open complaint as the reminder run loads it. */
export interface ReminderComplaint {
  id: string;
  number: string;
  state: ComplaintState;
  round: number;
  rectificationDueAt: Date;
  revisitDueAt: Date | null;
  receivedById: string;
}

export interface Reminder {
  complaintId: string;
  complaintNumber: string;
  kind: ReminderKind;
  status: ReminderStatus;
  round: number;
  dueAt: Date;
  /** The site-local date of the run (part of the dedupe key). */
  localDate: LocalDate;
  /** Sorted, unique user ids. */
  recipients: string[];
  /** `reminder:<complaintId>:<kind>:<round>:<localDate>` */
  dedupeKey: string;
}

export function reminderDedupeKey(complaintId: string, kind: ReminderKind, round: number, localDate: LocalDate): string {
  return `reminder:${complaintId}:${kind}:${round}:${localDate}`;
}

/** Notification.dedupeKey is unique per row, so each recipient's copy carries the user id too. */
export function notificationDedupeKey(reminder: Pick<Reminder, "dedupeKey">, userId: string): string {
  return `${reminder.dedupeKey}:${userId}`;
}

/** A search bound: no calendar has a month without a working day. */
const MAX_NON_WORKING_RUN = 31;

/** The last working day strictly before `date` in the site's calendar. */
export function lastWorkingDayBefore(calendar: Calendar, date: LocalDate): LocalDate {
  for (let back = 1; back <= MAX_NON_WORKING_RUN; back++) {
    const day = addDays(date, -back);
    if (calendar.isWorkingDay(day)) return day;
  }
  return addDays(date, -1);
}

/**
 * "due_soon" (from the last working day before the deadline's day), "due_today" or "overdue" for a
 * deadline at `now` in the site's days, or null when it is further ahead.
 */
export function reminderStatus(calendar: Calendar, dueAt: Date, now: Date): ReminderStatus | null {
  const today = calendar.localDateOf(now);
  const dueDay = calendar.localDateOf(dueAt);
  if (now.getTime() > dueAt.getTime() || dueDay < today) return "overdue";
  if (dueDay === today) return "due_today";
  return lastWorkingDayBefore(calendar, dueDay) <= today ? "due_soon" : null;
}

/**
 * Recipients: the active members of the site holding one of the step's roles, plus the receiver if
 * still an active member of the site (someone disabled or moved off the site could not open the
 * complaint, so they are not notified).
 */
function recipientsOf(kind: ReminderKind, receivedById: string, members: readonly SiteMember[]): string[] {
  const roles = RECIPIENT_ROLES[kind];
  const ids = new Set<string>();
  for (const m of members) {
    if (m.disabled) continue;
    if (roles.includes(m.role) || m.userId === receivedById) ids.add(m.userId);
  }
  return [...ids].sort();
}

/** The reminders due at `now` for the open complaints of ONE site (its calendar and members). */
export function computeReminders(input: {
  complaints: readonly ReminderComplaint[];
  members: readonly SiteMember[];
  calendar: Calendar;
  now: Date;
}): Reminder[] {
  const { calendar, now } = input;
  const localDate = calendar.localDateOf(now);
  const reminders: Reminder[] = [];
  for (const c of input.complaints) {
    const deadline = currentDeadline(c);
    if (!deadline) continue;
    const status = reminderStatus(calendar, deadline.dueAt, now);
    if (!status) continue;
    const recipients = recipientsOf(deadline.kind, c.receivedById, input.members);
    if (recipients.length === 0) continue;
    reminders.push({
      complaintId: c.id,
      complaintNumber: c.number,
      kind: deadline.kind,
      status,
      round: c.round,
      dueAt: deadline.dueAt,
      localDate,
      recipients,
      dedupeKey: reminderDedupeKey(c.id, deadline.kind, c.round, localDate),
    });
  }
  return reminders;
}
