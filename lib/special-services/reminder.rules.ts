/**
 * Phone-revisit reminders of special services (R-SVC-2), pure: no I/O, no env, no server zone.
 *
 * An open revisit (service done, no revisit yet) is reminded "due soon" from the last working day
 * before its deadline's day, "due today" on that day and "overdue" every day after, exactly as the
 * complaint reminders time theirs (lib/complaints/reminder.rules.ts reminderStatus). It goes to the
 * site's active client-service staff who may revisit (supervisors, clerks, managers) and to whoever
 * recorded the service. The dedupe key names the order and the site-local date of the run, so any
 * number of runs on one day remind each person once.
 */
import type { Calendar, LocalDate } from "@/lib/calendar";
import { reminderStatus, type ReminderStatus } from "@/lib/complaints/reminder.rules";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SiteMember } from "@/lib/reminders/source";

/** The roles holding service:revisit (lib/permissions.ts). */
export const REVISIT_ROLES: readonly Role[] = ["SUPERVISOR", "CLERK", "MANAGER"];

export interface ReminderOrder {
  id: string;
  noticeNumber: string | null;
  serviceName: string;
  tenantName: string;
  revisitDueAt: Date;
  doneRecordedById: string | null;
}

export interface ServiceRevisitReminder {
  orderId: string;
  order: ReminderOrder;
  status: ReminderStatus;
  localDate: LocalDate;
  recipients: string[];
  /** `reminder:service-revisit:<orderId>:<localDate>` */
  dedupeKey: string;
}

export function serviceReminderDedupeKey(orderId: string, localDate: LocalDate): string {
  return `reminder:service-revisit:${orderId}:${localDate}`;
}

/** The reminders due at `now` for the open revisits of ONE site. */
export function computeServiceRevisitReminders(input: {
  orders: readonly ReminderOrder[];
  members: readonly SiteMember[];
  calendar: Calendar;
  now: Date;
}): ServiceRevisitReminder[] {
  const localDate = input.calendar.localDateOf(input.now);
  const reminders: ServiceRevisitReminder[] = [];
  for (const order of input.orders) {
    const status = reminderStatus(input.calendar, order.revisitDueAt, input.now);
    if (!status) continue;
    const recipients = new Set<string>();
    for (const m of input.members) {
      if (m.disabled) continue;
      if (REVISIT_ROLES.includes(m.role) || m.userId === order.doneRecordedById) recipients.add(m.userId);
    }
    if (recipients.size === 0) continue;
    reminders.push({
      orderId: order.id,
      order,
      status,
      localDate,
      recipients: [...recipients].sort(),
      dedupeKey: serviceReminderDedupeKey(order.id, localDate),
    });
  }
  return reminders;
}
