// vitest globalSetup of the `integration` project (runs once, in the main vitest process).
//
// Creates a fresh database `kewu_test_<pid>_<time>` on the server from ensureDatabaseServer()
// (DATABASE_URL's server, or the embedded PostgreSQL, started if needed and left running),
// applies prisma/migrations to it, hands its URL to the test workers, and drops it afterwards.
// Workers get the URL through provide()/inject() (tests/support/integration-setup.ts puts it into
// process.env.DATABASE_URL before any app module is imported); process.env is set here too.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, ensureDatabaseServer, isAlive, withDatabaseName } from "../../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's migrated test database. */
    testDatabaseUrl: string;
    /** URL of a database on the same server, for tests that create databases of their own. */
    testServerUrl: string;
    /** This run's throw-away DATA_DIR for uploaded files, removed at teardown. */
    testDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const { baseUrl, embedded } = await ensureDatabaseServer();
  if (embedded) await dropLeftovers(baseUrl);
  const dbName = `kewu_test_${process.pid}_${Date.now()}`;
  await ensureDatabase(baseUrl, dbName);
  const url = withDatabaseName(baseUrl, dbName);
  const previousUrl = process.env.DATABASE_URL;

  try {
    await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  } catch (err) {
    await dropDatabase(baseUrl, dbName).catch(() => {});
    throw err;
  }
  project.provide("testDatabaseUrl", url);
  project.provide("testServerUrl", baseUrl);
  // Uploaded files of the suite go to one throw-away folder, never into the repo's .data/.
  const dataDir = await mkdtemp(path.join(tmpdir(), "kewu-test-files-"));
  project.provide("testDataDir", dataDir);
  process.env.DATABASE_URL = url;
  if (process.env.DEBUG) console.log(`[integration] ${dbName} ready in ${Date.now() - started} ms`);

  return async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    if (!process.env.KEEP_TEST_DB) await dropDatabase(baseUrl, dbName);
    else console.log(`[integration] kept test database ${url}`);
  };
}

/**
 * Test databases of runs that were killed (Ctrl-C, crash) before their teardown. Only on the
 * embedded server: it is local, so a dead PID in the name means the run is over.
 */
async function dropLeftovers(baseUrl: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^kewu_(test|drift)_[0-9]+_'",
    );
    names = rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (const name of names) {
    const pid = Number(name.split("_")[2]);
    if (pid !== process.pid && !isAlive(pid)) await dropDatabase(baseUrl, name).catch(() => {});
  }
}
