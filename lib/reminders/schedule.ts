/** When the scheduled reminder run processes a site (lib/reminders/queue.ts), pure: no I/O, no server zone. */
import { formatInZone, type Calendar, type LocalDate } from "@/lib/calendar";

/** The scheduled run: each working-day morning at this site-local time (or the first tick after it). */
export const MORNING_RUN_AT = "08:30";

/**
 * Whether the scheduled run should process a site at `now`: a working day of the site's calendar,
 * at or after MORNING_RUN_AT site time, and not yet run on this local date (`lastRunDate`).
 */
export function scheduledRunDue(calendar: Calendar, now: Date, lastRunDate: LocalDate | undefined): boolean {
  const [today, time] = formatInZone(now, calendar.timeZone).split(" ");
  if (lastRunDate === today) return false;
  if (!calendar.isWorkingDay(today)) return false;
  return time >= MORNING_RUN_AT;
}
