// `npm run test:cluster`: Kewu as a cluster on this machine, with real components, driven over HTTP.
//
//   1. Debian's haproxy and pgbouncer (apt-get install when missing and run as root), and Chromium
//      for the browser flow (/usr/bin/chromium or CHROMIUM_PATH, as playwright.config.ts);
//   2. a primary PostgreSQL (embedded binaries, scripts/faults/owned-postgres.ts) and a streaming
//      replica of it (base backup + standby.signal, OwnedPostgres.replicaOf), migrations and the demo
//      seed on the primary, plus a site of its own for the checks (scripts/faults/workload.ts prepare);
//   3. PgBouncer in transaction mode in front of the primary; s3rver (in this process) as the bucket;
//   4. one production build (reused when .next was built by this script from the same sources,
//      scripts/cluster/build.ts), two `next start` instances: DATABASE_URL through PgBouncer,
//      DATABASE_REPLICA_URL to the replica, STORAGE_URL to the bucket, a DATA_DIR each, one NEXTAUTH_SECRET;
//   5. HAProxy round-robin in front of both (health check GET /api/ready), marking each answer with
//      the instance that served it (X-Served-By).
// Then the checks, each printed with its figures: a session from sign-in through the balancer works
// on both instances; a photo uploaded to one is served by the other, from the bucket; a calendar edit
// made on one is in force on the other on its next request, and back; a browser (Playwright's
// Chromium) logs a complaint with a photo through the balancer and sees the record and the photo
// served by both instances, listed once (browser-flow.ts); 20 concurrent goods-pass stampings through
// the balancer give 20 consecutive numbers; the reminder tick (set to every minute here) is one job per
// minute although both instances run pg-boss's cron clock; both instances run a site's morning
// reminders and each person gets one notification, the site's chat webhook one message
// (reminders-once.ts); with replay paused on the replica, a new complaint is on the live dashboard
// (primary) and not in the deadline export (replica) until replay resumes (replica-reads.ts); a
// list page's req/s on one instance and through the balancer, with PgBouncer's connections
// (throughput.ts); under a write load through the balancer one instance is killed (SIGKILL) and every
// acknowledged write is in the database once; the replica has caught up with the primary; PgBouncer
// carried the app's transactions.
// Exit code 0 only when every check passed. Everything it started is stopped and removed, also on
// failure or Ctrl-C. Not part of `npm test` (it needs minutes).
//
// Flags: --seconds N (the kill test's load, default 20), --clients N (default 6), --rebuild.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import PgBoss from "pg-boss";
import S3rver from "s3rver";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db";
import { applyMigrations } from "../db/engine";
import { REPO_ROOT } from "../db/server";
import { nextStartArgs, serverEnv } from "../next-start";
import { freePort } from "../faults/crash";
import { Session, actionRoutes, callAction, callFormAction } from "../faults/http";
import { OwnedPostgres } from "../faults/owned-postgres";
import { FAULTS_PASSWORD, prepare, runLoad, verify, type Call, type Who } from "../faults/workload";
import { browserFlowCheck } from "./browser-flow";
import { ensureBuild } from "./build";
import { arrangeReminder, prepareReminderSite, remindersOnceCheck, startChatReceiver } from "./reminders-once";
import { replicaReadsCheck } from "./replica-reads";
import { throughputCheck } from "./throughput";
import { INSTANCES, PNG, log, perInstance, sha256, sleep, type Check, type Instance } from "./parts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    clients: { type: "string", default: "6" },
    rebuild: { type: "boolean", default: false },
  },
});

/** lib/reminders/queue.ts TICK_QUEUE and PGBOSS_SCHEMA (that module is server-only). */
const TICK_QUEUE = "kewu-reminders-tick";
const PGBOSS_SCHEMA = "pgboss";
const REPLICA_MAX_LAG_SECONDS = 600;
/** Where the search for free ports starts (on a shared machine, away from the usual 3000/3100/3400 servers). */
const CHAT_PORT_FROM = 3300;
const INSTANCE_PORTS_FROM = 3310;
const BALANCER_PORT_FROM = 3330;

// ---------------------------------------------------------------------------------------------
// Machine parts

function ensurePackages() {
  const missing = [
    ["haproxy", "/usr/sbin/haproxy"],
    ["pgbouncer", "/usr/sbin/pgbouncer"],
  ].filter(([, bin]) => !existsSync(bin));
  if (missing.length === 0) return;
  const names = missing.map(([name]) => name);
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get"))
    throw new Error(`${names.join(" and ")} missing: install them (Debian: apt-get install ${names.join(" ")})`);
  log(`apt-get install ${names.join(" ")}`);
  const run = (a: string[]) =>
    spawnSync("apt-get", a, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!run(["update", "-qq"]) || !run(["install", "-y", "-qq", ...names])) throw new Error(`apt-get could not install ${names.join(" ")}`);
}

/** The OS user postgres (PgBouncer refuses to run as root). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

interface Child {
  name: string;
  process: ChildProcess;
  logFile: string;
  exited: boolean;
  /** Set by stopChild: an exit after it is expected and not reported. */
  stopping?: boolean;
}

function startChild(
  name: string,
  command: string,
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number; logDir: string },
): Child {
  const logFile = path.join(options.logDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, argv, {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    uid: options.uid,
    gid: options.gid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const handle: Child = { name, process: child, logFile, exited: false };
  child.once("exit", (code, signal) => {
    handle.exited = true;
    // An instance that ends by itself (or by someone else's signal) is worth a line where it happened.
    if (!handle.stopping) log(`${name} exited (${signal ? `signal ${signal}` : `code ${code}`})`);
  });
  return handle;
}

async function stopChild(child: Child) {
  child.stopping = true;
  if (child.exited) return;
  child.process.kill("SIGTERM");
  await Promise.race([new Promise((r) => child.process.once("exit", r)), sleep(10_000)]);
  if (!child.exited) child.process.kill("SIGKILL");
}

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number, child?: Child) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
    if (child?.exited) throw new Error(`${child.name} exited:\n${(await readFile(child.logFile, "utf8")).slice(-3000)}`);
    if (await ok().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
  }
}

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(3_000) }).then(
    (r) => r.ok,
    () => false,
  );

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => console.error(err));
    cleanups.length = 0;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));

  const checks: Check[] = [];
  const record = (check: Check) => {
    checks.push(check);
    console.log(`\n${check.passed ? "PASS" : "FAIL"} ${check.name}\n${check.figures.replace(/^/gm, "     ")}`);
  };
  let exitCode = 1;
  try {
    ensurePackages();
    const work = await mkdtemp(path.join(tmpdir(), "kewu-cluster-"));
    cleanups.push(() => rm(work, { recursive: true, force: true }));
    const as = postgresUser();
    if (as.uid !== undefined) await chown(work, as.uid, as.gid!);

    // PostgreSQL: primary, schema and data, then the replica (so it starts with all of it).
    const primary = await OwnedPostgres.create(await freePort(54500));
    cleanups.push(() => primary.dispose());
    const primaryUrl = await primary.createDatabase("kewu_cluster");
    await applyMigrations(primaryUrl, path.join(REPO_ROOT, "prisma", "migrations"));
    log("demo seed");
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: primaryUrl },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (seeded.status !== 0) throw new Error(`the demo seed failed (${seeded.status})`);
    const db = createPrismaClient(primaryUrl);
    cleanups.push(() => db.$disconnect());
    const passwordHash = await hashPassword(FAULTS_PASSWORD);
    const plan = await prepare(db, { passwordHash, areas: 300, passes: 320, deliveries: 300 });
    const reminderSite = await prepareReminderSite(db, passwordHash, plan.tag);
    const replica = await OwnedPostgres.replicaOf(primary, await freePort(primary.port + 1));
    cleanups.push(() => replica.dispose());
    const replicaUrl = replica.url("kewu_cluster");
    log(`primary :${primary.port}, streaming replica :${replica.port}, site ${plan.siteCode}`);

    // PgBouncer (transaction mode) in front of the primary, as the OS user postgres.
    const bouncerPort = await freePort(6500);
    const bouncerDir = path.join(work, "pgbouncer");
    await mkdir(bouncerDir);
    await writeFile(path.join(bouncerDir, "userlist.txt"), `"postgres" "kewu-faults"\n`);
    await writeFile(
      path.join(bouncerDir, "pgbouncer.ini"),
      [
        "[databases]",
        `kewu_cluster = host=127.0.0.1 port=${primary.port} dbname=kewu_cluster`,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${bouncerPort}`,
        "unix_socket_dir =",
        "auth_type = scram-sha-256",
        `auth_file = ${path.join(bouncerDir, "userlist.txt")}`,
        "admin_users = postgres",
        "pool_mode = transaction",
        "default_pool_size = 20",
        "max_client_conn = 400",
        "ignore_startup_parameters = extra_float_digits,options",
        "",
      ].join("\n"),
    );
    if (as.uid !== undefined) spawnSync("chown", ["-R", `${as.uid}:${as.gid}`, bouncerDir]);
    const bouncer = startChild("pgbouncer", "/usr/sbin/pgbouncer", [path.join(bouncerDir, "pgbouncer.ini")], {
      ...as,
      logDir: work,
      cwd: bouncerDir,
    });
    cleanups.push(() => stopChild(bouncer));
    const bouncerUrl = `postgresql://postgres:kewu-faults@127.0.0.1:${bouncerPort}/kewu_cluster`;
    await waitFor(
      "PgBouncer",
      async () => {
        const c = new pg.Client({ connectionString: bouncerUrl, connectionTimeoutMillis: 2_000 });
        c.on("error", () => {});
        try {
          await c.connect();
          await c.query("SELECT 1");
          return true;
        } finally {
          await c.end().catch(() => {});
        }
      },
      20_000,
      bouncer,
    );

    // The bucket.
    const s3dir = path.join(work, "s3");
    const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3dir, configureBuckets: [{ name: "kewu" }] });
    const { port: s3port } = await s3rver.run();
    cleanups.push(() => s3rver.close());
    const storageUrl = `s3://S3RVER:S3RVER@127.0.0.1:${s3port}/kewu/uploads?pathStyle=true&tls=false`;
    // The chat webhook the reminder check's channel posts to.
    const chat = await startChatReceiver(await freePort(CHAT_PORT_FROM));
    cleanups.push(() => new Promise((resolve) => chat.server.close(resolve)));
    log(`PgBouncer :${bouncerPort} (transaction mode), s3rver :${s3port}, chat receiver ${chat.url}`);

    // One build, two instances, one balancer.
    const lbPort = await freePort(BALANCER_PORT_FROM);
    const lb = `http://127.0.0.1:${lbPort}`;
    const common = {
      ...process.env,
      DATABASE_URL: bouncerUrl,
      DATABASE_REPLICA_URL: replicaUrl,
      STORAGE_URL: storageUrl,
      NEXTAUTH_SECRET: "kewu-cluster-secret-not-for-production-0123456789",
      NEXTAUTH_URL: lb,
      TRUST_PROXY: "1",
      // The chat channel of the reminder check posts to a receiver on 127.0.0.1.
      CHAT_LOCAL_HTTP: "true",
      // The replica check pauses replay: a paused replica must still be the export's source here.
      REPLICA_MAX_LAG_SECONDS: String(REPLICA_MAX_LAG_SECONDS),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production" as const,
    };
    ensureBuild(common, log, args.rebuild);
    const routes = await actionRoutes([
      "createComplaintAction",
      "startRectificationAction",
      "recordRectificationAction",
      "submitInspectionAction",
      "approveGoodsPassAction",
      "releaseGoodsPassAction",
      "holdNewspaperAction",
      "setCalendarOverrideAction",
      "deleteCalendarOverrideAction",
      "uploadFileAction",
      "createChatChannelAction",
    ]);
    const ports = {} as Record<Instance, number>;
    const apps = {} as Record<Instance, Child>;
    const dataDirs = {} as Record<Instance, string>;
    let from = INSTANCE_PORTS_FROM;
    for (const name of INSTANCES) {
      ports[name] = await freePort(from);
      from = ports[name] + 1;
      dataDirs[name] = path.join(work, `${name}-data`);
      apps[name] = startChild(name, process.execPath, nextStartArgs(ports[name], { host: "127.0.0.1" }), {
        env: serverEnv({ ...common, DATA_DIR: dataDirs[name] }),
        logDir: work,
      });
      const app = apps[name];
      cleanups.push(() => stopChild(app));
    }
    const direct = (name: Instance) => `http://127.0.0.1:${ports[name]}`;
    for (const name of INSTANCES) await waitFor(`${name} /api/ready`, () => answers(`${direct(name)}/api/ready`), 90_000, apps[name]);

    const haproxyCfg = path.join(work, "haproxy.cfg");
    await writeFile(
      haproxyCfg,
      [
        "global",
        "  maxconn 2000",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 60s",
        "  timeout server 60s",
        // A connection that cannot be made is tried on the other instance; a request already sent is not (POSTs are not replayed).
        "  retries 2",
        "  option redispatch",
        "frontend kewu",
        `  bind 127.0.0.1:${lbPort}`,
        "  default_backend apps",
        "backend apps",
        "  balance roundrobin",
        "  option httpchk GET /api/ready",
        "  default-server inter 500ms fall 2 rise 2",
        "  http-response set-header X-Served-By %s",
        ...INSTANCES.map((name) => `  server ${name} 127.0.0.1:${ports[name]} check`),
        "",
      ].join("\n"),
    );
    const haproxy = startChild("haproxy", "/usr/sbin/haproxy", ["-f", haproxyCfg, "-db"], { logDir: work });
    cleanups.push(() => stopChild(haproxy));
    await waitFor("HAProxy", () => answers(`${lb}/api/ready`), 20_000, haproxy);
    log(`${INSTANCES.map((n) => `${n} :${ports[n]}`).join(", ")}; HAProxy round-robin on ${lb}`);

    // Both instances run pg-boss with its cron clock. The reminder tick (every 15 min in production)
    // is set to every minute here, so that several ticks fall within the run.
    for (const name of INSTANCES)
      await waitFor(
        `${name}'s reminder jobs`,
        async () => (await readFile(apps[name].logFile, "utf8")).includes("reminder jobs started"),
        60_000,
        apps[name],
      );
    const boss = new PgBoss({ connectionString: primaryUrl, schema: PGBOSS_SCHEMA, supervise: false, schedule: false, migrate: false });
    boss.on("error", () => {});
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false, wait: true }));
    await boss.schedule(TICK_QUEUE, "* * * * *", {}, { tz: "UTC" });
    const tickScheduledAt = new Date();

    // Who served what (HAProxy's X-Served-By), counted per phase.
    let servedBy: Record<string, number> = {};
    const observe = (res: Response) => {
      const by = res.headers.get("x-served-by") ?? "direct";
      servedBy[by] = (servedBy[by] ?? 0) + 1;
    };
    const takeServed = () => {
      const out = servedBy;
      servedBy = {};
      return perInstance(out);
    };
    const sessions = { manager: new Session(lb), coordinator: new Session(lb) } satisfies Record<Who, Session>;
    for (const s of Object.values(sessions)) s.onResponse = observe;

    // 1. Sessions: signed in through the balancer, accepted by each instance.
    {
      for (const who of ["manager", "coordinator"] as const) await sessions[who].signIn(plan.usernames[who], FAULTS_PASSWORD);
      const signInServed = takeServed();
      const status = async (s: Session | null, name: Instance, pathname: string) => {
        const res = s ? await s.fetch(pathname, {}, direct(name)) : await fetch(`${direct(name)}${pathname}`, { redirect: "manual" });
        await res.arrayBuffer();
        return res.status;
      };
      const rows: string[] = [];
      let passed = true;
      for (const name of INSTANCES) {
        const signedIn = await status(sessions.manager, name, "/complaints");
        const anonymous = await status(null, name, "/complaints");
        rows.push(`${name}: GET /complaints with the session ${signedIn}, without ${anonymous}`);
        passed &&= signedIn === 200 && anonymous >= 300 && anonymous < 400;
      }
      record({
        name: "a session signed in through the balancer works on every instance",
        passed,
        figures: [`sign-in requests served: ${signInServed}`, ...rows].join("\n"),
      });
    }

    // The reminder check's setup through the balancer (checked after the tick check below, so that
    // both instances have had ticks meanwhile): its site's chat channel, an overdue complaint, and
    // today turned from a holiday into a working day, which makes the site due for every process.
    const logFiles = { app1: apps.app1.logFile, app2: apps.app2.logFile };
    const reminderManager = new Session(lb);
    await reminderManager.signIn(reminderSite.usernames.manager, FAULTS_PASSWORD);
    const arranged = await arrangeReminder({ session: reminderManager, site: reminderSite, hookUrl: chat.url, logFiles, routes });

    // 2. A photo uploaded to one instance is served by the other (from the bucket, not a local disk).
    {
      const result = await callFormAction(
        sessions.manager,
        routes.uploadFileAction,
        { requestId: randomUUID(), siteId: plan.siteId, kind: "PHOTO", file: new File([PNG], "photo.png", { type: "image/png" }) },
        { base: direct("app1") },
      );
      const rows: string[] = [];
      let passed = result.ok;
      if (!result.ok) rows.push(`upload to app1 refused: ${JSON.stringify(result).slice(0, 400)}`);
      else {
        const { id } = result.data as { id: string };
        const res = await sessions.manager.fetch(`/api/files/${id}`, {}, direct("app2"));
        const bytes = new Uint8Array(await res.arrayBuffer());
        const same = res.status === 200 && sha256(bytes) === sha256(PNG);
        const anonymous = (await fetch(`${direct("app2")}/api/files/${id}`, { redirect: "manual" })).status;
        const localFiles = (
          await Promise.all(INSTANCES.map((n) => readdir(path.join(dataDirs[n], "files"), { recursive: true }).catch(() => [])))
        ).flat().length;
        const inBucket = (await readdir(s3dir, { recursive: true })).filter((f) => f.includes("uploads")).length;
        rows.push(
          `uploaded to app1: file ${id} (${PNG.length} bytes); app2 answers ${res.status}, ${bytes.length} bytes, sha256 ${same ? "equal" : "DIFFERENT"}`,
          `app2 without a session: ${anonymous}; files on the instances' disks: ${localFiles}; bucket entries under uploads/: ${inBucket}`,
        );
        passed = same && anonymous !== 200 && localFiles === 0 && inBucket > 0;
      }
      record({ name: "a photo uploaded through one instance is served by the other", passed, figures: rows.join("\n") });
    }

    // 3. A calendar edit made on one instance is in force on the other at once (both caches warm first).
    {
      const day = "2027-03-06"; // a Saturday, no official change: a day off unless overridden
      const working = async (name: Instance) => {
        const res = await sessions.manager.fetch(`/calendar?site=${plan.siteId}&month=${day.slice(0, 7)}`, {}, direct(name));
        const html = await res.text();
        const m = new RegExp(`data-testid="day-${day}"[^>]*data-working="(true|false)"`).exec(html);
        if (!m) throw new Error(`${name}: /calendar answered ${res.status} without the day ${day}`);
        return m[1] === "true";
      };
      const before = { app1: await working("app1"), app2: await working("app2") };
      const set = await callAction(
        sessions.manager,
        routes.setCalendarOverrideAction,
        { siteId: plan.siteId, date: day, kind: "WORKDAY", note: "集群演练" },
        { base: direct("app1") },
      );
      const onApp2 = await working("app2");
      const override = await db.calendarOverride.findFirst({ where: { siteId: plan.siteId }, select: { id: true } });
      const removed = override
        ? await callAction(sessions.manager, routes.deleteCalendarOverrideAction, { id: override.id }, { base: direct("app2") })
        : { ok: false as const, code: "missing", message: "no override row" };
      const backOnApp1 = await working("app1");
      const passed = !before.app1 && !before.app2 && set.ok && onApp2 && removed.ok && !backOnApp1;
      record({
        name: "a calendar edit on one instance is in force on the other at once",
        passed,
        figures: [
          `${day} working before: app1 ${before.app1}, app2 ${before.app2} (both caches filled)`,
          `set WORKDAY on app1: ${set.ok ? "ok" : `${set.code} ${set.message}`}; app2's next answer: working ${onApp2}`,
          `override removed on app2: ${removed.ok ? "ok" : `${removed.code} ${removed.message}`}; app1's next answer: working ${backOnApp1}`,
        ].join("\n"),
      });
    }

    // 4. A browser (Playwright's Chromium) through the balancer: complaint intake with a photo, the
    //    record and its photo seen from both instances, the record listed once.
    record(await browserFlowCheck({ lb, db, plan, password: FAULTS_PASSWORD, routes }));

    // 5. 20 concurrent goods-pass stampings through the balancer: 20 consecutive numbers (R-GP-3).
    const stampIds = plan.passIds.slice(0, 20);
    {
      takeServed();
      const started = Date.now();
      const results = await Promise.all(
        stampIds.map((passId) =>
          callAction(sessions.manager, routes.approveGoodsPassAction, { passId }, { timeoutMs: 30_000 }).catch((err: Error) => ({
            ok: false as const,
            code: "error",
            message: err.message,
          })),
        ),
      );
      const ms = Date.now() - started;
      const numbers = results.flatMap((r) => (r.ok ? [(r.data as { number: string }).number] : []));
      const seqs = numbers.map((n) => Number(/-(\d+)$/.exec(n)?.[1])).sort((a, b) => a - b);
      const consecutive = seqs.length === 20 && new Set(seqs).size === 20 && seqs[19] - seqs[0] === 19;
      const stored = await db.goodsPass.count({ where: { id: { in: stampIds }, number: { not: null } } });
      const served = takeServed();
      const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? "" : `${r.code} ${r.message}`));
      record({
        name: "20 concurrent goods-pass stampings across instances give 20 consecutive numbers",
        passed: consecutive && stored === 20 && served.split(", ").every((s) => !s.endsWith(" 0")),
        figures: [
          `acknowledged ${numbers.length}/20 in ${ms} ms, served: ${served}; numbered in the database ${stored}`,
          `numbers ${numbers.length ? `${numbers.sort()[0]} … ${numbers.sort()[numbers.length - 1]}` : "none"}; sequence ${seqs.join(",")}`,
          ...failures.slice(0, 5).map((f) => `refused: ${f}`),
        ].join("\n"),
      });
    }

    // 6. The reminder tick fires once per slot across the cluster, though both instances run the cron clock.
    {
      type Slot = { slot: Date; n: number; completed: number };
      const slots = async () =>
        (
          await db.$queryRaw<Slot[]>`
            SELECT date_trunc('minute', created_on) AS slot, count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS completed
            FROM (SELECT created_on, state FROM pgboss.job WHERE name = ${TICK_QUEUE}
                  UNION ALL SELECT created_on, state FROM pgboss.archive WHERE name = ${TICK_QUEUE}) j
            WHERE created_on >= ${tickScheduledAt} GROUP BY 1 ORDER BY 1`
        ).filter((s) => s.slot.getTime() >= tickScheduledAt.getTime() - 60_000);
      log("waiting for two reminder ticks (up to 3 minutes)");
      let seen: Slot[] = [];
      for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(1_000)) {
        seen = await slots();
        if (seen.length >= 2 && seen.every((s) => s.completed === s.n)) break;
      }
      const ranIn = INSTANCES.filter((name) => !apps[name].exited).length;
      record({
        name: "the reminder tick fires once across the cluster (pg-boss)",
        passed: ranIn === 2 && seen.length >= 2 && seen.every((s) => s.n === 1 && s.completed === 1),
        figures: [
          `cron clocks running: ${ranIn} instances; tick every minute from ${tickScheduledAt.toISOString().slice(11, 19)} UTC`,
          ...seen.map((s) => `${s.slot.toISOString().slice(11, 16)} UTC: ${s.n} tick job(s), ${s.completed} completed`),
        ].join("\n"),
      });
    }

    // 7. Reminders once at the notification level: both instances ran the site's morning run.
    record(await remindersOnceCheck({ db, boss, tickQueue: TICK_QUEUE, site: reminderSite, arranged, posts: chat.posts, logFiles }));

    // 8. Report exports from the replica, live pages from the primary (replay paused, then resumed).
    record(
      await replicaReadsCheck({
        db,
        replicaUrl,
        plan,
        session: sessions.manager,
        direct,
        route: routes.createComplaintAction,
        maxLagSeconds: REPLICA_MAX_LAG_SECONDS,
      }),
    );

    // 9. Throughput of a list page, one instance vs the balancer, and PgBouncer's connections meanwhile.
    record(
      await throughputCheck({
        session: sessions.manager,
        lb,
        directApp1: direct("app1"),
        bouncerAdminUrl: `postgresql://postgres:kewu-faults@127.0.0.1:${bouncerPort}/pgbouncer`,
      }),
    );

    // 10. One instance killed (SIGKILL) in the middle of a write load: no acknowledged write lost or doubled.
    {
      const loadPlan = { ...plan, passIds: plan.passIds.slice(20) };
      const call: Call = (who, action, input) => callAction(sessions[who], routes[action], input);
      const seconds = Number(args.seconds);
      takeServed();
      let killedAt = 0;
      let servedBeforeKill = "";
      const killer = (async () => {
        await sleep(seconds * 400);
        servedBeforeKill = takeServed();
        apps.app2.process.kill("SIGKILL");
        killedAt = Date.now();
        log(`app2 killed with SIGKILL after ${(seconds * 0.4).toFixed(0)} s of load`);
      })();
      const ledger = await runLoad({
        plan: loadPlan,
        call,
        clients: Number(args.clients),
        durationMs: seconds * 1000,
        timeoutMs: 10_000,
        graceMs: 30_000,
      });
      await killer;
      const servedAfterKill = takeServed();
      const figures = await verify(db, plan, ledger);
      const afterKill = ledger.filter((e) => e.at > killedAt + 2_000).length;
      const passed =
        apps.app2.exited &&
        figures.lost === 0 &&
        figures.doubled === 0 &&
        figures.problems.length === 0 &&
        figures.gaveUp === 0 &&
        figures.acknowledged > 0 &&
        /app2 [1-9]/.test(servedBeforeKill) &&
        afterKill > 0;
      record({
        name: "one instance killed mid-load loses no acknowledged write",
        passed,
        figures: [
          `${args.clients} clients for ${seconds} s through HAProxy; served before the kill: ${servedBeforeKill}; after: ${servedAfterKill}`,
          `acknowledged ${figures.acknowledged}, found ${figures.found}, lost ${figures.lost}, doubled ${figures.doubled}`,
          `retried after a failed answer ${figures.retried}, settled after a lost answer ${figures.settled}, refused ${figures.refused}, gave up ${figures.gaveUp}; answers after the kill ${afterKill}`,
          ...figures.problems.slice(0, 10),
        ].join("\n"),
      });
    }

    // 11. The replica streams: it is in recovery and reaches the primary's data.
    {
      const rc = new pg.Client({ connectionString: replicaUrl });
      await rc.connect();
      cleanups.push(() => rc.end());
      const primaryCount = await db.complaint.count({ where: { siteId: plan.siteId } });
      let replicaCount = -1;
      const started = Date.now();
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
        replicaCount = Number(
          (await rc.query<{ n: string }>(`SELECT count(*) AS n FROM "Complaint" WHERE "siteId" = $1`, [plan.siteId])).rows[0].n,
        );
        if (replicaCount === primaryCount) break;
      }
      const waited = Date.now() - started;
      const recovery = (await rc.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0].r;
      const [stream] = await db.$queryRaw<
        { state: string; sync_state: string }[]
      >`SELECT state, sync_state FROM pg_stat_replication WHERE application_name = 'kewu_replica'`;
      record({
        name: "the streaming replica follows the primary",
        passed: recovery && stream?.state === "streaming" && replicaCount === primaryCount && primaryCount > 0,
        figures: `replica in recovery ${recovery}, replication ${stream?.state ?? "none"} (${stream?.sync_state ?? "-"}); complaints of the site: primary ${primaryCount}, replica ${replicaCount} (after ${waited} ms)`,
      });
    }

    // 12. The app's transactions went through PgBouncer.
    {
      const admin = new pg.Client({ connectionString: `postgresql://postgres:kewu-faults@127.0.0.1:${bouncerPort}/pgbouncer` });
      await admin.connect();
      const stats = (await admin.query<{ database: string; total_xact_count: string; total_query_count: string }>("SHOW STATS")).rows.find(
        (r) => r.database === "kewu_cluster",
      );
      const pools = (await admin.query<{ database: string; pool_mode: string }>("SHOW POOLS")).rows.find(
        (r) => r.database === "kewu_cluster",
      );
      await admin.end();
      const xacts = Number(stats?.total_xact_count ?? 0);
      record({
        name: "the instances reach the primary through PgBouncer in transaction mode",
        passed: pools?.pool_mode === "transaction" && xacts > 100,
        figures: `pool mode ${pools?.pool_mode ?? "none"}; transactions ${xacts}, queries ${stats?.total_query_count ?? 0}`,
      });
    }

    const failed = checks.filter((c) => !c.passed);
    console.log(`\ncluster: ${checks.length - failed.length} passed, ${failed.length} failed`);
    if (failed.length > 0)
      for (const name of INSTANCES)
        console.log(`--- ${name} log (last lines) ---\n${(await readFile(apps[name].logFile, "utf8")).split("\n").slice(-20).join("\n")}`);
    exitCode = failed.length === 0 ? 0 : 1;
  } catch (err) {
    console.error(err);
    if (checks.length)
      console.log(`\ncluster: ${checks.filter((c) => c.passed).length} passed, ${checks.filter((c) => !c.passed).length + 1} failed`);
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
}

void main();
