/**
 * Past weeks of the weekly meetings: for every completed week since a series' `startsOn`, one
 * meeting on the series' usual day, CONFIRMED by the convener the next day, with the three agenda
 * sections (R-MTG-2), attendance of every participant (R-MTG-3: mostly present, some late, absent or
 * left early, a few excused with leave approved BEFORE the meeting began) and a few action items
 * (R-MTG-5), some closed in a later meeting and some still open. One or two weeks per series are
 * skipped, so the compliance page and the manager dashboard show missing weeks (R-MTG-1).
 *
 * Never a meeting in the current week or later. Rows are inserted in their final state: a confirmed
 * meeting and its attendance cannot be updated afterwards (DB trigger, R-MTG-4). Deterministic (one
 * PRNG stream per site and series kind) and idempotent: a series that has any meeting is skipped.
 */
import { addDays, dateColumn, dayOfWeek, diffDays, instantFromLocalDateTime, localDateInZone, localDateOfColumn } from "../../lib/calendar";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { AttendanceStatus, MeetingKind } from "../../lib/generated/prisma/enums";
import { ATTENDANCE_NOTES, LEAVE_REASONS, MINUTES } from "./meeting-history-texts";
import { mulberry32, seedFrom, type Rng } from "./random";

const HOUR = 3_600_000;

/**
 * Weeks left without a meeting, counted back from the last completed week (1 = last week). DEPARTMENT
 * and CLEANING miss one within the last four weeks, so the dashboard card has something to show.
 */
const SKIPPED_WEEKS_BACK: Record<MeetingKind, number[]> = {
  DEPARTMENT: [3],
  CLEANING: [2, 7],
  CANTEEN: [6],
};

const mondayOf = (date: string) => addDays(date, -((dayOfWeek(date) + 6) % 7));

function attendanceStatus(rng: Rng): AttendanceStatus {
  return rng.weighted<AttendanceStatus>([
    ["PRESENT", 80],
    ["LATE", 7],
    ["LEFT_EARLY", 4],
    ["ABSENT", 4],
    ["EXCUSED", 5],
  ]);
}

export async function seedMeetingHistory(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const series = await db.meetingSeries.findMany({
    where: { meetings: { none: {} } },
    select: {
      id: true,
      siteId: true,
      kind: true,
      name: true,
      convenerId: true,
      minuteTakerId: true,
      weekday: true,
      startTime: true,
      place: true,
      startsOn: true,
      site: { select: { code: true, name: true, timeZone: true } },
      participants: {
        where: { active: true },
        select: { id: true, userId: true, name: true, superiorId: true },
        orderBy: { name: "asc" },
      },
    },
    orderBy: [{ site: { code: "asc" } }, { kind: "asc" }],
  });

  for (const s of series) {
    const tz = s.site.timeZone;
    const rng = mulberry32(seedFrom(`meetings:${s.site.code}:${s.kind}`));
    const lastCompletedMonday = addDays(mondayOf(localDateInZone(now, tz)), -7);
    const firstMonday = mondayOf(localDateOfColumn(s.startsOn));
    const pool = MINUTES[s.kind];
    const weeks: string[] = [];
    for (let monday = firstMonday; monday <= lastCompletedMonday; monday = addDays(monday, 7)) {
      const weeksBack = diffDays(monday, lastCompletedMonday) / 7 + 1;
      if (!SKIPPED_WEEKS_BACK[s.kind].includes(weeksBack)) weeks.push(monday);
    }

    const held: { id: string; date: string; startsAt: Date }[] = [];
    const openItems: {
      requestId: string;
      description: string;
      ownerParticipantId: string;
      dueOn: string;
      meetingId: string;
      createdAt: Date;
    }[] = [];
    const items: Prisma.MeetingActionItemCreateManyInput[] = [];
    await db.$transaction(async (tx) => {
      for (const monday of weeks) {
        // Usually the series' day; now and then a day later (a clash with a site event).
        const date = addDays(monday, s.weekday - 1 + (rng.chance(0.15) && s.weekday < 5 ? 1 : 0));
        const startsAt = instantFromLocalDateTime(`${date}T${s.startTime}`, tz);
        const recordedAt = new Date(startsAt.getTime() + HOUR);
        const attendance = s.participants.map((p) => {
          // The convener and the minute-taker hold the meeting: always there.
          const status: AttendanceStatus = p.userId === s.convenerId || p.userId === s.minuteTakerId ? "PRESENT" : attendanceStatus(rng);
          const note =
            status === "EXCUSED" ? null : status === "PRESENT" ? null : rng.pick(ATTENDANCE_NOTES[status as keyof typeof ATTENDANCE_NOTES]);
          return { participantId: p.id, status, note, recordedById: s.minuteTakerId, recordedAt };
        });
        const excused = attendance.filter((a) => a.status === "EXCUSED");
        const meeting = await tx.meeting.create({
          data: {
            requestId: `seed-meeting-${s.site.code}-${s.kind}-${date}`,
            seriesId: s.id,
            siteId: s.siteId,
            date: dateColumn(date),
            startsAt,
            place: s.place,
            state: "CONFIRMED",
            lastWeekReview: rng.pick(pool.lastWeekReview),
            nextWeekPlan: rng.pick(pool.nextWeekPlan),
            assignments: rng.pick(pool.assignments),
            createdById: s.minuteTakerId,
            createdAt: new Date(startsAt.getTime() - 72 * HOUR),
            confirmedAt: new Date(startsAt.getTime() + 24 * HOUR),
            confirmedById: s.convenerId,
            attendance: { create: attendance },
            // R-MTG-3: an excuse counts only with leave approved before the meeting began.
            leaveRequests: {
              create: excused.map((a) => {
                const person = s.participants.find((p) => p.id === a.participantId)!;
                return {
                  requestId: `seed-leave-${s.site.code}-${s.kind}-${date}-${person.name}`,
                  participantId: a.participantId,
                  reason: rng.pick(LEAVE_REASONS),
                  state: "APPROVED" as const,
                  requestedById: person.userId ?? s.convenerId,
                  requestedAt: new Date(startsAt.getTime() - 48 * HOUR),
                  decidedById: person.superiorId ?? s.convenerId,
                  decidedAt: new Date(startsAt.getTime() - 30 * HOUR),
                };
              }),
            },
          },
          select: { id: true },
        });

        // R-MTG-5: open items are reviewed at this meeting; most of those due by now are closed here.
        for (const item of openItems.splice(0)) {
          if (item.dueOn <= addDays(date, 3) && rng.chance(0.75)) {
            items.push({
              requestId: item.requestId,
              seriesId: s.id,
              meetingId: item.meetingId,
              description: item.description,
              ownerParticipantId: item.ownerParticipantId,
              dueOn: dateColumn(item.dueOn),
              createdById: s.minuteTakerId,
              createdAt: item.createdAt,
              closedAt: new Date(startsAt.getTime() + HOUR / 2),
              closedById: s.minuteTakerId,
              closedInMeetingId: meeting.id,
              closingNote: rng.pick(pool.closingNotes),
            });
          } else openItems.push(item);
        }
        const owners = s.participants.filter((p) => p.userId !== s.convenerId);
        for (let n = rng.int(0, 2); n > 0 && owners.length > 0; n--) {
          openItems.push({
            requestId: `seed-${meeting.id}-${n}`,
            description: rng.pick(pool.actionItems),
            ownerParticipantId: rng.pick(owners).id,
            dueOn: addDays(date, rng.pick([4, 7, 14])),
            meetingId: meeting.id,
            createdAt: recordedAt,
          });
        }
        held.push({ id: meeting.id, date, startsAt });
      }
      // What is still open stays open (carried to the next meeting, R-MTG-5).
      for (const item of openItems) items.push({ seriesId: s.id, ...item, dueOn: dateColumn(item.dueOn), createdById: s.minuteTakerId });
      if (items.length > 0) await tx.meetingActionItem.createMany({ data: items });
    });
    options.log(`  meetings: ${s.site.name} ${s.name} — ${held.length} confirmed meetings, ${items.length} action items`);
  }
}
