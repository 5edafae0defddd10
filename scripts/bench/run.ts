// `npm run bench`: Kewu's pages against the bare stack (../shared/bench/bare-next), side by side in
// one run, on the scale database (`npm run seed:scale`). Prints one table and writes it as JSON
// under bench/results/ with the machine and the commit; exits non-zero when the budget is not met.
//
// The full run also starts a second Kewu server (the same build) on the same company three months
// old (`kewu_scale_3m`, seeded with `--months 3` when missing) and drives each page there right after
// the three-year one, for the growth budget; and it submits one form per module through its real
// server action (./forms.ts). Missing scale databases are seeded; existing ones get the build's
// migrations first.
//
// After the run the main server writes a heap snapshot (./heap.ts) and the bench counts the responses
// it still holds: finished requests the server has kept (decision 022; the smoke run prints the count).
//
//   npm run bench                       full run on kewu_scale (build, the servers, every page and form)
//   npm run bench -- --smoke            tiny data, 3 s per page, no baseline, ratios not enforced
//   options: --db NAME --compare-db NAME --port N --bare-port N --duration S --warmup S
//            --connections N --skip-build --bare PATH (the baseline app; default KEWU_BARE_DIR, else
//            ../shared/bench/bare-next beside this checkout or beside the repository it was cloned
//            from: ./bare.ts) --out FILE
//            --only "complaints,audit trail" (those pages and forms only, by name: a partial run,
//            written as JSON only with --out)
//            --heap-dir DIR (keep the heap snapshots there: the one after the run and, when a Kewu
//            server comes near its heap limit, the one V8 writes then)
//            --prewarm S (seconds each page is served in each of the two rounds before any is measured;
//            0: none; default 5, the smoke run 0)
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "../db/engine";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { nextStartArgs, serverEnv } from "../next-start";
import { parseScaleArgs, seedScale } from "../scale/seed";
import { BUDGET, checkBudget, growthOf, pooledRate, type PageResult } from "./budget";
import { driveForm, prepareForms, releaseUnusedPasses } from "./forms";
import { findBareApp } from "./bare";
import { benchPages, type BenchPage } from "./pages";
import { MAX_SNAPSHOT_BYTES, countObjects, takeSnapshot } from "./heap";
import { cpuMs, rssMb, signIn, waitFor } from "./server";

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    "compare-db": { type: "string" },
    port: { type: "string", default: "3321" },
    "bare-port": { type: "string", default: "3322" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    bare: { type: "string" },
    out: { type: "string" },
    only: { type: "string" },
    "heap-dir": { type: "string" },
    prewarm: { type: "string" },
  },
});
/** The page and form names of a partial run (--only), or null for all. */
const only = args.only ? new Set(args.only.split(",").map((name) => name.trim())) : null;
const chosen = (name: string) => !only || only.has(name);
const smoke = args.smoke!;
const duration = Number(args.duration ?? (smoke ? 3 : 10));
// Each page's (and form's, and the bare page's) load before its measured one, discarded. A server's own
// code reaches its steady state only after V8 has compiled it with the page's feedback: from a fresh
// server, /surveys took 32 ms of CPU a request in its first 5 s and ~20 ms after 25 s; /complaints 28 ms
// in its first 16 s and 20–23 ms afterwards (docs/performance.md, "Eleventh pass"). 3 s measured part
// of that tiering; a production server serves each page for days.
const warmup = Number(args.warmup ?? (smoke ? 1 : 10));
// Before any page is measured, every page is served for `prewarm` seconds in PREWARM_ROUNDS rounds, on
// each server at once (and the bare page as long): the code pages share (Next's render runtime, React,
// Prisma, the layout) is then compiled with all of their feedback, as in a server that has been serving
// all of them. Without it the first pages measured paid for the whole server's tiering: on one server the
// dashboard took 28–33 ms of CPU a view minutes after its start, against 53–61 ms in its first 20 s on a
// fresh one (docs/performance.md, "Fifteenth" and "Sixteenth pass").
const prewarm = Number(args.prewarm ?? (smoke ? 0 : 5));
const PREWARM_ROUNDS = 2;
// The smoke run proves every page answers under a little concurrency; the full run measures at 10.
const connections = Number(args.connections ?? (smoke ? 2 : 10));
const children: ChildProcess[] = [];
/** Folders the run made, removed when it ends. */
const temporary: string[] = [];

function log(line: string) {
  console.log(line);
}

/** CPU seconds (user + system) of a process and its children, from /proc. */
const cpuSeconds = (pid: number) => cpuMs(pid) / 1000;

function start(cmd: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, argv, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

/** First-load JavaScript: the gzipped sum of the page's scripts; and the HTML's size. */
async function weigh(base: string, pathname: string, cookie: string) {
  const res = await fetch(base + pathname, { headers: { cookie } });
  const html = await res.text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let js = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    js += gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
  return { status: res.status, htmlBytes: Buffer.byteLength(html), inlineScriptChars: inline, jsGzipBytes: js };
}

/**
 * Waits until the server is idle (under 5 % of a core over half a second, at most 20 s): requests the
 * load generator gave up on (timeouts) go on being computed by the server, and would otherwise be
 * billed to the next page.
 */
async function settle(pid: number) {
  for (let waited = 0; waited < 20_000; waited += 500) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuSeconds(pid) - before < 0.025) return;
  }
}

async function drive(url: string, cookie: string, pid: number, seconds = duration, warm = warmup) {
  const opts = { url, connections, headers: { cookie }, timeout: 10 };
  await settle(pid);
  if (warm > 0) await autocannon({ ...opts, duration: warm });
  const cpuBefore = cpuSeconds(pid);
  const r = await autocannon({ ...opts, duration: seconds });
  const cpu = cpuSeconds(pid) - cpuBefore;
  const requests = r.requests.total;
  return {
    reqPerSec: Math.round((requests / seconds) * 10) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    timeouts: r.timeouts,
    cpuMsPerRequest: requests ? Math.round(((cpu * 1000) / requests) * 10) / 10 : null,
    requests,
    seconds,
  };
}

function commit(): string {
  try {
    return execSync("git rev-parse HEAD", { cwd: REPO_ROOT }).toString().trim();
  } catch {
    return "unknown";
  }
}

/** The scale database `name` at this build's migration level, seeded first when it does not exist. */
async function scaleDatabase(baseUrl: string, name: string, seedArgs: string[]): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  await admin.end();
  if (!exists) {
    log(`▶ seed:scale ${name} ${seedArgs.join(" ")} (the database is missing)`);
    return seedScale({ ...parseScaleArgs(["--db", name, ...seedArgs]), log: (line) => log(`  ${line}`) });
  }
  const url = withDatabaseName(baseUrl, name);
  await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  return url;
}

async function prepareBare(bareApp: string, dbUrl: string, port: number): Promise<ChildProcess> {
  // The baseline uses Kewu's own installed next / react / pg (the same versions by its README), as a
  // hard-linked copy of node_modules in its own folder: Turbopack does not follow a node_modules
  // symlink out of the project's root, and a folder inside Kewu's tree would build Kewu's
  // instrumentation into the baseline.
  const dir = mkdtempSync(path.join(os.tmpdir(), "kewu-bare-"));
  temporary.push(dir);
  cpSync(bareApp, dir, { recursive: true, filter: (src) => !src.includes("node_modules") && !src.includes(".next") });
  const linked = spawnSync("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules")]);
  if (linked.status !== 0) cpSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), { recursive: true });
  // Its own copy of next: a next run from Kewu's path would load a second React beside the page's.
  const next = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  const built = spawnSync(process.execPath, [next, "build"], { cwd: dir, env, stdio: "ignore" });
  if (built.status !== 0) throw new Error("the bare baseline did not build");
  return start(process.execPath, [next, "start", "-p", String(port)], dir, env);
}

async function main() {
  // Found (or refused, with the folders tried) before the minutes of seeding and building.
  const bareApp = smoke ? null : findBareApp({ explicit: args.bare, env: process.env, repoRoot: REPO_ROOT });
  const { baseUrl } = await ensureDatabaseServer();
  const dbName = args.db ?? (smoke ? "kewu_bench_smoke" : "kewu_scale");
  const compareName = args["compare-db"] ?? (smoke ? "kewu_bench_smoke_1m" : "kewu_scale_3m");
  let dbUrl: string;
  let compareUrl: string;
  if (smoke) {
    // Tiny, rebuilt on every run: three months, and the same company one month old for the comparison.
    const tiny = { sites: 2, units: 60, tenants: 40, complaints: 600, inspectionResults: 1500, goodsPasses: 100, months: 3 };
    dbUrl = await seedScale({ db: dbName, sizes: tiny, log: () => {} });
    compareUrl = await seedScale({
      db: compareName,
      sizes: { ...tiny, complaints: 200, inspectionResults: 500, goodsPasses: 40, months: 1 },
      log: () => {},
    });
  } else {
    dbUrl = await scaleDatabase(baseUrl, dbName, []);
    compareUrl = await scaleDatabase(baseUrl, compareName, ["--months", "3"]);
  }
  const probe = new pg.Client({ connectionString: dbUrl });
  await probe.connect();
  const pagesInput = await benchPages(probe);
  await probe.end();

  const port = Number(args.port);
  const base = `http://127.0.0.1:${port}`;
  const next = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
  };
  if (!args["skip-build"] || !existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    log("▶ build");
    const built = spawnSync(process.execPath, [next, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
    if (built.status !== 0) throw new Error("the build failed");
  }
  // On SIGUSR2 the server writes a heap snapshot here: what it still holds after the run (decision 022).
  // With --heap-dir the directory is kept, and each Kewu server also writes one when it comes near its
  // heap limit (what filled it), the three-month one in a subdirectory of its own.
  const keptHeapDir = args["heap-dir"] ? path.resolve(args["heap-dir"]) : null;
  const heapDir = keptHeapDir ?? mkdtempSync(path.join(os.tmpdir(), "kewu-heap-"));
  if (keptHeapDir) mkdirSync(path.join(keptHeapDir, "three-months"), { recursive: true });
  else temporary.push(heapDir);
  const nearLimit = keptHeapDir ? ["--heapsnapshot-near-heap-limit=1"] : [];
  const server = start(
    process.execPath,
    ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heapDir}`, ...nearLimit, ...nextStartArgs(port)],
    REPO_ROOT,
    serverEnv(env),
  );
  // The same build on the younger company, driven page by page right after the main one.
  const comparePort = port + 2;
  const compareBase = `http://127.0.0.1:${comparePort}`;
  const compareServer = start(
    process.execPath,
    [...(keptHeapDir ? [...nearLimit, `--diagnostic-dir=${path.join(heapDir, "three-months")}`] : []), ...nextStartArgs(comparePort)],
    REPO_ROOT,
    serverEnv({ ...env, DATABASE_URL: compareUrl, NEXTAUTH_URL: compareBase }),
  );
  let bare: ChildProcess | null = null;
  const barePort = Number(args["bare-port"]);
  if (!smoke) {
    log("▶ bare baseline (build)");
    bare = await prepareBare(bareApp!, dbUrl, barePort);
    await waitFor(`http://127.0.0.1:${barePort}/dynamic`);
  }
  await waitFor(`${base}/login`);
  await waitFor(`${compareBase}/login`);
  log(
    `▶ Kewu on ${base} (${dbName}) and ${compareBase} (${compareName}), ${connections} connections, ${warmup} s warm-up + ${duration} s per page`,
  );

  const cookies = new Map<string, string>();
  const cookieOf = async (user: string, on = base) => {
    const key = `${on} ${user}`;
    if (!cookies.has(key)) cookies.set(key, await signIn(on, user, pagesInput.password));
    return cookies.get(key)!;
  };
  // The younger company's ids differ (a complaint, a pass, a newspaper day): its own paths, by page name.
  const compareProbe = new pg.Client({ connectionString: compareUrl });
  await compareProbe.connect();
  const comparePaths = new Map((await benchPages(compareProbe)).pages.map((p) => [p.name, p.path]));
  await compareProbe.end();

  const benched = (pagesInput.pages as BenchPage[]).filter((p) => chosen(p.name));
  if (prewarm > 0) {
    log(`▶ every page served ${PREWARM_ROUNDS} × ${prewarm} s on each server before any is measured`);
    for (let round = 0; round < PREWARM_ROUNDS; round++) {
      if (bare) await autocannon({ url: `http://127.0.0.1:${barePort}/dynamic`, connections, duration: prewarm });
      for (const page of benched) {
        const [cookie, compareCookie] = [await cookieOf(page.user), await cookieOf(page.user, compareBase)];
        await Promise.all([
          autocannon({ url: base + page.path, connections, headers: { cookie }, timeout: 10, duration: prewarm }),
          autocannon({
            url: compareBase + comparePaths.get(page.name)!,
            connections,
            headers: { cookie: compareCookie },
            timeout: 10,
            duration: prewarm,
          }),
        ]);
      }
    }
  }

  const results: PageResult[] = [];
  let baseline: PageResult | null = null;
  let baselineRss: number | null = null;
  if (bare) {
    const url = `http://127.0.0.1:${barePort}/dynamic`;
    const load = await drive(url, "", bare.pid!);
    const weight = await weigh(`http://127.0.0.1:${barePort}`, "/dynamic", "");
    baseline = { name: "bare /dynamic", path: "/dynamic", user: "-", ...load, ...weight };
    baselineRss = rssMb(bare.pid!);
    log(`  baseline ${baseline.reqPerSec} req/s p99 ${baseline.p99} ms, RSS ${baselineRss} MB`);
  }
  for (const page of benched) {
    const cookie = await cookieOf(page.user);
    const comparePath = comparePaths.get(page.name)!;
    const compareCookie = await cookieOf(page.user, compareBase);
    // One view of each page on each server before its load, whatever it takes: what a page computes once
    // (the dashboard's closed periods, stored on the first view) is not what the load measures.
    await fetch(base + page.path, { headers: { cookie } }).then((res) => res.arrayBuffer());
    await fetch(compareBase + comparePath, { headers: { cookie: compareCookie } }).then((res) => res.arrayBuffer());
    const weight = page.download
      ? { status: 200, htmlBytes: 0, inlineScriptChars: 0, jsGzipBytes: 0 }
      : await weigh(base, page.path, cookie);
    const load = await drive(base + page.path, cookie, server.pid!);
    // The smoke run only proves the younger company's pages answer: 1 s each, no warm-up.
    const short = await drive(compareBase + comparePath, compareCookie, compareServer.pid!, smoke ? 1 : duration, smoke ? 0 : warmup);
    // The growth check compares two server processes, whose rates drift apart and back over a minute
    // (session 20: the gate lookup 82 and 91 req/s on three years against 87 and 80 on three months).
    // The full run drives each page in the order three years, three months, three months, three years
    // (the last two without a warm-up: the page has just run there) and compares the pooled rates, so a
    // drift during the page's turn weighs on both sides alike (budget.ts pooledRate).
    const shortRuns = [short];
    const longRuns = [load];
    if (!smoke) {
      shortRuns.push(await drive(compareBase + comparePath, compareCookie, compareServer.pid!, duration, 0));
      longRuns.push(await drive(base + page.path, cookie, server.pid!, duration, 0));
    }
    const failed = shortRuns.find((r) => r.errors > 0 || r.timeouts > 0);
    if (failed) log(`  ✗ ${page.name} on ${compareName}: ${failed.errors} errors, ${failed.timeouts} timeouts`);
    const row: PageResult = {
      name: page.name,
      path: page.path,
      user: page.user,
      ...load,
      ...weight,
      // The page's errors and timeouts on the three-year company, in either of its runs, fail the budget.
      errors: longRuns.reduce((n, r) => n + r.errors, 0),
      timeouts: longRuns.reduce((n, r) => n + r.timeouts, 0),
      reqPerSecShort: failed ? null : pooledRate(shortRuns),
      reqPerSecLong: pooledRate(longRuns),
    };
    results.push(row);
    log(
      `  ${page.name.padEnd(28)} ${String(row.reqPerSec).padStart(7)} req/s  p99 ${row.p99} ms  errors ${row.errors}  ` +
        `(growth: ${longRuns.map((r) => r.reqPerSec).join(" + ")} req/s on ${dbName}, ` +
        `${shortRuns.map((r) => r.reqPerSec).join(" + ")} on ${compareName})`,
    );
  }

  // One form per module, through its server action, on the three-year company.
  // Each submission takes a fresh record from a pool, so a pool must last the warm-up and the measured
  // seconds at the fastest form's rate: the smoke run's reach ~60 submissions/s over its 1 + 3 s (pools of
  // 300); the full run's up to ~150/s (the work-order form ran out of 1 500 after a 10 s warm-up).
  // A partial run of pages only makes no pools: they are records in the scale database.
  const anyForm = !only || [...only].some((name) => name.startsWith("form: "));
  const prepared = anyForm ? await prepareForms(dbUrl, base, smoke ? 300 : Math.ceil((warmup + duration) * 200)) : null;
  if (prepared) {
    for (const form of prepared.forms.filter((f) => chosen(f.name))) {
      await settle(server.pid!);
      if (warmup > 0) await driveForm(prepared, form, connections, warmup);
      const cpuBefore = cpuSeconds(server.pid!);
      const load = await driveForm(prepared, form, connections, duration);
      const cpu = cpuSeconds(server.pid!) - cpuBefore;
      const row: PageResult = {
        name: form.name,
        path: `POST ${form.action}`,
        user: prepared.usernames[form.who],
        reqPerSec: load.reqPerSec,
        p50: load.p50,
        p99: load.p99,
        errors: load.errors,
        timeouts: load.timeouts,
        cpuMsPerRequest: load.requests ? Math.round(((cpu * 1000) / load.requests) * 10) / 10 : null,
        requests: load.requests,
        status: 200,
        htmlBytes: 0,
        inlineScriptChars: 0,
        jsGzipBytes: 0,
        reqPerSecShort: null,
        firstError: load.firstError,
      };
      results.push(row);
      log(
        `  ${form.name.padEnd(28)} ${String(row.reqPerSec).padStart(7)} req/s  p99 ${row.p99} ms  errors ${row.errors}${load.firstError ? ` (${load.firstError})` : ""}`,
      );
    }
    await releaseUnusedPasses(dbUrl, prepared);
  }
  const rss = rssMb(server.pid!);
  // Every request has ended: a response still in the heap (after the snapshot's collection) is one kept.
  await settle(server.pid!);
  // null: the snapshot was too large to read (over MAX_SNAPSHOT_BYTES), itself a sign of kept requests.
  const heldResponses = countObjects(await takeSnapshot(server.pid!, heapDir), ["ServerResponse"])?.ServerResponse ?? null;

  const verdict = checkBudget(results, baseline, rss, { enforceRatios: !smoke, heldResponses });
  const hundredths = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  const table = results.map((r) => ({
    page: r.name,
    "req/s": r.reqPerSec,
    p50: r.p50,
    p99: r.p99,
    errors: r.errors + r.timeouts,
    "cpu ms/req": r.cpuMsPerRequest,
    ratio: hundredths(baseline ? r.reqPerSec / baseline.reqPerSec : null),
    "vs short": hundredths(growthOf(r)),
    "js gz KB": Math.round(r.jsGzipBytes / 102.4) / 10,
    "html KB": Math.round(r.htmlBytes / 102.4) / 10,
  }));
  if (baseline) {
    table.unshift({
      page: baseline.name,
      "req/s": baseline.reqPerSec,
      p50: baseline.p50,
      p99: baseline.p99,
      errors: baseline.errors + baseline.timeouts,
      "cpu ms/req": baseline.cpuMsPerRequest,
      ratio: 1,
      "vs short": null,
      "js gz KB": Math.round(baseline.jsGzipBytes / 102.4) / 10,
      "html KB": Math.round(baseline.htmlBytes / 102.4) / 10,
    });
  }
  console.table(table);
  log(`server RSS after the run: ${rss} MB (budget ${BUDGET.maxRssMb} MB; the bare page's server after its run: ${baselineRss ?? "-"} MB)`);
  log(
    heldResponses === null
      ? `the server's heap snapshot is over ${MAX_SNAPSHOT_BYTES >> 20} MB: not read (the server holds far too much)`
      : `responses the server still holds after the run: ${heldResponses} (budget ${BUDGET.maxHeldResponses})`,
  );
  for (const line of verdict.failures) log(`  ✗ ${line}`);
  log(verdict.ok ? "budget: met" : `budget: NOT met (${verdict.failures.length})`);

  if ((!smoke && !only) || args.out) {
    const out = args.out ?? path.join(REPO_ROOT, "bench", "results", `${new Date().toISOString().slice(0, 10)}-${dbName}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    };
    writeFileSync(
      out,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          commit: commit(),
          machine,
          database: dbName,
          compareDatabase: compareName,
          connections,
          duration,
          warmup,
          prewarm: prewarm > 0 ? { seconds: prewarm, rounds: PREWARM_ROUNDS } : null,
          budget: BUDGET,
          baseline,
          pages: results,
          serverRssMb: rss,
          heldResponses,
          baselineRssMb: baselineRss,
          verdict,
        },
        null,
        2,
      ) + "\n",
    );
    log(`written ${path.relative(REPO_ROOT, out)}`);
  }
  // The smoke run enforces what it can on tiny data (every page answers, no errors); the full run the whole budget.
  return verdict.ok ? 0 : 1;
}

function stopAll() {
  for (const c of children) if (c.pid && c.exitCode === null) c.kill("SIGTERM");
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}

main()
  .then((code) => {
    stopAll();
    process.exit(code);
  })
  .catch((err) => {
    console.error(err);
    stopAll();
    process.exit(1);
  });
