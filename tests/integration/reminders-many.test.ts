/**
 * A reminder run with more notifications than one insert takes (lib/reminders/run.ts inserts them
 * 1 000 at a time, one statement with an array per column): every notification is stored once, with
 * its texts, and a second run the same day stores none (R-CMP-2/3 reminders, dedupe per site-local day).
 * On fifty sites the first run of a day made ~30 000 and stopped the server when each chunk was
 * planned as 9 000 parameters (docs/performance.md, "The reminder run that stopped the server").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runReminders, type UserDigest } from "@/lib/reminders/run";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const sh = (local: string) => new Date(`${local}+08:00`);
/** Monday 2026-12-07, 09:00 in Shanghai: a working day, after the run's 08:30. */
const NOW = sh("2026-12-07T09:00:00");
const OVERDUE = 700;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await overdueComplaints(
    "a",
    Array.from({ length: OVERDUE }, (_, i) => `SA-M-${String(i + 1).padStart(4, "0")}`),
  );
});

/** Complaints of a site, all past their rectification deadline (the last millisecond of 12-03, R-CAL-2). */
function overdueComplaints(site: "a" | "b", numbers: string[]) {
  return db.complaint.createMany({
    data: numbers.map((number) => ({
      number,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: world[site].tenant,
      departmentId: world[site].department,
      source: "PHONE" as const,
      category: "CLEANING" as const,
      severity: "GENERAL" as const,
      description: "逾期提醒",
      receivedAt: sh("2026-12-01T10:00:00"),
      receivedById: world.users.CLERK,
      state: "RECEIVED" as const,
      rectificationDueAt: sh("2026-12-03T23:59:59.999"),
    })),
  });
}

describe("a reminder run larger than one insert", () => {
  it("stores each overdue complaint's notification for each recipient once, with its texts", async () => {
    const first = await runReminders(NOW, [world.siteA]);
    expect(first.reminders).toBe(OVERDUE);
    // More than one chunk of 1 000.
    expect(first.created).toBeGreaterThan(1000);
    const stored = await db.notification.count({ where: { kind: "reminder.rectification.overdue", siteId: world.siteA } });
    expect(stored).toBe(first.created);
    const perComplaint = await db.notification.groupBy({ by: ["link"], where: { siteId: world.siteA }, _count: { _all: true } });
    expect(perComplaint).toHaveLength(OVERDUE);
    expect(new Set(perComplaint.map((g) => g._count._all)).size).toBe(1);

    const one = await db.notification.findFirstOrThrow({
      where: { link: { startsWith: "/complaints/" }, siteId: world.siteA },
      select: { id: true, title: true, body: true, texts: true, createdAt: true, readAt: true },
    });
    expect(one.title).toMatch(/SA-M-\d{4}/);
    expect(one.body).toContain("测试项目A");
    expect((one.texts as { en: { title: string } }).en.title).toMatch(/SA-M-\d{4}/);
    expect(one.readAt).toBeNull();
    expect(one.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("stores nothing twice when run again the same day", async () => {
    const before = await db.notification.count();
    const again = await runReminders(new Date(NOW.getTime() + 3_600_000), [world.siteA]);
    expect(again.reminders).toBe(OVERDUE);
    expect(again.created).toBe(0);
    expect(await db.notification.count()).toBe(before);
  });

  it("runs a few sites at a time, each user still getting one digest of the whole run", async () => {
    // The manager also looks after site B, where two complaints are overdue too.
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    await overdueComplaints("b", ["SB-M-0001", "SB-M-0002"]);
    await db.notification.deleteMany();
    const digests: UserDigest[][] = [];
    // One site per batch: site A's notifications are stored before site B's are collected.
    const run = await runReminders(NOW, [world.siteA, world.siteB], { siteBatch: 1, deliver: async (d) => void digests.push(d) });
    expect(run.sites).toBe(2);
    expect(run.reminders).toBe(OVERDUE + 2);
    expect(await db.notification.count()).toBe(run.created);
    // Site A's were all stored (each insert its own statement, its own now()) before site B's.
    const [a, b] = await Promise.all(
      [world.siteA, world.siteB].map((siteId) =>
        db.notification.aggregate({ where: { siteId }, _min: { createdAt: true }, _max: { createdAt: true } }),
      ),
    );
    expect(b._min.createdAt!.getTime()).toBeGreaterThan(a._max.createdAt!.getTime());

    // One delivery for the run, one digest per user, every notification created in it.
    expect(digests).toHaveLength(1);
    const [sent] = digests;
    expect(new Set(sent.map((d) => d.userId)).size).toBe(sent.length);
    expect(sent.reduce((n, d) => n + d.notifications.length, 0)).toBe(run.created);
    const manager = sent.find((d) => d.userId === world.users.MANAGER)!;
    const titles = manager.notifications.map((n) => n.title).join(" ");
    expect(titles).toMatch(/SA-M-\d{4}/);
    expect(titles).toContain("SB-M-0001");
    expect(titles).toContain("SB-M-0002");
  });
});
