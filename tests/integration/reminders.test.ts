/**
 * Deadline reminders: the run against real Postgres (dedupe, recipients, site scope),
 * the notification actions, and a real pg-boss round trip on the same database.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ComplaintState } from "@/lib/generated/prisma/enums";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { pageRequest } from "@/lib/pagination";
import {
  enqueueReminderRun,
  PGBOSS_SCHEMA,
  startReminderQueue,
  stopReminderQueue,
  TICK_QUEUE,
  waitForReminderRun,
} from "@/lib/reminders/queue";
import { runRemindersAction } from "@/lib/reminders/actions";
import { runReminders, runScheduledReminders } from "@/lib/reminders/run";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

let world: World;
/** Extra accounts: a disabled supervisor on site A; a manager and a clerk on site B only. */
let extra: { disabledSupervisorA: string; managerB: string; clerkB: string };

/** An instant given as Shanghai wall-clock time (the fixture sites use Asia/Shanghai). */
const sh = (local: string) => new Date(`${local}+08:00`);
/** Deadlines are stored as the last millisecond of a site-local day (R-CAL-2). */
const endOfDay = (date: string) => sh(`${date}T23:59:59.999`);

let seq = 0;
async function complaint(
  site: "a" | "b",
  data: { state: ComplaintState; receivedById: string; rectificationDueAt: Date; revisitDueAt?: Date | null; round?: number },
) {
  seq++;
  const records = world[site];
  return db.complaint.create({
    data: {
      number: `S${site.toUpperCase()}-T-${String(seq).padStart(3, "0")}`,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: records.tenant,
      departmentId: records.department,
      source: "PHONE",
      category: "CLEANING",
      severity: "GENERAL",
      description: "提醒测试",
      receivedAt: new Date(data.rectificationDueAt.getTime() - 3 * 86_400_000),
      receivedById: data.receivedById,
      state: data.state,
      round: data.round ?? 1,
      rectificationDueAt: data.rectificationDueAt,
      revisitDueAt: data.revisitDueAt ?? null,
    },
    select: { id: true, number: true },
  });
}

async function recipientsOf(complaintId: string) {
  const rows = await db.notification.findMany({ where: { link: `/complaints/${complaintId}` }, select: { userId: true } });
  return rows.map((r) => r.userId).sort();
}

async function user(username: string, role: "MANAGER" | "SUPERVISOR" | "CLERK", siteId: string, disabled = false) {
  const created = await db.user.create({
    data: { username, name: username, role, passwordHash: "x", disabled, sites: { create: [{ siteId }] } },
    select: { id: true },
  });
  return created.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = {
    disabledSupervisorA: await user("supervisor-off", "SUPERVISOR", world.siteA, true),
    managerB: await user("manager-b", "MANAGER", world.siteB),
    clerkB: await user("clerk-b", "CLERK", world.siteB),
  };
});

afterAll(async () => {
  await stopReminderQueue();
});

describe("runReminders (a fixed day: Tuesday 2026-03-03, 09:00 in Shanghai)", () => {
  const now = sh("2026-03-03T09:00:00");
  let c: Record<"dueToday" | "revisitOverdue" | "notYet" | "closed" | "siteB", { id: string; number: string }>;

  beforeAll(async () => {
    const u = world.users;
    c = {
      dueToday: await complaint("a", { state: "RECEIVED", receivedById: u.FRONT_DESK, rectificationDueAt: endOfDay("2026-03-03") }),
      revisitOverdue: await complaint("a", {
        state: "RECTIFIED",
        receivedById: u.CLERK,
        rectificationDueAt: endOfDay("2026-02-20"),
        revisitDueAt: endOfDay("2026-03-02"),
      }),
      notYet: await complaint("a", { state: "IN_RECTIFICATION", receivedById: u.FRONT_DESK, rectificationDueAt: endOfDay("2026-03-04") }),
      closed: await complaint("a", {
        state: "CLOSED",
        receivedById: u.FRONT_DESK,
        rectificationDueAt: endOfDay("2026-02-01"),
        revisitDueAt: endOfDay("2026-02-10"),
      }),
      siteB: await complaint("b", { state: "RECEIVED", receivedById: extra.clerkB, rectificationDueAt: endOfDay("2026-03-01") }),
    };
  });

  it("creates the notifications once, however often it runs", async () => {
    const first = await runReminders(now);
    expect(first).toEqual({ sites: 2, reminders: 3, created: 8 });
    const count = await db.notification.count();
    expect(count).toBe(8);

    const second = await runReminders(now);
    const later = await runReminders(sh("2026-03-03T17:00:00"));
    expect(second).toEqual({ sites: 2, reminders: 3, created: 0 });
    expect(later.created).toBe(0);
    expect(await db.notification.count()).toBe(count);
  });

  it("sends each reminder to the people responsible on the complaint's site", async () => {
    const u = world.users;
    const sorted = (ids: string[]) => [...ids].sort();
    // Rectification: supervisors and managers + the receiver (front desk); not the disabled supervisor, the admin, the clerk.
    expect(await recipientsOf(c.dueToday.id)).toEqual(sorted([u.SUPERVISOR, u.MANAGER, u.FRONT_DESK]));
    // Revisit: supervisors, clerks and managers; the receiver (the clerk) only once.
    expect(await recipientsOf(c.revisitOverdue.id)).toEqual(sorted([u.SUPERVISOR, u.MANAGER, u.CLERK]));
    expect(await recipientsOf(c.notYet.id)).toEqual([]);
    expect(await recipientsOf(c.closed.id)).toEqual([]);
    // Site B: its own manager and the receiving clerk; nobody of site A.
    expect(await recipientsOf(c.siteB.id)).toEqual(sorted([extra.managerB, extra.clerkB]));
    expect(await db.notification.count({ where: { userId: { in: [extra.managerB, extra.clerkB] }, siteId: { not: world.siteB } } })).toBe(
      0,
    );
    expect(await db.notification.count({ where: { userId: { in: [extra.disabledSupervisorA, u.ADMIN] } } })).toBe(0);
  });

  it("stores readable Chinese texts (and English ones), a link, the site and the dedupe key of the site-local day", async () => {
    const row = await db.notification.findFirstOrThrow({ where: { userId: world.users.MANAGER, link: `/complaints/${c.dueToday.id}` } });
    expect(row).toMatchObject({
      siteId: world.siteA,
      kind: "reminder.rectification.due_today",
      title: `今日到期：投诉 ${c.dueToday.number} 须完成整改`,
      body: "测试项目A · 整改期限 2026-03-03 23:59（第 1 轮）",
      dedupeKey: `reminder:${c.dueToday.id}:rectification:1:2026-03-03:${world.users.MANAGER}`,
      readAt: null,
      // The English text for readers who switched the UI; the nested step name is English too.
      texts: {
        en: {
          title: `Due today: complaint ${c.dueToday.number} must be rectified`,
          body: "测试项目A · Rectification due 2026-03-03 23:59 (round 1)",
        },
      },
    });
    const revisit = await db.notification.findFirstOrThrow({
      where: { userId: world.users.CLERK, link: `/complaints/${c.revisitOverdue.id}` },
    });
    expect(revisit).toMatchObject({ kind: "reminder.revisit.overdue", title: `已逾期：投诉 ${c.revisitOverdue.number} 回访未完成` });
  });

  it("reminds again the next day while a deadline stays overdue; only the sites asked for", async () => {
    const result = await runReminders(sh("2026-03-04T08:30:00"), [world.siteA]);
    // dueToday is now overdue, notYet is due today, revisitOverdue still overdue.
    expect(result).toEqual({ sites: 1, reminders: 3, created: 9 });
    expect(await db.notification.count({ where: { siteId: world.siteB } })).toBe(2);
    const keys = (await db.notification.findMany({ where: { userId: world.users.MANAGER }, select: { dedupeKey: true } })).map(
      (r) => r.dedupeKey,
    );
    expect(keys).toContain(`reminder:${c.dueToday.id}:rectification:1:2026-03-04:${world.users.MANAGER}`);
    expect(await runReminders(sh("2026-03-04T09:00:00"), [])).toEqual({ sites: 0, reminders: 0, created: 0 });
  });

  it("the scheduled run: working days from 08:30 site time, once per site and day", async () => {
    const lastRun = new Map<string, string>();
    // 2026-12-26 is a Saturday the fixture sites made a working day; 2026-12-27 a Sunday.
    expect((await runScheduledReminders(sh("2026-12-26T08:15:00"), lastRun)).siteIds).toEqual([]);
    expect((await runScheduledReminders(sh("2026-12-27T10:00:00"), lastRun)).siteIds).toEqual([]);
    const morning = await runScheduledReminders(sh("2026-12-26T08:30:00"), lastRun);
    expect(morning.siteIds.sort()).toEqual([world.siteA, world.siteB].sort());
    expect(morning.created).toBeGreaterThan(0);
    expect(lastRun.get(world.siteA)).toBe("2026-12-26");
    expect((await runScheduledReminders(sh("2026-12-26T08:45:00"), lastRun)).siteIds).toEqual([]);
  });
});

describe("notification actions and queries", () => {
  it("lists only the signed-in user's notifications, newest first, with the unread count", async () => {
    await signInAs(world.users.SUPERVISOR);
    const page = await listNotifications(pageRequest("1"));
    const own = await db.notification.count({ where: { userId: world.users.SUPERVISOR } });
    expect(page.total).toBe(own);
    expect(page.rows.length).toBeGreaterThan(0);
    const times = page.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const ids = page.rows.map((r) => r.id);
    expect(await db.notification.count({ where: { id: { in: ids }, userId: { not: world.users.SUPERVISOR } } })).toBe(0);
    expect(await unreadCount()).toBe(own);
  });

  it("markNotificationsReadAction touches only the caller's own rows", async () => {
    const supervisorRow = await db.notification.findFirstOrThrow({ where: { userId: world.users.SUPERVISOR }, select: { id: true } });
    const managerRow = await db.notification.findFirstOrThrow({ where: { userId: world.users.MANAGER }, select: { id: true } });
    const managerUnread = await db.notification.count({ where: { userId: world.users.MANAGER, readAt: null } });

    await signInAs(world.users.SUPERVISOR);
    const some = await markNotificationsReadAction({ ids: [supervisorRow.id, managerRow.id] });
    expect(some).toMatchObject({ ok: true, data: { count: 1 } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: supervisorRow.id } })).readAt).not.toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: managerRow.id } })).readAt).toBeNull();

    const all = await markNotificationsReadAction({});
    expect(all.ok).toBe(true);
    expect(await unreadCount()).toBe(0);
    expect(await db.notification.count({ where: { userId: world.users.MANAGER, readAt: null } })).toBe(managerUnread);

    await signInAs(world.users.MANAGER);
    expect(await unreadCount()).toBe(managerUnread);
  });

  it("refuses bad input and anonymous callers", async () => {
    await signInAs(world.users.CLERK);
    expect(await markNotificationsReadAction({ ids: [] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await markNotificationsReadAction({ userId: world.users.MANAGER })).toMatchObject({ ok: false, code: "invalid" });
    await signInAs(null);
    expect(await markNotificationsReadAction({})).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("runRemindersAction: managers run their own sites now; others are refused", async () => {
    const now = Date.now();
    const mine = await complaint("a", {
      state: "RECEIVED",
      receivedById: world.users.FRONT_DESK,
      rectificationDueAt: new Date(now - 3_600_000),
    });
    const theirs = await complaint("b", { state: "RECEIVED", receivedById: extra.clerkB, rectificationDueAt: new Date(now - 3_600_000) });

    await signInAs(world.users.SUPERVISOR);
    expect(await runRemindersAction({})).toMatchObject({ ok: false, code: "forbidden" });
    expect(await recipientsOf(mine.id)).toEqual([]);

    await signInAs(world.users.MANAGER);
    expect(await runRemindersAction({ siteIds: [world.siteB] })).toMatchObject({ ok: false, code: "invalid" });
    const result = await runRemindersAction({});
    expect(result).toMatchObject({ ok: true, data: { sites: 1 } });
    expect((result as { data: { created: number } }).data.created).toBeGreaterThanOrEqual(3);
    expect(await recipientsOf(mine.id)).toEqual([world.users.SUPERVISOR, world.users.MANAGER, world.users.FRONT_DESK].sort());
    expect(await recipientsOf(theirs.id)).toEqual([]);
  });
});

describe("pg-boss (schema pgboss in the same database)", () => {
  it("runs an on-demand job end to end, and leaves schema public alone", async () => {
    const overdue = await complaint("b", {
      state: "RECEIVED",
      receivedById: extra.clerkB,
      rectificationDueAt: new Date(Date.now() - 60_000),
    });
    const url = process.env.DATABASE_URL!;
    const publicTablesBefore = await publicTables(url);

    // No cron clock in tests: a tick must not fire in the middle of other assertions.
    const boss = await startReminderQueue({ connectionString: url, schedule: false, pollingIntervalSeconds: 0.5 });
    expect(await startReminderQueue()).toBe(boss);
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(TICK_QUEUE);

    const jobId = await enqueueReminderRun([world.siteB]);
    const output = await waitForReminderRun(jobId, 20_000);
    expect(output).toMatchObject({ sites: 1 });
    expect(output.created).toBeGreaterThanOrEqual(2);
    expect(await recipientsOf(overdue.id)).toEqual([extra.managerB, extra.clerkB].sort());

    // pg-boss keeps to its own schema; Prisma's schema (and so the schema-drift check) is untouched.
    expect(await publicTables(url)).toEqual(publicTablesBefore);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1", [PGBOSS_SCHEMA]);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }

    await stopReminderQueue();
    await expect(enqueueReminderRun()).rejects.toThrow(/not started/);
  });
});

async function publicTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}
