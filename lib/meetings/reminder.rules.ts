/**
 * Weekly-meeting reminders (§3.4), pure: no I/O, no server zone. The rules come from the meetings
 * modules and are not re-derived here: the Monday–Sunday site-local week and "held / pending" from
 * lib/meetings/report.rules.ts (weekCells), who may decide a leave from lib/meetings/rules.ts.
 *
 * - week_missing (R-MTG-1 "once a week"): on the last working day of the site-local week (site
 *   calendar: a Friday, a Thursday before a holiday Friday, a make-up Saturday …), each active series
 *   with no meeting dated in the week is reminded to its convener and minute-taker. A week without any
 *   working day has no such day and is not reminded.
 * - leave_pending (R-MTG-3 "事先征得上级的同意"): leave requests still PENDING for a meeting that starts
 *   within the next four days are reminded to everyone who may decide them — the participant's superior
 *   (else the convener) and the site's managers, as mayDecideLeave says — once per meeting and day.
 *
 * Recipients are active members of the meeting's site only.
 */
import { addDays, type Calendar, type LocalDate } from "@/lib/calendar";
import { mondayOf, weekCells } from "@/lib/meetings/report.rules";
import { mayDecideLeave, mayReadMeeting } from "./rules";
import { roleHas } from "@/lib/permissions";
import type { SiteMember } from "@/lib/reminders/source";

/**
 * Leave requests of meetings starting within this time are reminded: four days, so that the daily
 * morning run reaches the approver on the working days before the meeting (a Monday meeting from the
 * Thursday before), not half an hour before it. The approver was also notified when the leave was asked.
 */
export const LEAVE_LOOKAHEAD_MS = 4 * 24 * 60 * 60 * 1000;

export type MeetingNoticeKind = "meeting.week_missing" | "meeting.leave_pending";

export interface MeetingNotice {
  userId: string;
  kind: MeetingNoticeKind;
  dedupeKey: string;
  link: string;
  seriesName: string;
  /** week_missing: the week; leave_pending: the meeting's start and the people asking, for this user. */
  monday?: LocalDate;
  sunday?: LocalDate;
  startsAt?: Date;
  names?: string[];
}

export interface ReminderSeriesInput {
  id: string;
  name: string;
  convenerId: string;
  minuteTakerId: string;
  startsOn: LocalDate;
  active: boolean;
  /** Local dates of the series' meetings in (at least) the current week, any state. */
  meetingDates: LocalDate[];
}

export interface PendingLeaveInput {
  id: string;
  participant: { userId: string | null; superiorId: string | null; name: string };
  meeting: {
    id: string;
    startsAt: Date;
    seriesName: string;
    convenerId: string;
    minuteTakerId: string;
    attendeeUserIds: (string | null)[];
  };
}

export function meetingDedupeKey(kind: MeetingNoticeKind, subjectId: string, localDate: LocalDate, userId: string): string {
  return `${kind}:${subjectId}:${localDate}:${userId}`;
}

/** The last working day (site calendar) of the Monday–Sunday week holding `date`, or null if it has none. */
export function lastWorkingDayOfWeek(calendar: Calendar, date: LocalDate): LocalDate | null {
  const monday = mondayOf(date);
  for (let day = addDays(monday, 6); day >= monday; day = addDays(day, -1)) if (calendar.isWorkingDay(day)) return day;
  return null;
}

const activeIds = (members: readonly SiteMember[]) => new Set(members.filter((m) => !m.disabled).map((m) => m.userId));

/** R-MTG-1: the week_missing notices of ONE site at `now` (none unless today is the week's last working day). */
export function computeWeekMissingReminders(input: {
  series: readonly ReminderSeriesInput[];
  members: readonly SiteMember[];
  calendar: Calendar;
  now: Date;
}): MeetingNotice[] {
  const { calendar } = input;
  const today = calendar.localDateOf(input.now);
  if (lastWorkingDayOfWeek(calendar, today) !== today) return [];
  const monday = mondayOf(today);
  const active = activeIds(input.members);
  const notices: MeetingNotice[] = [];
  for (const s of input.series) {
    const [cell] = weekCells(
      { startsOn: s.startsOn, active: s.active },
      // A scheduled meeting this week is enough not to be told "not held yet" (its attendance comes after it).
      s.meetingDates.map((date, i) => ({ id: String(i), date, attendanceRecorded: true, confirmed: true })),
      [monday],
      today,
    );
    if (cell.state !== "pending") continue;
    for (const userId of [...new Set([s.convenerId, s.minuteTakerId])].sort()) {
      if (!active.has(userId)) continue;
      notices.push({
        userId,
        kind: "meeting.week_missing",
        dedupeKey: meetingDedupeKey("meeting.week_missing", s.id, today, userId),
        link: "/meetings",
        seriesName: s.name,
        monday,
        sunday: cell.sunday,
      });
    }
  }
  return notices;
}

/**
 * R-MTG-3: leave_pending notices of ONE site at `now`, one per meeting and person who may decide at
 * least one of its pending requests (mayDecideLeave: the superior via leaveApproverOf, else the
 * convener, or a site manager; never the person asking), with the meeting:leave:decide
 * permission, and being able to open the meeting at all — mayReadMeeting).
 */
export function computeLeaveReminders(input: {
  leaves: readonly PendingLeaveInput[];
  members: readonly SiteMember[];
  calendar: Calendar;
  now: Date;
}): MeetingNotice[] {
  const today = input.calendar.localDateOf(input.now);
  const now = input.now.getTime();
  const deciders = input.members.filter((m) => !m.disabled && roleHas(m.role, "meeting:leave:decide"));
  const byMeetingUser = new Map<string, MeetingNotice>();
  const sorted = [...input.leaves].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const leave of sorted) {
    const { meeting, participant } = leave;
    const startsIn = meeting.startsAt.getTime() - now;
    if (startsIn <= 0 || startsIn > LEAVE_LOOKAHEAD_MS) continue;
    for (const m of deciders) {
      const isSiteManager = m.role === "MANAGER";
      const may =
        mayDecideLeave({ actorId: m.userId, isSiteManager, participant, convenerId: meeting.convenerId }) &&
        mayReadMeeting({
          actorId: m.userId,
          isSiteManager,
          attendeeUserIds: meeting.attendeeUserIds,
          convenerId: meeting.convenerId,
          minuteTakerId: meeting.minuteTakerId,
        });
      if (!may) continue;
      const key = `${meeting.id}:${m.userId}`;
      const notice = byMeetingUser.get(key) ?? {
        userId: m.userId,
        kind: "meeting.leave_pending" as const,
        dedupeKey: meetingDedupeKey("meeting.leave_pending", meeting.id, today, m.userId),
        link: `/meetings/${meeting.id}`,
        seriesName: meeting.seriesName,
        startsAt: meeting.startsAt,
        names: [],
      };
      notice.names!.push(participant.name);
      byMeetingUser.set(key, notice);
    }
  }
  return [...byMeetingUser.values()];
}
