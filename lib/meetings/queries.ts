import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { addDays, dateColumn, formatInZone, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BY_SITE, countLimit, pagedCapped, type PageRequest } from "@/lib/pagination";
import { proposedMeetingDate } from "./rules";

/**
 * The meetings list page: meetings the user may see (R-MTG-4: attendees, convener, minute-taker, managers
 * of the site), the series with their next usual slot, and the leave requests waiting for this user.
 */

/**
 * Meetings visible to the actor, as a where clause (filtering happens in SQL). An attendee's meetings are
 * found through the ids of their own participant rows (read first, by the userId index): as a relation
 * filter (`attendance.some.participant.userId`) PostgreSQL hashed the attendance of every meeting of the
 * company to test the list's rows, 42 ms a view on three years of fifty sites; by participant id it probes
 * each listed meeting's attendance by its (meetingId, participantId) key, 1.1 ms (docs/performance.md).
 */
async function visibleMeetingsWhere(actor: Actor): Promise<Prisma.MeetingWhereInput> {
  if (actor.role === "MANAGER") return { siteId: { in: actor.siteIds } };
  // Only their places in series of their sites: a meeting elsewhere is not shown whatever its attendance.
  const mine = await db.meetingParticipant.findMany({
    where: { userId: actor.id, series: { siteId: { in: actor.siteIds } } },
    select: { id: true },
  });
  return {
    siteId: { in: actor.siteIds },
    OR: [
      ...(mine.length ? [{ attendance: { some: { participantId: { in: mine.map((p) => p.id) } } } }] : []),
      { series: { convenerId: actor.id } },
      { series: { minuteTakerId: actor.id } },
    ],
  };
}

/** Series the actor takes part in (managers: every series of their sites). */
function visibleSeriesWhere(actor: Actor): Prisma.MeetingSeriesWhereInput {
  if (actor.role === "MANAGER") return { siteId: { in: actor.siteIds } };
  return {
    siteId: { in: actor.siteIds },
    OR: [{ convenerId: actor.id }, { minuteTakerId: actor.id }, { participants: { some: { userId: actor.id, active: true } } }],
  };
}

export async function listMeetings(filter: { series?: string; site?: string }, page: PageRequest) {
  const actor = await requirePermission("meeting:read");
  const where: Prisma.MeetingWhereInput = {
    AND: [await visibleMeetingsWhere(actor), filter.series ? { seriesId: filter.series } : {}, filter.site ? { siteId: filter.site } : {}],
  };
  const [rows, total] = await Promise.all([
    db.meeting.findMany({
      where,
      orderBy: [{ date: "desc" }, { startsAt: "desc" }],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        date: true,
        startsAt: true,
        place: true,
        state: true,
        series: { select: { name: true } },
        site: { select: { name: true, timeZone: true } },
      },
    }),
    // Capped (pagination.COUNT_CAP): three years of fifty sites' weekly meetings.
    db.meeting.count({ where, orderBy: BY_SITE, take: countLimit(page) }),
  ]);
  // The page's action items, counted for its meetings only: Prisma's _count in the list query
  // aggregated every meeting's items and kept the list from walking its (date, startsAt) index.
  const items = rows.length
    ? await db.meetingActionItem.groupBy({ by: ["meetingId"], where: { meetingId: { in: rows.map((m) => m.id) } }, _count: { _all: true } })
    : [];
  const itemsOf = new Map(items.map((g) => [g.meetingId, g._count._all]));
  return pagedCapped(
    rows.map((m) => ({
      id: m.id,
      date: localDateOfColumn(m.date),
      time: formatInZone(m.startsAt, m.site.timeZone).slice(11),
      place: m.place,
      state: m.state,
      seriesName: m.series.name,
      siteName: m.site.name,
      actionItems: itemsOf.get(m.id) ?? 0,
    })),
    total,
    page,
  );
}

/** The user's series with the next date on their usual weekday (site time) and whether they may schedule. */
export async function seriesOverview() {
  const actor = await requirePermission("meeting:read");
  const series = await db.meetingSeries.findMany({
    where: { ...visibleSeriesWhere(actor), active: true },
    orderBy: [{ siteId: "asc" }, { kind: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      weekday: true,
      startTime: true,
      place: true,
      siteId: true,
      convenerId: true,
      minuteTakerId: true,
      site: { select: { name: true, timeZone: true } },
    },
  });
  const now = new Date();
  if (series.length === 0) return [];
  // Meetings from 8 days before to 8 days after today: whatever each site's zone, its whole current week.
  const today = localDateInZone(now, series[0].site.timeZone);
  const recent = await db.meeting.findMany({
    where: { seriesId: { in: series.map((s) => s.id) }, date: { gte: dateColumn(addDays(today, -8)), lte: dateColumn(addDays(today, 8)) } },
    select: { seriesId: true, date: true },
  });
  const datesOf = (seriesId: string) => recent.filter((m) => m.seriesId === seriesId).map((m) => localDateOfColumn(m.date));
  return series.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    siteId: s.siteId,
    siteName: s.site.name,
    nextDate: proposedMeetingDate(localDateInZone(now, s.site.timeZone), s.weekday, datesOf(s.id)),
    startTime: s.startTime,
    place: s.place,
    weekday: s.weekday,
    canSchedule: actor.role === "MANAGER" || actor.id === s.convenerId || actor.id === s.minuteTakerId,
    canManage: actor.role === "MANAGER",
  }));
}

/** Pending leave this user decides: as named superior, as convener when none is named, or as site manager. */
export async function pendingLeaveDecisions() {
  const actor = await requirePermission("meeting:read");
  const approver: Prisma.LeaveRequestWhereInput =
    actor.role === "MANAGER"
      ? {}
      : {
          OR: [
            { participant: { superiorId: actor.id } },
            { participant: { superiorId: null }, meeting: { series: { convenerId: actor.id } } },
          ],
        };
  const rows = await db.leaveRequest.findMany({
    where: {
      state: "PENDING",
      meeting: { siteId: { in: actor.siteIds }, state: "SCHEDULED" },
      NOT: { participant: { userId: actor.id } },
      ...approver,
    },
    orderBy: { requestedAt: "asc" },
    take: 50,
    select: {
      id: true,
      reason: true,
      participant: { select: { name: true } },
      meeting: { select: { id: true, date: true, series: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.participant.name,
    reason: r.reason,
    meetingId: r.meeting.id,
    date: localDateOfColumn(r.meeting.date),
    seriesName: r.meeting.series.name,
  }));
}

/** Series management (managers of the site): the series, its expected attendees and the site's staff to choose from. */
export async function seriesForManagement(seriesId: string) {
  const actor = await requirePermission("meeting:series:manage");
  const series = await db.meetingSeries.findUnique({
    where: { id: seriesId },
    select: {
      id: true,
      siteId: true,
      name: true,
      convenerId: true,
      minuteTakerId: true,
      weekday: true,
      startTime: true,
      place: true,
      active: true,
      version: true,
      site: { select: { name: true } },
      participants: {
        orderBy: [{ active: "desc" }, { name: "asc" }],
        select: { id: true, name: true, organization: true, position: true, userId: true, superiorId: true, active: true },
      },
    },
  });
  if (!series || !actor.siteIds.includes(series.siteId) || actor.role !== "MANAGER") return null;
  const staff = await db.user.findMany({
    where: { disabled: false, role: { in: ["MANAGER", "SUPERVISOR", "CLERK"] }, sites: { some: { siteId: series.siteId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { ...series, staff };
}
