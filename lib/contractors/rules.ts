/**
 * Pure rules of contractor supervision (R-CAT-1, §6, §7, §10, §11): dish counts, the weekly
 * documents' deadlines in site time, health-certificate states. No I/O; dates are local dates of
 * the site ('YYYY-MM-DD') and the working days come from the site's calendar (lib/calendar).
 */
import { addDays, dayOfWeek, diffDays, instantFromLocalDateTime, type Calendar, type LocalDate } from "@/lib/calendar";

/** R-CAT-1 (§11.1(2)): 早餐花色品种不少于八种，中餐主菜不少于五种主食不少于四种，晚餐不少于八种. */
export const DISH_MINIMUMS = {
  breakfastKinds: 8,
  lunchMainDishes: 5,
  lunchStaples: 4,
  dinnerKinds: 8,
} as const;

export type DishCountField = keyof typeof DISH_MINIMUMS;
export const DISH_COUNT_FIELDS = Object.keys(DISH_MINIMUMS) as DishCountField[];
export type DishCounts = Record<DishCountField, number>;

export interface DishShortfall {
  field: DishCountField;
  count: number;
  minimum: number;
}

/** R-CAT-1: every count below its minimum, with the number counted (a failure shown with its number). */
export function dishShortfalls(counts: DishCounts): DishShortfall[] {
  return DISH_COUNT_FIELDS.filter((field) => counts[field] < DISH_MINIMUMS[field]).map((field) => ({
    field,
    count: counts[field],
    minimum: DISH_MINIMUMS[field],
  }));
}

// ---------------------------------------------------------------------------------------------
// Health certificates (健康证, §11.3(4))
// ---------------------------------------------------------------------------------------------

/** A certificate expiring within this many days is "soon"; the reminder goes out this many days before. */
export const CERTIFICATE_WARNING_DAYS = 30;

export type CertificateState = "valid" | "expiringSoon" | "expired" | "missing";

/**
 * A certificate is valid through its expiry date (有效期至): expired from the next day on; expiring
 * soon when the expiry is at most 30 days away (today included). No certificate at all is "missing",
 * which the canteen check flags like an expired one.
 */
export function certificateState(expiresOn: LocalDate | null | undefined, today: LocalDate): CertificateState {
  if (!expiresOn) return "missing";
  const left = diffDays(today, expiresOn);
  if (left < 0) return "expired";
  return left <= CERTIFICATE_WARNING_DAYS ? "expiringSoon" : "valid";
}

/** Needs attention on the canteen check: the employee cannot show a valid certificate today. */
export const isCertificateFlagged = (state: CertificateState) => state === "expired" || state === "missing";

/** An expiry before the issue date is a typing error (refused). */
export const expiryBeforeIssue = (issuedOn: LocalDate, expiresOn: LocalDate) => diffDays(issuedOn, expiresOn) < 0;

// ---------------------------------------------------------------------------------------------
// Weekly documents of the catering company (§11.1(3), §11.4(5))
// ---------------------------------------------------------------------------------------------

/** Monday of the week (Monday to Sunday) that contains `date`. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

export type WeeklyDocKind = "WEEKLY_MENU" | "WEEKLY_SUMMARY";

/** How far back a weekly document may still be recorded (a late one is kept, flagged late). */
export const WEEKS_BACK = 8;

/**
 * Which weeks a document may be recorded for: a Monday, from 8 weeks back to next week. A menu for a
 * week after next is refused (the catering company plans one week ahead, R-CAT-1).
 */
export function weekProblem(weekStart: LocalDate, today: LocalDate): "notMonday" | "futureWeek" | "tooOld" | null {
  if (dayOfWeek(weekStart) !== 1) return "notMonday";
  const current = weekStartOf(today);
  if (diffDays(current, weekStart) > 7) return "futureWeek";
  if (diffDays(weekStart, current) > WEEKS_BACK * 7) return "tooOld";
  return null;
}

/**
 * The deadline of a weekly document, or null when none is due that week.
 *
 * R-CAT-1 (§11.1(3) 每周一中午前报送本周主菜单): the menu is due before 12:00 site time on Monday. When
 * the Monday is not a working day (a statutory holiday such as 2026-05-04), the deadline moves to
 * 12:00 of the week's first working day (a make-up Saturday or Sunday counts): the catering company's
 * office and the client-service department do not exchange documents on a holiday
 * (docs/decisions/015-contractors-menu-deadline.md). A week without any working day has no menu due.
 *
 * §11.4(5) 每周五把本周总结及下周工作要点报客务部: the summary is due by the end of Friday; on a
 * non-working Friday, by the end of the last working day before it in the same week; none when the
 * week has no working day up to Friday.
 */
export function weeklyDocDeadline(kind: WeeklyDocKind, weekStart: LocalDate, calendar: Calendar): Date | null {
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  if (kind === "WEEKLY_MENU") {
    const first = days.find((d) => calendar.isWorkingDay(d));
    return first ? instantFromLocalDateTime(`${first}T12:00`, calendar.timeZone) : null;
  }
  const last = days
    .slice(0, 5)
    .reverse()
    .find((d) => calendar.isWorkingDay(d));
  return last ? calendar.endOfLocalDay(last) : null;
}

export type WeeklyDocState = "onTime" | "late" | "missing" | "pending" | "notDue";

/**
 * A document's state: received by the deadline (on time) or after it (late, R-CAT-1 "flagged"); not
 * received and the deadline passed (missing) or still ahead (pending); no deadline that week (notDue).
 * The Monday-noon deadline is met by a menu received before 12:00 (中午前), so 12:00:00 itself is late.
 */
export function weeklyDocState(deadline: Date | null, receivedAt: Date | null, now: Date): WeeklyDocState {
  if (!deadline) return receivedAt ? "onTime" : "notDue";
  if (receivedAt) return receivedAt.getTime() < deadline.getTime() ? "onTime" : "late";
  return now.getTime() < deadline.getTime() ? "pending" : "missing";
}

/** §6.7 照价赔偿: an amount in yuan with at most two decimals, as text ("120", "35.50"). */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,7})(\.\d{1,2})?$/;

/** A site's canteen month as one line of the many-sites view (lib/many-sites.ts, R-CAT-1). */
export interface CanteenSiteSummary {
  checkedToday: boolean;
  /** Checks recorded in the month, and their failed items together. */
  checks: number;
  failures: number;
  /** Weekly menus and summaries past their deadline and not received. */
  missingDocs: number;
  /** Catering staff without a valid 健康证 today. */
  flaggedCertificates: number;
}

export function canteenSiteSummary(site: {
  todayCheckId: string | null;
  checks: readonly { failures: number }[];
  weekly: readonly { state: WeeklyDocState }[];
  flaggedCertificates: readonly unknown[];
}): CanteenSiteSummary {
  return {
    checkedToday: site.todayCheckId !== null,
    checks: site.checks.length,
    failures: site.checks.reduce((sum, c) => sum + c.failures, 0),
    missingDocs: site.weekly.filter((w) => w.state === "missing").length,
    flaggedCertificates: site.flaggedCertificates.length,
  };
}
