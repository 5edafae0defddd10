import "server-only";
import { cache } from "react";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { currentLocale } from "@/lib/i18n/server";
import { countLimit, pagedCapped, type PageRequest } from "@/lib/pagination";
import { notificationTextFor } from "./texts";

const DEFAULT_ZONE = "Asia/Shanghai";

/** The bell shows the unread count up to this, then "99+". */
export const UNREAD_SHOWN = 99;

/**
 * Unread notifications of the signed-in user (the header bell, on every page; the notifications page asks
 * too), counted up to UNREAD_SHOWN + 1: a manager of many sites gathers hundreds of reminders a day, and
 * an exact count of 14 000 unread took ~5 ms of the database on every page view. Once per render
 * (React's request cache). Counted in SQL without an order: Prisma's `count({ take })` orders by id,
 * which reads every unread row before the limit.
 */
export const unreadCount = cache(async (): Promise<number> => {
  const actor = await requirePermission("notification:read");
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
      FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL LIMIT ${UNREAD_SHOWN + 1}) AS unread`;
  return row.n;
});

/**
 * The signed-in user's notifications, newest first, in the reader's UI language (stored at creation,
 * lib/notifications/texts.ts; Chinese for older rows), times shown in each one's site zone. Nobody
 * reads anyone else's.
 */
export async function listNotifications(page: PageRequest) {
  const [actor, locale] = await Promise.all([requirePermission("notification:read"), currentLocale()]);
  const where = { userId: actor.id };
  const [rows, [counted]] = await db.$transaction([
    db.notification.findMany({
      where,
      select: { id: true, siteId: true, kind: true, title: true, body: true, texts: true, link: true, createdAt: true, readAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    // Capped ("1000+"), in SQL without an order, as unreadCount above.
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${actor.id} LIMIT ${countLimit(page)}) AS mine`,
  ]);
  const total = counted.n;
  const siteIds = [...new Set(rows.map((r) => r.siteId).filter((id): id is string => id !== null))];
  const zones = new Map(siteIds.length ? (await sitesWith(siteIds, "id", "timeZone")).map((s) => [s.id, s.timeZone]) : []);
  return pagedCapped(
    rows.map(({ texts, ...r }) => ({
      ...r,
      ...notificationTextFor({ title: r.title, body: r.body, texts }, locale),
      localAt: formatInZone(r.createdAt, (r.siteId && zones.get(r.siteId)) || DEFAULT_ZONE),
    })),
    total,
    page,
  );
}
