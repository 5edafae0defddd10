/**
 * Solid waste and packaging (§12, §13): who answers for each stream, within how many days it is
 * cleared, and whether it is overdue. Pure: local dates 'YYYY-MM-DD' of the site (R-CAL-2), periods in
 * calendar days (R-CAL-3). R-WST-1..3 in docs/rules.md.
 */
import { addDays, diffDays, type LocalDate } from "@/lib/calendar/local-date";
import type { WasteResponsible, WasteStream } from "@/lib/generated/prisma/enums";
import { showsEachSite } from "@/lib/many-sites";

export const MIN_CLEARANCE_DAYS = 1;
export const MAX_CLEARANCE_DAYS = 365;

/**
 * R-WST-1: the regulation's owners of each stream. Sorting points are run for the property (§12.5, the
 * cleaning contractor empties them daily); batteries by engineering with the supplier (§12.6); toner and
 * ink by admin/HR (§12.7–8); pest-control packaging by the cleaning contractor (§12.9, §13); hazardous
 * engineering materials by purchasing (§12.11). A site's managers may change owner and period.
 */
export const STREAM_DEFAULTS: Readonly<Record<WasteStream, { responsible: WasteResponsible; clearanceDays: number }>> = {
  RECYCLABLE: { responsible: "CLEANING_CONTRACTOR", clearanceDays: 7 },
  NON_RECYCLABLE: { responsible: "CLEANING_CONTRACTOR", clearanceDays: 1 },
  BATTERIES: { responsible: "ENGINEERING", clearanceDays: 90 },
  TONER: { responsible: "ADMIN_HR", clearanceDays: 60 },
  PACKAGING: { responsible: "CLEANING_CONTRACTOR", clearanceDays: 30 },
  HAZARDOUS: { responsible: "PURCHASING", clearanceDays: 90 },
};

export type StreamState = "NOT_IN_USE" | "OK" | "DUE_TODAY" | "OVERDUE";

export interface StreamStatus {
  state: StreamState;
  /** Last local day by which the next clearance is due (null when the stream is not in use). */
  dueOn: LocalDate | null;
  /** Whole days past dueOn (0 unless overdue). */
  daysOverdue: number;
}

/**
 * R-WST-2: a stream in use at a site (it has an active container) is cleared within its period: by the
 * end of the local day lastCleared + N, or inUseSince + N when it was never cleared. Past that day it
 * is OVERDUE; on that day DUE_TODAY.
 */
export function streamStatus(input: {
  clearanceDays: number;
  lastClearedOn: LocalDate | null;
  /** First local day the stream had a container at the site; null = no active container. */
  inUseSince: LocalDate | null;
  today: LocalDate;
}): StreamStatus {
  if (!input.inUseSince) return { state: "NOT_IN_USE", dueOn: null, daysOverdue: 0 };
  const from = input.lastClearedOn && input.lastClearedOn > input.inUseSince ? input.lastClearedOn : input.inUseSince;
  const dueOn = addDays(from, input.clearanceDays);
  const late = diffDays(dueOn, input.today);
  if (late > 0) return { state: "OVERDUE", dueOn, daysOverdue: late };
  return { state: late === 0 ? "DUE_TODAY" : "OK", dueOn, daysOverdue: 0 };
}

/**
 * R-WST-3: in the clearance log, a clearance made more than N days after the one before it (or after
 * the stream came into use) was late, by that many days. `clearedOn` ascending.
 */
export function lateClearances(clearedOn: readonly LocalDate[], clearanceDays: number, inUseSince: LocalDate | null): number[] {
  let previous = inUseSince;
  return clearedOn.map((day) => {
    const late = clearanceLateBy(previous, day, clearanceDays);
    if (!previous || day > previous) previous = day;
    return late;
  });
}

/** Days one clearance came after its due day (0 = on time); `previous` = the clearance before it or the day of first use. */
export function clearanceLateBy(previous: LocalDate | null, clearedOn: LocalDate, clearanceDays: number): number {
  return previous ? Math.max(0, diffDays(addDays(previous, clearanceDays), clearedOn)) : 0;
}

/** A clearance is recorded for today or a past day, at most a year back. */
export function clearedOnProblem(clearedOn: LocalDate, today: LocalDate): "future" | "tooOld" | null {
  if (clearedOn > today) return "future";
  if (clearedOn < addDays(today, -365)) return "tooOld";
  return null;
}

/**
 * R-WST-2: who hears of an overdue stream — the site's managers and its cleaning supervisor (the
 * garbage room is on the cleaning supervisor's patrols, §10.2). Disabled accounts hear nothing.
 */
export function wasteReminderRecipients(
  members: readonly { userId: string; role: string; disabled: boolean; duty?: string | null }[],
): string[] {
  return members
    .filter((m) => !m.disabled && (m.role === "MANAGER" || (m.role === "SUPERVISOR" && m.duty === "CLEANING")))
    .map((m) => m.userId);
}

/**
 * The streams the waste page lists (decision 020, lib/many-sites.ts): every stream of each site up to
 * MANY_SITES sites in view; above, only those that need someone today — overdue or due today — and the
 * others are counted, not listed, until a site is chosen.
 */
export function streamsToList<S extends { siteId: string; state: StreamState }>(streams: readonly S[]) {
  const sitesInView = new Set(streams.map((s) => s.siteId)).size;
  const shown = showsEachSite(sitesInView) ? [...streams] : streams.filter((s) => s.state === "OVERDUE" || s.state === "DUE_TODAY");
  return { sitesInView, shown };
}
