/**
 * Complaint rules of §3.1, pure (no I/O): deadlines, the workflow, and deadline states.
 * Every deadline is computed with the site's working-day calendar (lib/calendar, R-CAL-1..3).
 */
import { diffDays, type Calendar, type Deadline } from "@/lib/calendar";

export type Severity = "MAJOR" | "GENERAL";
export type ComplaintState = "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED" | "CLOSED";
export type SatisfactionLevel = "SATISFIED" | "BASICALLY_SATISFIED" | "UNSATISFIED";

/** R-CMP-2: rectify within 1 working day (major) or 3 working days (general) of receipt. */
export const RECTIFICATION_WORKING_DAYS: Record<Severity, number> = { MAJOR: 1, GENERAL: 3 };
/** R-CMP-3: revisit within 1 week (major) or 2 weeks (general) of rectification — calendar days. */
export const REVISIT_WEEKS: Record<Severity, number> = { MAJOR: 1, GENERAL: 2 };
/** A supervisor may backdate the receipt by up to 7 days. */
export const MAX_BACKDATE_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * "Due soon" (R-CMP-5) counts the deadline's own kind of days: a rectification deadline (working
 * days, R-CMP-2) within the next 3 working days, a revisit deadline (calendar weeks, R-CMP-3) within
 * the next 3 calendar days.
 */
export const DUE_SOON_WORKING_DAYS = 3;
export const DUE_SOON_CALENDAR_DAYS = 3;

export type DeadlineKind = "rectification" | "revisit";

/** R-CMP-2 (R-CAL-2): counted from receipt, or from the unsatisfied revisit that reopened the complaint. */
export function rectificationDue(calendar: Calendar, from: Date, severity: Severity): Deadline {
  return calendar.addWorkingDays(from, RECTIFICATION_WORKING_DAYS[severity]);
}

/** R-CMP-3 (R-CAL-3): counted from the recorded rectification. */
export function revisitDue(calendar: Calendar, rectifiedAt: Date, severity: Severity): Deadline {
  return calendar.addCalendarWeeks(rectifiedAt, REVISIT_WEEKS[severity]);
}

/** The workflow: each step has exactly one state it starts from; nothing can be skipped. */
export const STEP_FROM = {
  startRectification: "RECEIVED",
  recordRectification: "IN_RECTIFICATION",
  recordRevisit: "RECTIFIED",
  close: "REVISITED",
} as const satisfies Record<string, ComplaintState>;

export type Step = keyof typeof STEP_FROM;

export function canDo(step: Step, state: ComplaintState): boolean {
  return STEP_FROM[step] === state;
}

/** R-CMP-4: an unsatisfied client reopens the complaint (a new round of rectification). */
export function stateAfterRevisit(satisfaction: SatisfactionLevel): ComplaintState {
  return satisfaction === "UNSATISFIED" ? "IN_RECTIFICATION" : "REVISITED";
}

/** Received-at is now by default; backdating (≤ 7 days, never in the future) needs the right. */
export function checkReceivedAt(receivedAt: Date, now: Date, mayBackdate: boolean): "ok" | "future" | "too_old" | "not_allowed" {
  // A minute of slack for clocks and the time it takes to fill the form.
  if (receivedAt.getTime() > now.getTime() + 60_000) return "future";
  const backdated = now.getTime() - receivedAt.getTime() > 10 * 60_000;
  if (!backdated) return "ok";
  if (!mayBackdate) return "not_allowed";
  return now.getTime() - receivedAt.getTime() > MAX_BACKDATE_MS ? "too_old" : "ok";
}

export type RecordedTimeCheck = "ok" | "future" | "too_old" | "not_allowed" | "before_previous";

/**
 * R-CMP-2/3: a rectification or revisit time follows the received-at rule (now by default; earlier
 * only with the backdating right, at most 7 days back, never in the future) and never lies before the
 * step it follows (the receipt, the revisit that reopened the complaint, or the rectification).
 */
export function checkStepTime(at: Date, now: Date, mayBackdate: boolean, notBefore: Date | null): RecordedTimeCheck {
  const check = checkReceivedAt(at, now, mayBackdate);
  if (check !== "ok") return check;
  return notBefore && at.getTime() < notBefore.getTime() ? "before_previous" : "ok";
}

/** A time entered more than the 10 minutes of form-filling slack before now is a backdated one (audited). */
export function isBackdated(at: Date, now: Date): boolean {
  return now.getTime() - at.getTime() > 10 * 60_000;
}

export type DeadlineState = "met" | "met_late" | "overdue" | "due_today" | "due_soon" | "on_track";

/**
 * R-CMP-5: the state of one deadline, as the dashboard and the record show it. "Due today" is counted
 * in the site's local days; "due soon" in the deadline's own kind of days (working days for a
 * rectification, calendar days for a revisit).
 */
export function deadlineState(calendar: Calendar, dueAt: Date, doneAt: Date | null, now: Date, kind: DeadlineKind): DeadlineState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? "met" : "met_late";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  const today = calendar.localDateOf(now);
  const dueDay = calendar.localDateOf(dueAt);
  if (dueDay === today) return "due_today";
  const soon =
    kind === "rectification"
      ? calendar.workingDaysBetween(today, dueDay) <= DUE_SOON_WORKING_DAYS
      : diffDays(today, dueDay) <= DUE_SOON_CALENDAR_DAYS;
  return soon ? "due_soon" : "on_track";
}

/** The deadline that matters now for a complaint in `state` (null once closed or waiting for closure). */
export function currentDeadline(c: { state: ComplaintState; rectificationDueAt: Date; revisitDueAt: Date | null }): {
  kind: DeadlineKind;
  dueAt: Date;
} | null {
  if (c.state === "RECEIVED" || c.state === "IN_RECTIFICATION") return { kind: "rectification", dueAt: c.rectificationDueAt };
  if (c.state === "RECTIFIED" && c.revisitDueAt) return { kind: "revisit", dueAt: c.revisitDueAt };
  return null;
}
