/**
 * Crash test, short version (the full one over HTTP is `npm run test:faults`): the real actions write
 * complaints with steps, inspections, goods-pass stamps and gate releases, and newspaper deliveries from
 * concurrent clients against a PostgreSQL this test owns; it is stopped with `-m immediate` in the
 * middle and restarted. Every acknowledged write must be in the database once, numbers unique and
 * gapless, each pass released at most once, the app's pool answering again within 5 s without a
 * restart, and the reminder jobs running again.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { enqueueReminderRun, startReminderQueue, stopReminderQueue, waitForReminderRun } from "@/lib/reminders/queue";
import { seedChecklists } from "../../prisma/seed/checklists";
import { crashMidway, freePort } from "../../scripts/faults/crash";
import { OwnedPostgres } from "../../scripts/faults/owned-postgres";
import { FAULTS_PASSWORD, describeFigures, prepare, runLoad, verify, type Call, type Plan, type Who } from "../../scripts/faults/workload";
import { applyMigrations } from "../../scripts/db/engine";
import { REPO_ROOT } from "../../scripts/db/server";
import { session } from "../support/session";

let server: OwnedPostgres | undefined;
let plan: Plan;
const claims = new AsyncLocalStorage<{ userId: string; sessionVersion: number }>();
const signedIn = {} as Record<Who, { userId: string; sessionVersion: number }>;

beforeAll(async () => {
  server = await OwnedPostgres.create(await freePort(54400));
  const url = await server.createDatabase("kewu_faults");
  await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  // Before the app's first query: lib/db.ts reads DATABASE_URL once, on first use.
  process.env.DATABASE_URL = url;
  await db.$transaction((tx) => seedChecklists(tx));
  plan = await prepare(db, { passwordHash: await hashPassword(FAULTS_PASSWORD), areas: 120, passes: 120, deliveries: 120 });
  for (const who of ["manager", "coordinator"] as const) {
    const user = await db.user.findUniqueOrThrow({ where: { username: plan.usernames[who] }, select: { id: true, sessionVersion: true } });
    signedIn[who] = { userId: user.id, sessionVersion: user.sessionVersion };
  }
  // Concurrent clients, each with its own identity: the session the actions read follows the async context.
  Object.defineProperty(session, "claims", { get: () => claims.getStore() ?? null, set: () => {}, configurable: true });
  await startReminderQueue({ connectionString: url, schedule: false, pollingIntervalSeconds: 0.5 });
}, 90_000);

afterAll(async () => {
  Object.defineProperty(session, "claims", { value: null, writable: true, configurable: true });
  await stopReminderQueue().catch(() => {});
  await db.$disconnect().catch(() => {});
  await server?.dispose();
});

it("loses and doubles no acknowledged write across a PostgreSQL crash, and recovers within 5 s", async () => {
  const actions = {
    ...(await import("@/lib/complaints/actions")),
    ...(await import("@/lib/inspections/actions")),
    ...(await import("@/lib/goods-passes/actions")),
    ...(await import("@/lib/newspapers/actions")),
  };
  const call: Call = (who, action, input) => claims.run(signedIn[who], () => actions[action](input));

  const [ledger, crash] = await Promise.all([
    runLoad({ plan, call, clients: 4, durationMs: 7_000, timeoutMs: 5_000, graceMs: 20_000 }),
    crashMidway(server!, { crashAfterMs: 2_500, downMs: 1_500, probe: async () => (await db.site.count()) > 0 }),
  ]);

  // pg-boss lost its connections too: a reminder run sent now must still be worked.
  const jobId = await enqueueReminderRun([plan.siteId]);
  const remindersResumed = await waitForReminderRun(jobId, 30_000).then(
    () => true,
    () => false,
  );

  const figures = await verify(db, plan, ledger);
  console.log(
    `crash test (in-process actions):\n${describeFigures({ ...figures, recoverySeconds: crash.recoverySeconds, remindersResumed })}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.acknowledged).toBeGreaterThan(20);
  expect(ledger.some((e) => e.at < crash.crashedAt) && ledger.some((e) => e.at > crash.readyAt)).toBe(true);
  expect(figures.lost).toBe(0);
  expect(figures.doubled).toBe(0);
  expect(figures.gaveUp).toBe(0);
  expect(figures.retried).toBeGreaterThan(0); // the outage did hit requests in flight
  expect(crash.recoverySeconds).toBeLessThanOrEqual(5);
  expect(remindersResumed).toBe(true);
}, 90_000);
