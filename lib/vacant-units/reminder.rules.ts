/**
 * Vacant-unit reminders (§8, R-VAC-1 "cleaned once a month", R-VAC-3 "the supervisor checks the
 * record"), pure: no I/O, no server zone. The month's schedule comes from lib/vacant-units/rules.ts
 * (isDue / cellState), never re-derived here.
 *
 * - month_end: from the 3rd-last working day of the site-local month (site calendar) until it ends,
 *   each working-day run tells the people who record and verify how many due units still have no
 *   submitted or verified record this month (a sent-back record does not count as done).
 * - awaiting_verification: records SUBMITTED since the 2nd working day before today or earlier are
 *   reminded to those who may verify them (never the person who entered one: the four-eyes check of
 *   lib/vacant-units/mutations.ts refuses that).
 *
 * One notification per user, site, kind and site-local day (the dedupe key names all four).
 */
import { addDays, type Calendar, type LocalDate } from "@/lib/calendar";
import type { CleaningRecordState, UnitStatus } from "@/lib/generated/prisma/enums";
import { roleHas } from "@/lib/permissions";
import { cellState, firstDayOf, isDue, lastDayOf, monthOf, type MonthKey, type StatusChange } from "./rules";
import type { SiteMember } from "@/lib/reminders/source";

/** The window opens on this working day counted back from the month's end (3 = the 3rd-last). */
export const MONTH_END_WORKING_DAYS = 3;
/** A submitted record is reminded once it has waited this many working days. */
export const VERIFY_WAIT_WORKING_DAYS = 2;

export type VacantNoticeKind = "vacant.month_end" | "vacant.awaiting_verification";

/** One user's notification, before its text is written (./reminders.ts does that). */
export interface VacantNotice {
  userId: string;
  kind: VacantNoticeKind;
  dedupeKey: string;
  link: string;
  /** month_end: due units not done; awaiting_verification: records waiting for this user. */
  count: number;
  month: MonthKey;
  /** awaiting_verification: the oldest waiting record (linked) and the unit codes, oldest first. */
  oldestSubmittedAt?: Date;
  unitCodes?: string[];
}

export interface VacantUnitInput {
  id: string;
  status: UnitStatus;
  createdAt: Date;
  statusChanges: StatusChange[];
}

export interface VacantRecordInput {
  id: string;
  unitId: string;
  unitCode: string;
  month: MonthKey;
  state: CleaningRecordState;
  createdById: string;
  /** When it was (last) submitted: the record's updatedAt while SUBMITTED. */
  submittedAt: Date;
}

export function vacantDedupeKey(kind: VacantNoticeKind, siteId: string, localDate: LocalDate, userId: string): string {
  return `${kind}:${siteId}:${localDate}:${userId}`;
}

/**
 * The first day of the month-end window: the MONTH_END_WORKING_DAYS-th working day counted back from
 * the month's last day. A month with fewer working days (site closures) is in the window throughout.
 */
export function monthEndWindowStart(calendar: Calendar, month: MonthKey): LocalDate {
  const first = firstDayOf(month);
  let found = 0;
  for (let day = lastDayOf(month); day >= first; day = addDays(day, -1)) {
    if (calendar.isWorkingDay(day) && ++found === MONTH_END_WORKING_DAYS) return day;
  }
  return first;
}

/** Whether a run on the site-local date `today` reminds of the month's open units: a working day in the window. */
export function inMonthEndWindow(calendar: Calendar, today: LocalDate): boolean {
  return calendar.isWorkingDay(today) && today >= monthEndWindowStart(calendar, monthOf(today));
}

/**
 * Who records and verifies (R-VAC-3): active members whose role has vacant:verify; a supervisor only
 * when the cleaning duty is theirs (or no duty is set) — the coordination supervisor has no part in it.
 */
export function vacantVerifiers(members: readonly SiteMember[]): SiteMember[] {
  return members.filter((m) => !m.disabled && roleHas(m.role, "vacant:verify") && !(m.role === "SUPERVISOR" && m.duty === "COORDINATION"));
}

/** The reminders of ONE site at `now`. `records` holds the site's records of the current month and every SUBMITTED one. */
export function computeVacantReminders(input: {
  siteId: string;
  units: readonly VacantUnitInput[];
  records: readonly VacantRecordInput[];
  members: readonly SiteMember[];
  calendar: Calendar;
  now: Date;
}): VacantNotice[] {
  const { siteId, calendar, now } = input;
  const today = calendar.localDateOf(now);
  const month = monthOf(today);
  const verifiers = vacantVerifiers(input.members);
  if (verifiers.length === 0) return [];
  const notices: VacantNotice[] = [];

  if (inMonthEndWindow(calendar, today)) {
    const recordOf = new Map(input.records.filter((r) => r.month === month).map((r) => [r.unitId, r]));
    const open = input.units.filter((u) => {
      if (!isDue(u, u.statusChanges, month, calendar.timeZone, now)) return false;
      const state = cellState(recordOf.get(u.id) ?? null, month, calendar.timeZone, now);
      return state !== "submitted" && state !== "verified";
    }).length;
    if (open > 0)
      for (const v of verifiers)
        notices.push({
          userId: v.userId,
          kind: "vacant.month_end",
          dedupeKey: vacantDedupeKey("vacant.month_end", siteId, today, v.userId),
          link: "/vacant-units",
          count: open,
          month,
        });
  }

  const waiting = input.records
    .filter(
      (r) => r.state === "SUBMITTED" && calendar.workingDaysBetween(calendar.localDateOf(r.submittedAt), today) >= VERIFY_WAIT_WORKING_DAYS,
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const v of verifiers) {
    const mine = waiting.filter((r) => r.createdById !== v.userId);
    if (mine.length === 0) continue;
    notices.push({
      userId: v.userId,
      kind: "vacant.awaiting_verification",
      dedupeKey: vacantDedupeKey("vacant.awaiting_verification", siteId, today, v.userId),
      link: `/vacant-units/records/${mine[0].id}`,
      count: mine.length,
      month,
      oldestSubmittedAt: mine[0].submittedAt,
      unitCodes: mine.map((r) => r.unitCode),
    });
  }
  return notices;
}
