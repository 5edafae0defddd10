import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localizedNotification } from "@/lib/notifications/texts";

type Tx = Prisma.TransactionClient;

export interface LeaveNotice {
  leaveId: string;
  meetingId: string;
  siteId: string;
  seriesName: string;
  /** The meeting's local date, 'YYYY-MM-DD'. */
  date: string;
  personName: string;
  /** The reason (to approvers) or the decision note (to the requester). */
  text: string | null;
}

/**
 * R-MTG-3 leave goes to the superior before the meeting: the approvers get an in-app notification when
 * leave is asked, the requester when it is decided. Written in the request's transaction; the dedupe key
 * keeps a replay from notifying twice. Texts in every UI language, as the reminders are
 * (lib/notifications/texts.ts); the body is the person's own words, shown as written.
 */
export async function notifyLeave(tx: Tx, event: "requested" | "APPROVED" | "REFUSED", notice: LeaveNotice, recipients: string[]) {
  const to = [...new Set(recipients)];
  if (to.length === 0) return;
  const values = { name: notice.personName, series: notice.seriesName, date: notice.date };
  const text = localizedNotification((t) => ({ title: t(`meetings.notify.${event}`, values), body: notice.text || null }));
  await tx.notification.createMany({
    data: to.map((userId) => ({
      userId,
      siteId: notice.siteId,
      kind: `meeting.leave.${event}`,
      ...text,
      link: `/meetings/${notice.meetingId}`,
      dedupeKey: `leave:${notice.leaveId}:${event}:${userId}`,
    })),
    skipDuplicates: true,
  });
}
