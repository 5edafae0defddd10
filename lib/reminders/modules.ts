import "server-only";
import { addDays, formatInZone, type Calendar, type LocalDate } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Translate } from "@/lib/i18n/server";
import { localizedNotification } from "@/lib/notifications/texts";
import { mondayOf } from "@/lib/meetings/report.rules";
import type { SiteMember } from "./compute";
import {
  computeLeaveReminders,
  computeWeekMissingReminders,
  LEAVE_LOOKAHEAD_MS,
  lastWorkingDayOfWeek,
  type MeetingNotice,
  type PendingLeaveInput,
} from "./meetings";
import { computeVacantReminders, inMonthEndWindow, type VacantNotice } from "./vacant";

/**
 * Reminders of the vacant-unit (§8) and weekly-meeting (§3.4) modules for one reminder run
 * (lib/reminders/run.ts): loads what the pure computations of vacant.ts / meetings.ts need and
 * writes the notification texts in every UI language (lib/notifications/texts.ts). At most four queries whatever the
 * number of sites and records; a query is skipped when no site needs it today.
 */

export interface NotificationRow {
  userId: string;
  siteId: string;
  kind: string;
  title: string;
  body: string | null;
  texts: Prisma.InputJsonValue;
  link: string;
  dedupeKey: string;
}

type Site = { id: string; name: string };

/** @db.Date columns hold a local date at UTC midnight. */
const localDate = (d: Date): LocalDate => d.toISOString().slice(0, 10);

export async function moduleReminderRows(input: {
  now: Date;
  sites: Site[];
  calendars: Map<string, Calendar>;
  membersOf: (siteId: string) => SiteMember[];
}): Promise<{ rows: NotificationRow[]; reminders: number }> {
  const { now, sites, calendars } = input;
  const withCalendar = sites.filter((s) => calendars.has(s.id));
  const siteIds = withCalendar.map((s) => s.id);
  const todayOf = (siteId: string) => calendars.get(siteId)!.localDateOf(now);
  // Sites whose month-end window is open today, and sites where today ends the week.
  const windowSites = siteIds.filter((id) => inMonthEndWindow(calendars.get(id)!, todayOf(id)));
  const weekEndSites = siteIds.filter((id) => lastWorkingDayOfWeek(calendars.get(id)!, todayOf(id)) === todayOf(id));
  const months = [...new Set(windowSites.map((id) => todayOf(id).slice(0, 7)))];
  const mondays = weekEndSites.map((id) => mondayOf(todayOf(id))).sort();

  const [units, records, series, leaves] = await Promise.all([
    windowSites.length
      ? db.unit.findMany({
          where: { siteId: { in: windowSites } },
          select: { id: true, siteId: true, status: true, createdAt: true, statusChanges: { select: { status: true, changedAt: true } } },
        })
      : [],
    siteIds.length
      ? db.vacantCleaningRecord.findMany({
          where: {
            siteId: { in: siteIds },
            OR: [{ state: "SUBMITTED" }, ...(windowSites.length ? [{ siteId: { in: windowSites }, month: { in: months } }] : [])],
          },
          select: {
            id: true,
            siteId: true,
            unitId: true,
            month: true,
            state: true,
            createdById: true,
            updatedAt: true,
            unit: { select: { code: true } },
          },
        })
      : [],
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
              where: {
                date: { gte: new Date(`${mondays[0]}T00:00:00Z`), lte: new Date(`${addDays(mondays[mondays.length - 1], 6)}T00:00:00Z`) },
              },
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
  for (const site of withCalendar) {
    const calendar = calendars.get(site.id)!;
    const members = input.membersOf(site.id);
    const vacant = computeVacantReminders({
      siteId: site.id,
      units: units.filter((u) => u.siteId === site.id),
      records: records.filter((r) => r.siteId === site.id).map((r) => ({ ...r, unitCode: r.unit.code, submittedAt: r.updatedAt })),
      members,
      calendar,
      now,
    });
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
    const meeting = [
      ...computeWeekMissingReminders({
        series: series
          .filter((s) => s.siteId === site.id)
          .map((s) => ({ ...s, startsOn: localDate(s.startsOn), meetingDates: s.meetings.map((m) => localDate(m.date)) })),
        members,
        calendar,
        now,
      }),
      ...computeLeaveReminders({ leaves: siteLeaves, members, calendar, now }),
    ];
    // A "reminder" is one matter (a site's month, a series' week, a meeting), however many people hear of it.
    reminders += new Set([...vacant, ...meeting].map((n) => `${n.kind}:${n.link}`)).size;
    for (const n of vacant)
      rows.push({
        userId: n.userId,
        siteId: site.id,
        kind: n.kind,
        link: n.link,
        dedupeKey: n.dedupeKey,
        ...localizedNotification((t) => vacantText(t, n, site.name, calendar)),
      });
    for (const n of meeting)
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
}

/** At most this many names (units, people) in a body; the rest are counted. */
const LISTED = 10;
function listOf(t: Translate, names: string[]): string {
  const shown = names.slice(0, LISTED).join(t("notifications.listSeparator"));
  return names.length > LISTED ? t("notifications.moreNames", { names: shown, more: names.length - LISTED }) : shown;
}

function vacantText(t: Translate, n: VacantNotice, siteName: string, calendar: Calendar) {
  if (n.kind === "vacant.month_end")
    return {
      title: t("notifications.vacant.monthEnd.title", { count: n.count }),
      body: t("notifications.vacant.monthEnd.body", { site: siteName, month: n.month }),
    };
  return {
    title: t("notifications.vacant.awaiting.title", { count: n.count }),
    body: t("notifications.vacant.awaiting.body", {
      site: siteName,
      since: formatInZone(n.oldestSubmittedAt!, calendar.timeZone),
      units: listOf(t, n.unitCodes ?? []),
    }),
  };
}

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
      names: listOf(t, n.names!),
    }),
  };
}
