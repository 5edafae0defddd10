/**
 * The bell's unread count and the notifications page's total are capped (lib/notifications/queries.ts):
 * a manager of many sites is sent thousands of reminders a day, and exact counts of them cost the
 * database on every page view. The bell needs "99+", the page "1000+"; below the caps both are exact.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UNREAD_SHOWN, listNotifications, unreadCount } from "@/lib/notifications/queries";
import { COUNT_CAP, pageRequest } from "@/lib/pagination";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const MANY = COUNT_CAP + 200;
const UNREAD = UNREAD_SHOWN + 50;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const start = Date.parse("2026-12-01T00:00:00Z");
  // The manager: MANY notifications, one a minute, the newest UNREAD of them unread.
  await db.notification.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({
      userId: world.users.MANAGER,
      siteId: world.siteA,
      kind: "reminder.rectification.overdue",
      title: `提醒 ${String(i).padStart(5, "0")}`,
      link: "/complaints",
      dedupeKey: `count-test-${i}`,
      createdAt: new Date(start + i * 60_000),
      readAt: i < MANY - UNREAD ? new Date(start + i * 60_000 + 1000) : null,
    })),
  });
  // The clerk: three, all unread.
  await db.notification.createMany({
    data: [0, 1, 2].map((i) => ({
      userId: world.users.CLERK,
      siteId: world.siteA,
      kind: "reminder.rectification.due",
      title: `今日到期 ${i}`,
      link: "/complaints",
      dedupeKey: `count-test-clerk-${i}`,
      createdAt: new Date(start + i * 60_000),
    })),
  });
});

describe("notification counts", () => {
  it("counts unread notifications up to one past what the bell shows", async () => {
    await signInAs(world.users.MANAGER);
    // More than UNREAD_SHOWN: the bell shows "99+".
    expect(await unreadCount()).toBe(UNREAD_SHOWN + 1);
    await signInAs(world.users.CLERK);
    expect(await unreadCount()).toBe(3);
  });

  it("pages the newest first with a capped total", async () => {
    await signInAs(world.users.MANAGER);
    const first = await listNotifications(pageRequest("1"));
    expect(first.capped).toBe(true);
    expect(first.total).toBe(COUNT_CAP);
    expect(first.rows[0].title).toBe(`提醒 ${String(MANY - 1).padStart(5, "0")}`);
    expect(first.rows[0].readAt).toBeNull();
    const times = first.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // The last page reached by number: the count runs past it, and is exact there.
    const last = await listNotifications(pageRequest(String(Math.ceil(MANY / first.rows.length))));
    expect(last.capped).toBe(false);
    expect(last.total).toBe(MANY);
    expect(last.rows.at(-1)!.title).toBe("提醒 00000");

    await signInAs(world.users.CLERK);
    const clerk = await listNotifications(pageRequest("1"));
    expect(clerk).toMatchObject({ total: 3, capped: false, pageCount: 1 });
    expect(clerk.rows.map((r) => r.title)).toEqual(["今日到期 2", "今日到期 1", "今日到期 0"]);
  });
});
