// `npm run test:faults`: the crash test over HTTP against the production build.
//
//   1. a PostgreSQL of its own (embedded binaries, temp folder, free port from 54400) with the migrations;
//   2. `next build` (skip with --skip-build to reuse .next), then `next start` on --port (default 3311)
//      against that database, with its background jobs (pg-boss) running;
//   3. concurrent clients signed in through next-auth drive the real server actions (Next-Action
//      requests, ids from the build's server-reference manifest) for --seconds (default 30);
//   4. in the middle PostgreSQL is stopped with `pg_ctl stop -m immediate` and restarted; the app is
//      NOT restarted;
//   5. the figures: acknowledged, found, lost, doubled, recovery seconds (PostgreSQL accepting again →
//      the app's first good answer of a page that reads the database), and a reminder job sent after
//      the restart must be worked by the app's own pg-boss.
// Exit code 0 only with 0 lost, 0 doubled, recovery ≤ 5 s and the reminder job done. Everything it
// started (server, PostgreSQL, temp folders) is stopped and removed, also on failure or Ctrl-C.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import PgBoss from "pg-boss";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db";
import { seedChecklists } from "../../prisma/seed/checklists";
import { applyMigrations } from "../db/engine";
import { REPO_ROOT } from "../db/server";
import { nextStartArgs, serverEnv } from "../next-start";
import { crashMidway, freePort } from "./crash";
import { Session, actionRoutes, callAction } from "./http";
import { OwnedPostgres } from "./owned-postgres";
import { FAULTS_PASSWORD, describeFigures, prepare, runLoad, verify, type Call, type Who } from "./workload";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3311" },
    seconds: { type: "string", default: "30" },
    clients: { type: "string", default: "6" },
    "skip-build": { type: "boolean", default: false },
  },
});

/** lib/reminders/queue.ts RUN_QUEUE (that module is server-only). */
const RUN_QUEUE = "kewu-reminders-run";
const PGBOSS_SCHEMA = "pgboss";
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[faults] ${line}`);

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => console.error(err));
    cleanups.length = 0;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));

  let exitCode = 1;
  try {
    const server = await OwnedPostgres.create(await freePort(54400));
    cleanups.push(() => server.dispose());
    const url = await server.createDatabase("kewu_faults");
    await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
    const db = createPrismaClient(url);
    cleanups.push(() => db.$disconnect());
    await db.$transaction((tx) => seedChecklists(tx));
    const plan = await prepare(db, { passwordHash: await hashPassword(FAULTS_PASSWORD), areas: 600, passes: 600, deliveries: 600 });
    log(`PostgreSQL ${server.url().replace(/:[^:@/]*@/, ":***@")}, site ${plan.siteCode}`);

    const work = await mkdtemp(path.join(tmpdir(), "kewu-faults-app-"));
    cleanups.push(() => rm(work, { recursive: true, force: true }));
    const next = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
    const env = {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: work,
      NEXTAUTH_SECRET: "kewu-faults-secret-not-for-production",
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production" as const,
    };
    if (!args["skip-build"]) {
      log("next build (a few minutes on a busy machine)");
      const build = spawnSync(process.execPath, [next, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
      if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
    }
    const routes = await actionRoutes([
      "createComplaintAction",
      "startRectificationAction",
      "recordRectificationAction",
      "submitInspectionAction",
      "approveGoodsPassAction",
      "releaseGoodsPassAction",
      "holdNewspaperAction",
    ]);

    const serverLog = path.join(work, "next.log");
    const out = createWriteStream(serverLog);
    const app: ChildProcess = spawn(process.execPath, nextStartArgs(port, { host: "127.0.0.1" }), {
      cwd: REPO_ROOT,
      env: serverEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout!.pipe(out);
    app.stderr!.pipe(out);
    cleanups.push(async () => {
      if (app.exitCode === null) {
        app.kill("SIGTERM");
        await Promise.race([new Promise((r) => app.once("exit", r)), sleep(10_000)]);
        if (app.exitCode === null) app.kill("SIGKILL");
      }
    });
    let appDied = false;
    app.once("exit", () => (appDied = true));

    // Up, signed in, and its background jobs started (that happens right after the server starts).
    const sessions = { manager: new Session(base), coordinator: new Session(base) } satisfies Record<Who, Session>;
    for (let deadline = Date.now() + 60_000; ;) {
      if (appDied) throw new Error(`next start exited:\n${await readFile(serverLog, "utf8")}`);
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
      await sleep(250);
    }
    for (const who of ["manager", "coordinator"] as const) await sessions[who].signIn(plan.usernames[who], FAULTS_PASSWORD);
    for (let deadline = Date.now() + 30_000; !(await readFile(serverLog, "utf8")).includes("reminder jobs started");) {
      if (Date.now() > deadline) throw new Error("the app's reminder jobs did not start");
      await sleep(250);
    }
    log(`next start on ${base}; accounts signed in; reminder jobs running`);

    const call: Call = (who, action, input) => callAction(sessions[who], routes[action], input);
    // A page that reads the database: 200 only when the app can query again.
    const probe = async () => {
      const res = await sessions.manager.fetch("/complaints", { signal: AbortSignal.timeout(3_000) });
      await res.arrayBuffer();
      return res.status === 200;
    };
    if (!(await probe())) throw new Error("GET /complaints does not answer 200 before the crash");

    const seconds = Number(args.seconds);
    log(`load: ${args.clients} clients for ${seconds} s; PostgreSQL crashes after ${(seconds * 0.4).toFixed(0)} s`);
    const [ledger, crash] = await Promise.all([
      runLoad({ plan, call, clients: Number(args.clients), durationMs: seconds * 1000, timeoutMs: 10_000, graceMs: 30_000 }),
      crashMidway(server, { crashAfterMs: seconds * 400, downMs: 3_000, probe, log }),
    ]);
    if (appDied) throw new Error("the app exited during the crash");

    // The app's own pg-boss must work a job sent after the restart.
    const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, supervise: false, schedule: false, migrate: false });
    boss.on("error", () => {});
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false, wait: true }));
    const jobId = await boss.send(RUN_QUEUE, { siteIds: [plan.siteId] });
    let remindersResumed = false;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
      const job = await boss.getJobById(RUN_QUEUE, jobId!, { includeArchive: true });
      if (job?.state === "completed") {
        remindersResumed = true;
        break;
      }
      if (job?.state === "failed") break;
    }

    const figures = await verify(db, plan, ledger);
    console.log(
      `\ncrash test (HTTP, next start):\n${describeFigures({ ...figures, recoverySeconds: crash.recoverySeconds, remindersResumed })}`,
    );
    for (const p of figures.problems.slice(0, 20)) console.log(`  ${p}`);
    const before = ledger.filter((e) => e.at < crash.crashedAt).length;
    const after = ledger.filter((e) => e.at > crash.readyAt).length;
    console.log(`answers before the crash ${before}, after the restart ${after}`);
    const passed =
      figures.lost === 0 &&
      figures.doubled === 0 &&
      figures.problems.length === 0 &&
      figures.gaveUp === 0 &&
      figures.retried > 0 &&
      before > 0 &&
      after > 0 &&
      crash.recoverySeconds <= 5 &&
      remindersResumed;
    console.log(passed ? "faults: PASSED" : "faults: FAILED");
    if (!passed) console.log(`--- server log (last lines) ---\n${(await readFile(serverLog, "utf8")).split("\n").slice(-30).join("\n")}`);
    exitCode = passed ? 0 : 1;
  } catch (err) {
    console.error(err);
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
}

void main();
