/**
 * Goods-pass rules of §5, pure (no I/O): hazard matching (R-GP-4), time windows and route scheduling
 * (R-GP-5), and the gate check (R-GP-7).
 */

// From local-date, not the calendar index: the pass form runs these rules in the browser, and the index
// brings the holiday tables (chinese-days) with it.
import { addDays, instantFromLocalDateTime, localDateInZone } from "@/lib/calendar/local-date";

/** R-GP-4: the first hazard term contained in an item name (case-insensitive), or null. */
export function hazardTermIn(itemName: string, terms: readonly string[]): string | null {
  const name = itemName.toLowerCase();
  return terms.find((t) => t.trim() !== "" && name.includes(t.trim().toLowerCase())) ?? null;
}

/** The export stops here, like the complaints dashboard's: a spreadsheet of more rows is no longer a list to work through. */
export const GOODS_EXPORT_MAX_ROWS = 10_000;

export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The earliest start of a window that can still be open after `instant`: a window lasts at most
 * MAX_WINDOW_MS (checkWindow; a CHECK constraint holds every stored pass to it). Overlap queries
 * bound `windowStart` below by it, so the (…, windowStart) indexes read the last days, not the
 * whole history (three years of passes on a route or a site).
 */
export function earliestOpenStart(instant: Date): Date {
  return new Date(instant.getTime() - MAX_WINDOW_MS);
}
export const MAX_ITEMS = 100;

/** A planned window: ends after it starts, lasts at most one day, and is not over already. */
export function checkWindow(start: Date, end: Date, now: Date): "ok" | "order" | "too_long" | "past" {
  if (end.getTime() <= start.getTime()) return "order";
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) return "too_long";
  if (end.getTime() <= now.getTime()) return "past";
  return "ok";
}

export interface Busy {
  start: Date;
  end: Date;
}

/** R-GP-5: two moves on one route may touch (one ends as the next starts) but not overlap. */
export function overlaps(a: Busy, b: Busy): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * The next `count` free windows of the same length on a route, starting at `from`, stepping past each
 * busy move (the form proposes them when the chosen window is taken).
 */
export function nextFreeWindows(
  busy: readonly Busy[],
  from: Date,
  lengthMs: number,
  count = 3,
  limit = new Date(from.getTime() + 7 * MAX_WINDOW_MS),
): Busy[] {
  const sorted = [...busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const free: Busy[] = [];
  let start = from.getTime();
  while (free.length < count && start + lengthMs <= limit.getTime()) {
    const candidate = { start: new Date(start), end: new Date(start + lengthMs) };
    const clash = sorted.find((b) => overlaps(b, candidate));
    if (!clash) {
      free.push(candidate);
      start += lengthMs;
    } else start = clash.end.getTime();
  }
  return free;
}

export type GateRefusal = "not_approved" | "rejected" | "released" | "expired" | "not_yet";

/** R-GP-7: a pass is released once, only after the stamp and within its window. */
export function gateCheck(pass: { state: string; windowStart: Date; windowEnd: Date }, now: Date): "ok" | GateRefusal {
  if (pass.state === "RELEASED") return "released";
  if (pass.state === "REJECTED") return "rejected";
  if (pass.state !== "APPROVED") return "not_approved";
  if (now.getTime() > pass.windowEnd.getTime()) return "expired";
  if (now.getTime() < pass.windowStart.getTime() - 60 * 60 * 1000) return "not_yet";
  return "ok";
}

/** A loading route's daily opening hours, local 'HH:mm' of the site; "24:00" closes at midnight (R-GP-5). */
export interface OpeningHours {
  opensAt: string;
  closesAt: string;
}

const roundTheClock = (hours: OpeningHours) => hours.opensAt === "00:00" && hours.closesAt === "24:00";

/** The instant a route opens and closes on a local day. */
function openingOn(day: string, timeZone: string, hours: OpeningHours): Busy {
  return {
    start: instantFromLocalDateTime(`${day}T${hours.opensAt}`, timeZone),
    end:
      hours.closesAt === "24:00"
        ? instantFromLocalDateTime(`${addDays(day, 1)}T00:00`, timeZone)
        : instantFromLocalDateTime(`${day}T${hours.closesAt}`, timeZone),
  };
}

/**
 * R-GP-5: the department schedules moves within the route's opening hours — the window lies within
 * one local day's opening (a route open round the clock takes any window).
 */
export function withinOpeningHours(w: Busy, timeZone: string, hours: OpeningHours): boolean {
  if (roundTheClock(hours)) return true;
  const open = openingOn(localDateInZone(w.start, timeZone), timeZone, hours);
  return w.start.getTime() >= open.start.getTime() && w.end.getTime() <= open.end.getTime();
}

/**
 * The hours a route is closed between `from` and `limit`, as busy periods, so that proposals of free
 * windows (nextFreeWindows) only offer windows within opening hours.
 */
export function closedPeriods(from: Date, limit: Date, timeZone: string, hours: OpeningHours): Busy[] {
  if (roundTheClock(hours)) return [];
  const closed: Busy[] = [];
  let day = addDays(localDateInZone(from, timeZone), -1);
  const last = localDateInZone(limit, timeZone);
  while (day <= last) {
    const next = addDays(day, 1);
    closed.push({ start: openingOn(day, timeZone, hours).end, end: openingOn(next, timeZone, hours).start });
    day = next;
  }
  return closed;
}
