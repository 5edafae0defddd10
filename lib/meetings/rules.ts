/**
 * Pure rules of the weekly meetings (§3.4 例会制度, R-MTG-1..5): no I/O, unit-tested in rules.test.ts.
 * The data layer (mutations, access) asks these; the database only stores the answers.
 */
import { addDays, dayOfWeek, diffDays, type LocalDate } from "@/lib/calendar";
import { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { showsEachSite } from "@/lib/many-sites";

/** A meeting may be scheduled at most this many days ahead (site time). */
export const MAX_DAYS_AHEAD = 7;

/** R-MTG-2: the fixed agenda, in the order of the paper form. */
export const AGENDA_SECTIONS = ["lastWeekReview", "nextWeekPlan", "assignments"] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** Parts of confirmed minutes an amendment may correct (R-MTG-4). */
export const AMENDMENT_SECTIONS = [...AGENDA_SECTIONS, "attendance", "actionItems"] as const;
export type AmendmentSection = (typeof AMENDMENT_SECTIONS)[number];

/** R-MTG-3: how each expected person attended. */
export const ATTENDANCE_STATUSES = Object.values(AttendanceStatus);
export type AttendanceStatusValue = (typeof ATTENDANCE_STATUSES)[number];

/** A meeting date is refused when it lies more than MAX_DAYS_AHEAD days after today (both site-local). */
export function tooFarAhead(date: LocalDate, today: LocalDate): boolean {
  return diffDays(today, date) > MAX_DAYS_AHEAD;
}

/**
 * R-MTG-1: a meeting is scheduled ahead, never in the past. Which field is wrong: the date when the day
 * is over, the time when it is today but the hour has passed; null when the start is still to come.
 */
export function pastStartField(date: LocalDate, today: LocalDate, startsAt: Date, now: Date): "date" | "time" | null {
  if (date < today) return "date";
  return startsAt.getTime() <= now.getTime() ? "time" : null;
}

/** The next date on or after `today` that falls on the series' usual ISO weekday (1 = Monday … 7 = Sunday). */
export function nextUsualDate(today: LocalDate, isoWeekday: number): LocalDate {
  const todayIso = ((dayOfWeek(today) + 6) % 7) + 1;
  return addDays(today, (isoWeekday - todayIso + 7) % 7);
}

/**
 * R-MTG-1 (weekly meetings): the date the schedule form proposes. A week (Monday to Sunday, site time)
 * without a meeting of the series yet gets its usual day, even when that day has passed — the missing
 * meeting is what needs recording; a week that already has one proposes the usual day of the next week.
 */
export function proposedMeetingDate(today: LocalDate, isoWeekday: number, meetingDates: readonly LocalDate[]): LocalDate {
  const todayIso = ((dayOfWeek(today) + 6) % 7) + 1;
  const monday = addDays(today, 1 - todayIso);
  const sunday = addDays(monday, 6);
  const thisWeeks = addDays(monday, isoWeekday - 1);
  const held = meetingDates.some((d) => d >= monday && d <= sunday);
  return held ? addDays(thisWeeks, 7) : thisWeeks;
}

/**
 * R-MTG-3 (事先征得上级的同意): a leave excuses an absence only when it was APPROVED and the decision was
 * taken strictly before the meeting began. An approval given after the start is recorded but excuses nothing.
 */
export function leaveExcuses(leave: { state: string; decidedAt: Date | null }, startsAt: Date): boolean {
  return leave.state === "APPROVED" && leave.decidedAt !== null && leave.decidedAt.getTime() < startsAt.getTime();
}

/** Who the person's leave is decided by: their named superior, else the series' convener. */
export function leaveApproverOf(participant: { superiorId: string | null }, convenerId: string): string {
  return participant.superiorId ?? convenerId;
}

/** May `actorId` decide this leave? The superior (or convener), or a manager of the site; never one's own. */
export function mayDecideLeave(input: {
  actorId: string;
  isSiteManager: boolean;
  participant: { userId: string | null; superiorId: string | null };
  convenerId: string;
}): boolean {
  if (input.participant.userId === input.actorId) return false;
  return input.isSiteManager || leaveApproverOf(input.participant, input.convenerId) === input.actorId;
}

/** A staff participant asks for themselves; the minute-taker or convener asks on behalf of anyone expected. */
export function mayRequestLeave(input: {
  actorId: string;
  participantUserId: string | null;
  convenerId: string;
  minuteTakerId: string;
}): boolean {
  return input.participantUserId === input.actorId || input.actorId === input.convenerId || input.actorId === input.minuteTakerId;
}

/**
 * R-MTG-4 (不得扩大范围): minutes are for the meeting's attendees and the site's managers. The convener and
 * the minute-taker run the meeting, so they see it even when a series change left them off its attendance.
 */
export function mayReadMeeting(input: {
  actorId: string;
  isSiteManager: boolean;
  attendeeUserIds: (string | null)[];
  convenerId: string;
  minuteTakerId: string;
}): boolean {
  return (
    input.isSiteManager ||
    input.actorId === input.convenerId ||
    input.actorId === input.minuteTakerId ||
    input.attendeeUserIds.includes(input.actorId)
  );
}

export type ConfirmProblem = { field: string; key: string };

/**
 * What keeps the convener from confirming: attendance not recorded for everyone expected, or an agenda
 * section left empty (R-MTG-2, R-MTG-3). Empty list = ready.
 */
export function confirmProblems(meeting: {
  attendance: { status: string | null }[];
  lastWeekReview: string | null;
  nextWeekPlan: string | null;
  assignments: string | null;
}): ConfirmProblem[] {
  const problems: ConfirmProblem[] = [];
  if (meeting.attendance.some((a) => a.status === null))
    problems.push({ field: "attendance", key: "meetings.errors.attendanceIncomplete" });
  for (const section of AGENDA_SECTIONS)
    if (!meeting[section]?.trim()) problems.push({ field: section, key: "meetings.errors.agendaSectionEmpty" });
  return problems;
}

/**
 * R-MTG-5: an open item of a series is carried to a meeting when it was raised in an earlier meeting and
 * was still open when this one began (or was closed during it).
 */
export function isCarriedOver(
  item: { raisedOn: LocalDate; closedAt: Date | null; closedInMeetingId: string | null },
  meeting: { id: string; date: LocalDate; startsAt: Date },
): boolean {
  if (item.raisedOn >= meeting.date) return false;
  return item.closedAt === null || item.closedInMeetingId === meeting.id || item.closedAt.getTime() >= meeting.startsAt.getTime();
}

/**
 * The series cards of the meetings page (decision 020, lib/many-sites.ts): the sites that have series
 * (the site filter's options); every card up to MANY_SITES of them; above, none until a site is chosen
 * (`eachSite` false: the page asks for one); with a site chosen, that site's cards only.
 */
export function seriesCardsOf<S extends { siteId: string; siteName: string }>(overview: readonly S[], site?: string) {
  const sites = [...new Map(overview.map((s) => [s.siteId, s.siteName])).entries()].map(([value, label]) => ({ value, label }));
  const eachSite = showsEachSite(sites.length);
  const shown = site ? overview.filter((s) => s.siteId === site) : eachSite ? [...overview] : [];
  return { sites, eachSite, shown };
}
