/**
 * Complaint rules of §3.1, pure (no I/O): deadlines, the workflow, and deadline states.
 * Every deadline is computed with the site's working-day calendar (lib/calendar, R-CAL-1..3).
 */
import type { Calendar, Deadline } from "@/lib/calendar";

export type Severity = "MAJOR" | "GENERAL";
export type ComplaintState = "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED" | "CLOSED";
export type SatisfactionLevel = "SATISFIED" | "BASICALLY_SATISFIED" | "UNSATISFIED";

/** R-CMP-2: rectify within 1 working day (major) or 3 working days (general) of receipt. */
export const RECTIFICATION_WORKING_DAYS: Record<Severity, number> = { MAJOR: 1, GENERAL: 3 };
/** R-CMP-3: revisit within 1 week (major) or 2 weeks (general) of rectification — calendar days. */
export const REVISIT_WEEKS: Record<Severity, number> = { MAJOR: 1, GENERAL: 2 };
/** A supervisor may backdate the receipt by up to 7 days. */
export const MAX_BACKDATE_MS = 7 * 24 * 60 * 60 * 1000;
/** "Due soon" on the dashboard: within the next 3 working days. */
export const DUE_SOON_WORKING_DAYS = 3;

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

export type DeadlineState = "met" | "met_late" | "overdue" | "due_today" | "due_soon" | "on_track";

/**
 * R-CMP-5: the state of one deadline, as the dashboard and the record show it. "Due today" and
 * "due soon" are counted in the site's local days and working days.
 */
export function deadlineState(calendar: Calendar, dueAt: Date, doneAt: Date | null, now: Date): DeadlineState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? "met" : "met_late";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  const today = calendar.localDateOf(now);
  const dueDay = calendar.localDateOf(dueAt);
  if (dueDay === today) return "due_today";
  return calendar.workingDaysBetween(today, dueDay) <= DUE_SOON_WORKING_DAYS ? "due_soon" : "on_track";
}

/** The deadline that matters now for a complaint in `state` (null once closed or waiting for closure). */
export function currentDeadline(c: { state: ComplaintState; rectificationDueAt: Date; revisitDueAt: Date | null }): {
  kind: "rectification" | "revisit";
  dueAt: Date;
} | null {
  if (c.state === "RECEIVED" || c.state === "IN_RECTIFICATION") return { kind: "rectification", dueAt: c.rectificationDueAt };
  if (c.state === "RECTIFIED" && c.revisitDueAt) return { kind: "revisit", dueAt: c.revisitDueAt };
  return null;
}
