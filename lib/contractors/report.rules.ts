/**
 * Pure figures of the monthly contractor report (cleaning and catering, issue 18 item 7): the month's
 * days and weeks, the canteen checks' short dish counts (R-CAT-1), the weekly papers' punctuality and
 * the cleaning supervisor's missed items (R-CLN-1). No I/O; dates are the site's local dates.
 */
import { addDays, type LocalDate } from "@/lib/calendar";
import type { DayItemKey, ItemState } from "@/lib/cleaning-supervision/rules";
import { DISH_COUNT_FIELDS, dishShortfalls, type DishCountField, type DishCounts, type WeeklyDocState } from "./rules";

/** First day of the month after 'YYYY-MM'. */
export const nextMonthStart = (month: string): LocalDate => `${addDays(`${month}-28`, 7).slice(0, 7)}-01`;

/** Every local date of the month, up to `today` when the month is the current one (a later day has not happened). */
export function monthDaysUpTo(month: string, today: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = `${month}-01`; d < nextMonthStart(month) && d <= today; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The Mondays that fall in the month: the weeks the month's report answers for (R-CAT-1 menus and summaries). */
export function mondaysOf(month: string, weekStartOf: (d: LocalDate) => LocalDate): LocalDate[] {
  const weeks: LocalDate[] = [];
  for (let w = weekStartOf(`${month}-01`); w < nextMonthStart(month); w = addDays(w, 7)) if (w.slice(0, 7) === month) weeks.push(w);
  return weeks;
}

/** The weekly papers' states counted (pending = deadline still ahead; notDue = a week without working day). */
export function docTally(states: readonly WeeklyDocState[]) {
  return {
    onTime: states.filter((s) => s === "onTime").length,
    late: states.filter((s) => s === "late").length,
    missing: states.filter((s) => s === "missing").length,
    pending: states.filter((s) => s === "pending").length,
  };
}

/** R-CAT-1: the month's checks, failed ones, escalations, and per dish count the days it fell short with the lowest count. */
export function canteenTally(checks: readonly (DishCounts & { failures: number; resolution: string })[]) {
  const short = Object.fromEntries(DISH_COUNT_FIELDS.map((f) => [f, { days: 0, lowest: null as number | null }])) as Record<
    DishCountField,
    { days: number; lowest: number | null }
  >;
  for (const check of checks)
    for (const s of dishShortfalls(check)) {
      short[s.field].days += 1;
      short[s.field].lowest = short[s.field].lowest === null ? s.count : Math.min(short[s.field].lowest!, s.count);
    }
  return {
    done: checks.length,
    failed: checks.filter((c) => c.failures > 0).length,
    escalated: checks.filter((c) => c.resolution === "ESCALATED").length,
    shortDays: checks.filter((c) => dishShortfalls(c).length > 0).length,
    short,
  };
}

/**
 * R-CLN-1 over a month: the supervisor's working days (R-CAL-1), those with a record, those whose report
 * was sent, and the missed items per kind. A day's items come from dayItems (lib/cleaning-supervision).
 */
export function cleaningTally(
  days: readonly { date: LocalDate; recorded: boolean; items: readonly { key: DayItemKey; state: ItemState }[] | null }[],
) {
  const working = days.filter((d) => d.items !== null);
  const missedByItem: Partial<Record<DayItemKey, number>> = {};
  let missed = 0;
  for (const d of working)
    for (const i of d.items!)
      if (i.state === "missed") {
        missed += 1;
        missedByItem[i.key] = (missedByItem[i.key] ?? 0) + 1;
      }
  return {
    workingDays: working.length,
    recordedDays: working.filter((d) => d.recorded).length,
    reportsSent: working.filter((d) => d.items!.some((i) => i.key === "REPORT" && (i.state === "done" || i.state === "late"))).length,
    daysWithMissed: working.filter((d) => d.items!.some((i) => i.state === "missed")).length,
    missed,
    missedByItem,
  };
}
