import "server-only";
import { cache } from "react";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { currentLocale } from "@/lib/i18n/server";
import { paged, type PageRequest } from "@/lib/pagination";
import { notificationTextFor } from "./texts";

const DEFAULT_ZONE = "Asia/Shanghai";

/**
 * Unread notifications of the signed-in user (the header bell; the notifications page asks too): counted
 * once per render (React's request cache).
 */
export const unreadCount = cache(async (): Promise<number> => {
  const actor = await requirePermission("notification:read");
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
});

/**
 * The signed-in user's notifications, newest first, in the reader's UI language (stored at creation,
 * lib/notifications/texts.ts; Chinese for older rows), times shown in each one's site zone. Nobody
 * reads anyone else's.
 */
export async function listNotifications(page: PageRequest) {
  const [actor, locale] = await Promise.all([requirePermission("notification:read"), currentLocale()]);
  const where = { userId: actor.id };
  const [rows, total] = await db.$transaction([
    db.notification.findMany({
      where,
      select: { id: true, siteId: true, kind: true, title: true, body: true, texts: true, link: true, createdAt: true, readAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.notification.count({ where }),
  ]);
  const siteIds = [...new Set(rows.map((r) => r.siteId).filter((id): id is string => id !== null))];
  const zones = new Map(siteIds.length ? (await sitesWith(siteIds, "id", "timeZone")).map((s) => [s.id, s.timeZone]) : []);
  return paged(
    rows.map(({ texts, ...r }) => ({
      ...r,
      ...notificationTextFor({ title: r.title, body: r.body, texts }, locale),
      localAt: formatInZone(r.createdAt, (r.siteId && zones.get(r.siteId)) || DEFAULT_ZONE),
    })),
    total,
    page,
  );
}
