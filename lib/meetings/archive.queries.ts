import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { addDays, dateColumn, diffDays, formatInZone, isValidLocalDate, localDateOfColumn, type LocalDate } from "@/lib/calendar";
import { reportDb } from "@/lib/db";
import { resolveReportSite } from "./report.queries";
import { siteToday } from "./report.rules";

/** An archive covers at most about two years; longer ranges are cut to this many days from `from`. */
const ARCHIVE_MAX_DAYS = 731;
/** Default range: the last 12 weeks. */
const DEFAULT_DAYS = 84;

export interface ArchiveFilter {
  site?: string;
  /** A series id; empty = every series of the site. */
  series?: string;
  from?: string;
  to?: string;
}

function range(filter: ArchiveFilter, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = filter.to && isValidLocalDate(filter.to) ? filter.to : today;
  let from = filter.from && isValidLocalDate(filter.from) ? filter.from : addDays(to, -DEFAULT_DAYS);
  if (from > to) from = to;
  if (diffDays(from, to) > ARCHIVE_MAX_DAYS) return { from, to: addDays(from, ARCHIVE_MAX_DAYS) };
  return { from, to };
}

/**
 * R-MTG-4 archive (存档保管): the meetings of one series (or all) of a site between two
 * local dates, with their attendance and the action items raised in them. Managers see every meeting
 * of their sites (R-MTG-4 "attendees and managers"), so no per-meeting attendee check is needed;
 * the permission and the site are checked here. Four queries whatever the number of meetings.
 */
export async function meetingArchive(filter: ArchiveFilter, now = new Date()) {
  const actor = await requirePermission("meeting:export");
  const { site } = await resolveReportSite(actor, filter.site);
  const tz = site.timeZone;
  const { from, to } = range(filter, siteToday(now, tz));
  let series: { id: string; name: string } | null = null;
  if (filter.series) {
    series = await reportDb.meetingSeries.findFirst({ where: { id: filter.series, siteId: site.id }, select: { id: true, name: true } });
    if (!series) throw new AccessError("not_found");
  }

  const meetingWhere = {
    siteId: site.id,
    date: { gte: dateColumn(from), lte: dateColumn(to) },
    ...(series ? { seriesId: series.id } : {}),
  };
  const [meetings, attendance, actionItems] = await Promise.all([
    reportDb.meeting.findMany({
      where: meetingWhere,
      select: {
        id: true,
        date: true,
        startsAt: true,
        place: true,
        state: true,
        lastWeekReview: true,
        nextWeekPlan: true,
        assignments: true,
        confirmedAt: true,
        confirmedById: true,
        series: { select: { name: true, convenerId: true, minuteTakerId: true } },
        _count: { select: { amendments: true } },
      },
      orderBy: [{ date: "asc" }, { startsAt: "asc" }],
    }),
    reportDb.meetingAttendance.findMany({
      where: { meeting: meetingWhere },
      select: {
        status: true,
        note: true,
        meeting: { select: { date: true, startsAt: true, series: { select: { name: true } } } },
        participant: { select: { name: true, organization: true } },
      },
      orderBy: [{ meeting: { date: "asc" } }, { meeting: { startsAt: "asc" } }, { participant: { name: "asc" } }],
    }),
    reportDb.meetingActionItem.findMany({
      where: { meeting: meetingWhere },
      select: {
        description: true,
        dueOn: true,
        closedAt: true,
        closedById: true,
        closingNote: true,
        series: { select: { name: true } },
        meeting: { select: { date: true } },
        closedInMeeting: { select: { date: true } },
        ownerParticipantId: true,
      },
      orderBy: [{ meeting: { date: "asc" } }, { createdAt: "asc" }],
    }),
  ]);

  // Names of the staff and participants referred to by id (no relation in the schema): two lookups.
  const userIds = new Set<string>();
  for (const m of meetings) {
    userIds.add(m.series.convenerId).add(m.series.minuteTakerId);
    if (m.confirmedById) userIds.add(m.confirmedById);
  }
  for (const a of actionItems) if (a.closedById) userIds.add(a.closedById);
  const [users, owners] = await Promise.all([
    reportDb.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    reportDb.meetingParticipant.findMany({
      where: { id: { in: [...new Set(actionItems.map((a) => a.ownerParticipantId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const name = (id: string | null) => (id ? (userName.get(id) ?? "") : "");

  return {
    site: { id: site.id, code: site.code, name: site.name },
    series,
    from,
    to,
    meetings: meetings.map((m) => ({
      id: m.id,
      seriesName: m.series.name,
      date: localDateOfColumn(m.date),
      time: formatInZone(m.startsAt, tz).slice(11),
      place: m.place,
      convener: name(m.series.convenerId),
      minuteTaker: name(m.series.minuteTakerId),
      state: m.state,
      confirmedLocal: m.confirmedAt ? formatInZone(m.confirmedAt, tz) : null,
      confirmedBy: name(m.confirmedById),
      lastWeekReview: m.lastWeekReview ?? "",
      nextWeekPlan: m.nextWeekPlan ?? "",
      assignments: m.assignments ?? "",
      amendments: m._count.amendments,
    })),
    attendance: attendance.map((a) => ({
      seriesName: a.meeting.series.name,
      meetingDate: localDateOfColumn(a.meeting.date),
      person: a.participant.name,
      organization: a.participant.organization ?? "",
      status: a.status,
      note: a.note ?? "",
    })),
    actionItems: actionItems.map((a) => ({
      seriesName: a.series.name,
      raisedOn: localDateOfColumn(a.meeting.date),
      description: a.description,
      owner: ownerName.get(a.ownerParticipantId) ?? "",
      dueOn: localDateOfColumn(a.dueOn),
      closedLocal: a.closedAt ? formatInZone(a.closedAt, tz) : null,
      closedBy: name(a.closedById),
      closedInDate: a.closedInMeeting ? localDateOfColumn(a.closedInMeeting.date) : null,
      closingNote: a.closingNote ?? "",
    })),
  };
}
