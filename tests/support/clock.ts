import { vi } from "vitest";

/**
 * A Wednesday morning in Shanghai, a working day (R-CAL) well inside any inspection window a test sets.
 * Tests that submit a round for "now" fix the clock here, so that a run in the last minute of the local day
 * (when every window of the day has closed, R-INS-4) or across midnight judges the same way as at noon.
 */
export const WORKING_MORNING = new Date("2026-11-25T10:00:00+08:00");

/**
 * Fixes `Date` (only) at `at`; the clock then runs on from there, so timeouts and polling loops still move.
 * Undo with `vi.useRealTimers()`.
 */
export function fixClock(at: Date = WORKING_MORNING) {
  vi.useFakeTimers({ toFake: ["Date"], now: at, shouldAdvanceTime: true });
}
