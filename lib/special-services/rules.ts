/**
 * Special-service rules of §3.3 (R-SVC-1..2), pure (no I/O): the order's workflow, the phone
 * revisit's deadline on the site's working-day calendar (lib/calendar, R-CAL-1..2) and the checks of
 * the times staff enter.
 */
import type { Calendar, Deadline } from "@/lib/calendar";

export type OrderState = "ORDERED" | "DONE" | "CLOSED" | "CANCELLED";

/** R-SVC-2: the phone revisit is due within this many working days of the service unless the site says otherwise. */
export const DEFAULT_REVISIT_WORKING_DAYS = 3;
export const MIN_REVISIT_WORKING_DAYS = 1;
export const MAX_REVISIT_WORKING_DAYS = 30;

/** A service may be booked this far back (recorded afterwards) or ahead. */
export const MAX_SCHEDULE_BACK_DAYS = 30;
export const MAX_SCHEDULE_AHEAD_DAYS = 366;
/** Done, delivered and revisited times may be entered up to this far back (the paper was filled in later). */
export const MAX_BACKDATE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks and the time it takes to fill a form. */
const SLACK_MS = 60_000;

/**
 * R-SVC-2 (R-CAL-2): by the end of the N-th working day after the local date of the service; a
 * service on a rest day counts from that day all the same.
 */
export function revisitDue(calendar: Calendar, doneAt: Date, workingDays: number): Deadline {
  return calendar.addWorkingDays(doneAt, workingDays);
}

/** The step each action starts from: nothing is skipped, nothing is done twice. */
export const STEP_FROM = {
  cancel: "ORDERED",
  recordDone: "ORDERED",
  deliverNotice: "DONE",
  revisit: "DONE",
} as const satisfies Record<string, OrderState>;

export type Step = keyof typeof STEP_FROM;

export function canDo(step: Step, state: OrderState): boolean {
  return STEP_FROM[step] === state;
}

/** R-SVC-2: the order is finished once the notice is delivered AND the client was revisited, in either order. */
export function isFinished(order: { noticeDeliveredAt: Date | null; revisitedAt: Date | null }): boolean {
  return order.noticeDeliveredAt !== null && order.revisitedAt !== null;
}

export type TimeCheck = "ok" | "future" | "too_old" | "before_previous";

/**
 * A time staff enter for a step (service done, notice delivered, revisit): not in the future, at most
 * MAX_BACKDATE_DAYS back, and never before the step it follows (the service before its notice and revisit).
 */
export function checkStepTime(at: Date, now: Date, notBefore: Date | null): TimeCheck {
  if (at.getTime() > now.getTime() + SLACK_MS) return "future";
  if (now.getTime() - at.getTime() > MAX_BACKDATE_DAYS * DAY_MS) return "too_old";
  if (notBefore && at.getTime() < notBefore.getTime()) return "before_previous";
  return "ok";
}

/** The appointment: within MAX_SCHEDULE_BACK_DAYS back (an order written down afterwards) and a year ahead. */
export function checkScheduledAt(at: Date, now: Date): "ok" | "too_old" | "too_far" {
  if (now.getTime() - at.getTime() > MAX_SCHEDULE_BACK_DAYS * DAY_MS) return "too_old";
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_DAYS * DAY_MS) return "too_far";
  return "ok";
}

/** A time entered more than 10 minutes before it was recorded is backdated (kept in the audit trail). */
export function isBackdated(at: Date, now: Date): boolean {
  return now.getTime() - at.getTime() > 10 * 60_000;
}

/** Whether an order's phone revisit is open (the service done, no revisit yet). */
export function revisitOpen(order: { state: OrderState; revisitedAt: Date | null }): boolean {
  return order.state === "DONE" && order.revisitedAt === null;
}
