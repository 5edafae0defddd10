/**
 * Compliance of the weekly meetings (R-MTG-1 "once a week each") and attendance figures (R-MTG-3),
 * for the dashboard and the compliance page. Pure: local dates ('YYYY-MM-DD') of the site, no I/O, no server time zone.
 *
 * Weeks run Monday–Sunday in the SITE's time zone. A series is due once per week from its `startsOn`
 * while it is active. A meeting counts as HELD only once its attendance is recorded (a meeting that was
 * merely scheduled proves nothing). A held week whose minutes are not confirmed yet is UNCONFIRMED —
 * held, but shown apart. A week is MISSING once it has ended (site time) without a held meeting; the
 * current week stays PENDING until it ends.
 */
import { addDays, dayOfWeek, localDateInZone, type LocalDate } from "@/lib/calendar";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";

/** Weeks on the compliance strip, and completed weeks on the manager dashboard card. */
export const STRIP_WEEKS = 12;
export const DASHBOARD_WEEKS = 4;

export type WeekState = "held" | "unconfirmed" | "missing" | "pending" | "notDue";

/** The Monday of the week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** The Mondays of the `count` weeks ending with the week of `today`, oldest first. */
export function recentMondays(today: LocalDate, count: number): LocalDate[] {
  const current = mondayOf(today);
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (count - 1 - i)));
}

/** The Mondays of the `count` COMPLETED weeks before the week of `today`, oldest first. */
export function completedMondays(today: LocalDate, count: number): LocalDate[] {
  return recentMondays(addDays(mondayOf(today), -7), count);
}

export interface SeriesSchedule {
  /** Weeks that end before this local date are not due. */
  startsOn: LocalDate;
  active: boolean;
}

export interface HeldMeeting {
  id: string;
  /** The meeting's local date (site time). */
  date: LocalDate;
  /** Every expected person's attendance is recorded: the meeting took place. */
  attendanceRecorded: boolean;
  /** The convener confirmed the minutes (R-MTG-4). */
  confirmed: boolean;
}

export interface WeekCell {
  monday: LocalDate;
  sunday: LocalDate;
  state: WeekState;
  /**
   * The week's meeting for a link to it: the earliest held one (a confirmed one first), else the earliest
   * scheduled one whose attendance was never recorded.
   */
  meeting: HeldMeeting | null;
}

/** R-MTG-1: the state of each given week of one series. `today` is the site's local date now. */
export function weekCells(series: SeriesSchedule, meetings: HeldMeeting[], mondays: LocalDate[], today: LocalDate): WeekCell[] {
  const sorted = [...meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return mondays.map((monday) => {
    const sunday = addDays(monday, 6);
    const inWeek = sorted.filter((m) => m.date >= monday && m.date <= sunday);
    const held = inWeek.find((m) => m.attendanceRecorded && m.confirmed) ?? inWeek.find((m) => m.attendanceRecorded) ?? null;
    const meeting = held ?? inWeek[0] ?? null;
    let state: WeekState;
    if (held) state = held.confirmed ? "held" : "unconfirmed";
    else if (!series.active || sunday < series.startsOn || monday > today) state = "notDue";
    else if (today <= sunday) state = "pending";
    else state = "missing";
    return { monday, sunday, state, meeting };
  });
}

export function countMissing(cells: WeekCell[]): number {
  return cells.filter((c) => c.state === "missing").length;
}

/** Held weeks whose minutes are not confirmed yet (R-MTG-4), counted apart from the missing ones. */
export function countUnconfirmed(cells: WeekCell[]): number {
  return cells.filter((c) => c.state === "unconfirmed").length;
}

/** The site's local date at `now`: a week ends at Sunday 24:00 site time, not server time. */
export function siteToday(now: Date, timeZone: string): LocalDate {
  return localDateInZone(now, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Quarters and attendance (R-MTG-3)
// ---------------------------------------------------------------------------------------------

export interface Quarter {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: LocalDate;
  to: LocalDate;
}

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export function quarterFromKey(key: string): Quarter | null {
  const m = QUARTER_KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as Quarter["quarter"];
  if (year < 2000 || year > 2999) return null;
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const nextFrom = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, "0")}-01`;
  return { key, year, quarter, from, to: addDays(nextFrom, -1) };
}

export function quarterOf(date: LocalDate): Quarter {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return quarterFromKey(`${year}-Q${quarter}`)!;
}

/** The quarter of `today` and the `count - 1` before it, newest first (the page's selector). */
export function recentQuarters(today: LocalDate, count: number): Quarter[] {
  const list: Quarter[] = [quarterOf(today)];
  while (list.length < count) list.push(quarterOf(addDays(list[list.length - 1].from, -1)));
  return list;
}

export interface AttendanceTally {
  meetings: number;
  present: number;
  late: number;
  leftEarly: number;
  absent: number;
  excused: number;
  notRecorded: number;
  /** (present + late + left early) ÷ (recorded − excused); null when nothing counts. */
  rate: number | null;
}

function emptyTally(): AttendanceTally {
  return { meetings: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0, notRecorded: 0, rate: null };
}

const FIELD: Record<AttendanceStatus, keyof Omit<AttendanceTally, "meetings" | "notRecorded" | "rate">> = {
  PRESENT: "present",
  LATE: "late",
  LEFT_EARLY: "leftEarly",
  ABSENT: "absent",
  EXCUSED: "excused",
};

/**
 * R-MTG-3 figures of one person from grouped counts (status → rows; null = not recorded yet). An
 * excused absence (leave approved before the meeting) is neither attended nor missed, so it leaves the
 * denominator; late and left-early people were there.
 */
export function attendanceTally(counts: { status: AttendanceStatus | null; count: number }[]): AttendanceTally {
  const tally = emptyTally();
  for (const { status, count } of counts) {
    tally.meetings += count;
    if (status === null) tally.notRecorded += count;
    else tally[FIELD[status]] += count;
  }
  const attended = tally.present + tally.late + tally.leftEarly;
  const counted = attended + tally.absent;
  tally.rate = counted > 0 ? attended / counted : null;
  return tally;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}
