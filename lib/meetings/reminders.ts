import "server-only";
import { addDays, dateColumn, formatInZone, localDateOfColumn, type Calendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/server";
import { mondayOf } from "@/lib/meetings/report.rules";
import { localizedNotification } from "@/lib/notifications/texts";
import { listOfNames, type NotificationRow, type ReminderSource } from "@/lib/reminders/source";
import {
  computeLeaveReminders,
  computeWeekMissingReminders,
  LEAVE_LOOKAHEAD_MS,
  lastWorkingDayOfWeek,
  type MeetingNotice,
  type PendingLeaveInput,
} from "./reminder.rules";

/**
 * Weekly-meeting reminders (§3.4, R-MTG-1/3) for the reminder run: loads what reminder.rules.ts needs
 * and writes the texts in every UI language. At most two queries whatever the number of sites and
 * meetings; the series are read only for sites where today ends the week.
 */
export const meetingReminders: ReminderSource = {
  name: "meetings",
  async collect({ now, sites, calendars, membersOf }) {
    const siteIds = sites.map((s) => s.id);
    const todayOf = (siteId: string) => calendars.get(siteId)!.localDateOf(now);
    const weekEndSites = siteIds.filter((id) => lastWorkingDayOfWeek(calendars.get(id)!, todayOf(id)) === todayOf(id));
    const mondays = weekEndSites.map((id) => mondayOf(todayOf(id))).sort();

    const [series, leaves] = await Promise.all([
      weekEndSites.length
        ? db.meetingSeries.findMany({
            where: { siteId: { in: weekEndSites }, active: true },
            select: {
              id: true,
              siteId: true,
              name: true,
              convenerId: true,
              minuteTakerId: true,
              startsOn: true,
              active: true,
              meetings: {
                where: { date: { gte: dateColumn(mondays[0]), lte: dateColumn(addDays(mondays[mondays.length - 1], 6)) } },
                select: { date: true },
              },
            },
            orderBy: [{ siteId: "asc" }, { kind: "asc" }],
          })
        : [],
      siteIds.length
        ? db.leaveRequest.findMany({
            where: {
              state: "PENDING",
              meeting: {
                siteId: { in: siteIds },
                state: "SCHEDULED",
                startsAt: { gt: now, lte: new Date(now.getTime() + LEAVE_LOOKAHEAD_MS) },
              },
            },
            select: {
              id: true,
              participant: { select: { userId: true, superiorId: true, name: true } },
              meeting: {
                select: {
                  id: true,
                  siteId: true,
                  startsAt: true,
                  series: { select: { name: true, convenerId: true, minuteTakerId: true } },
                  attendance: { select: { participant: { select: { userId: true } } } },
                },
              },
            },
          })
        : [],
    ]);

    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const calendar = calendars.get(site.id)!;
      const members = membersOf(site.id);
      const siteLeaves: PendingLeaveInput[] = leaves
        .filter((l) => l.meeting.siteId === site.id)
        .map((l) => ({
          id: l.id,
          participant: l.participant,
          meeting: {
            id: l.meeting.id,
            startsAt: l.meeting.startsAt,
            seriesName: l.meeting.series.name,
            convenerId: l.meeting.series.convenerId,
            minuteTakerId: l.meeting.series.minuteTakerId,
            attendeeUserIds: l.meeting.attendance.map((a) => a.participant.userId),
          },
        }));
      const notices = [
        ...computeWeekMissingReminders({
          series: series
            .filter((s) => s.siteId === site.id)
            .map((s) => ({
              ...s,
              startsOn: localDateOfColumn(s.startsOn),
              meetingDates: s.meetings.map((m) => localDateOfColumn(m.date)),
            })),
          members,
          calendar,
          now,
        }),
        ...computeLeaveReminders({ leaves: siteLeaves, members, calendar, now }),
      ];
      // A "reminder" is one matter (a series' week, a meeting), however many people hear of it.
      reminders += new Set(notices.map((n) => `${n.kind}:${n.link}`)).size;
      for (const n of notices)
        rows.push({
          userId: n.userId,
          siteId: site.id,
          kind: n.kind,
          link: n.link,
          dedupeKey: n.dedupeKey,
          ...localizedNotification((t) => meetingText(t, n, site.name, calendar)),
        });
    }
    return { rows, reminders };
  },
};

function meetingText(t: Translate, n: MeetingNotice, siteName: string, calendar: Calendar) {
  if (n.kind === "meeting.week_missing")
    return {
      title: t("notifications.meeting.weekMissing.title", { series: n.seriesName }),
      body: t("notifications.meeting.weekMissing.body", { site: siteName, monday: n.monday!, sunday: n.sunday! }),
    };
  return {
    title: t("notifications.meeting.leavePending.title", { series: n.seriesName, count: n.names!.length }),
    body: t("notifications.meeting.leavePending.body", {
      site: siteName,
      startsAt: formatInZone(n.startsAt!, calendar.timeZone),
      names: listOfNames(t, n.names!),
    }),
  };
}
