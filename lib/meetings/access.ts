import "server-only";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayReadMeeting } from "./rules";

type Tx = Prisma.TransactionClient;

/** A manager (role MANAGER) assigned to the site: sees and may act on every meeting of it. */
export function isSiteManager(actor: Actor, siteId: string): boolean {
  return actor.role === "MANAGER" && actor.siteIds.includes(siteId);
}

const meetingContextSelect = {
  id: true,
  siteId: true,
  seriesId: true,
  state: true,
  date: true,
  startsAt: true,
  series: { select: { convenerId: true, minuteTakerId: true, site: { select: { timeZone: true } } } },
  attendance: { select: { participant: { select: { userId: true } } } },
} satisfies Prisma.MeetingSelect;

export interface MeetingContext {
  id: string;
  siteId: string;
  seriesId: string;
  state: "SCHEDULED" | "CONFIRMED";
  date: Date;
  startsAt: Date;
  timeZone: string;
  convenerId: string;
  minuteTakerId: string;
  isManager: boolean;
  isConvener: boolean;
  isMinuteTaker: boolean;
}

/**
 * The meeting as the actor may see it, or null: another site's meeting, or one the actor neither attends
 * nor manages, does not exist for them (R-MTG-4).
 */
export async function meetingContext(actor: Actor, meetingId: string): Promise<MeetingContext | null> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: meetingContextSelect });
  if (!m || !actor.siteIds.includes(m.siteId)) return null;
  const isManager = isSiteManager(actor, m.siteId);
  const visible = mayReadMeeting({
    actorId: actor.id,
    isSiteManager: isManager,
    attendeeUserIds: m.attendance.map((a) => a.participant.userId),
    convenerId: m.series.convenerId,
    minuteTakerId: m.series.minuteTakerId,
  });
  if (!visible) return null;
  return {
    id: m.id,
    siteId: m.siteId,
    seriesId: m.seriesId,
    state: m.state,
    date: m.date,
    startsAt: m.startsAt,
    timeZone: m.series.site.timeZone,
    convenerId: m.series.convenerId,
    minuteTakerId: m.series.minuteTakerId,
    isManager,
    isConvener: m.series.convenerId === actor.id,
    isMinuteTaker: m.series.minuteTakerId === actor.id,
  };
}

/** Actions: the visible meeting, or `not_found`. */
export async function requireMeeting(actor: Actor, meetingId: string): Promise<MeetingContext> {
  const ctx = await meetingContext(actor, meetingId);
  if (!ctx) throw new AccessError("not_found");
  return ctx;
}

/** meeting:minutes: the minute-taker records attendance, agenda and action items (or the convener). */
export function assertMinuteTaker(ctx: MeetingContext): void {
  if (!ctx.isMinuteTaker && !ctx.isConvener) throw new DomainError("forbidden", "meetings.errors.notMinuteTaker");
}

/** R-MTG-4: confirmed minutes never change; say so clearly before the database trigger would. */
export function assertNotConfirmed(ctx: { state: string }, field?: string): void {
  if (ctx.state !== "SCHEDULED") throw new DomainError("conflict", "meetings.errors.locked", field);
}

/**
 * Inside the write transaction: the meeting is still SCHEDULED, checked by a state-guarded update that
 * also locks the row, so a confirmation racing with this write waits for it (or this write sees 0 rows).
 */
export async function lockScheduled(tx: Tx, meetingId: string, field?: string): Promise<void> {
  const { count } = await tx.meeting.updateMany({ where: { id: meetingId, state: "SCHEDULED" }, data: { updatedAt: new Date() } });
  if (count === 0) throw new DomainError("conflict", "meetings.errors.locked", field);
}
