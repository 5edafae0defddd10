// `npm start`: the DEMO — a running Kewu with demo data from nothing but Node.js.
// (Running Kewu for real is `npm run serve`, scripts/serve.ts: no demo data, no generated secret.)
//
//   1. a PostgreSQL server: DATABASE_URL's, or the embedded one (scripts/db/server.ts);
//   2. the migrations (scripts/db/engine.ts) and the idempotent demo seed (prisma/seed);
//      on the embedded server they run as the owner role, and the app connects as the app role
//      (scripts/db/roles.ts), as in production; with DATABASE_URL everything uses that URL;
//   3. a production build, then `next start`.
//
// Flags (used by Playwright's webServer): --port N (default 3000), --db NAME (database on the
// embedded server, default kewu), --fresh (drop and recreate that database first), --skip-build.

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "./db/engine";
import { APP_ROLE, grantAppRole } from "./db/roles";
import { REPO_ROOT, dropDatabase, embeddedUrl, ensureDatabase, ensureDatabaseServer, withDatabaseName } from "./db/server";
import { nextStartArgs, serverEnv } from "./next-start";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    db: { type: "string", default: "kewu" },
    fresh: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
  },
});

function step(message: string) {
  console.log(`\n▶ ${message}`);
}

/** Demo only: a secret kept under .data/ so sessions survive restarts; NEXTAUTH_SECRET wins when set. */
function nextAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(REPO_ROOT, ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  step("PostgreSQL");
  const { baseUrl, embedded } = await ensureDatabaseServer();
  let url = process.env.DATABASE_URL ?? "";
  if (embedded || args.fresh) {
    url = withDatabaseName(baseUrl, args.db!);
    if (args.fresh) await dropDatabase(baseUrl, args.db!);
    await ensureDatabase(baseUrl, args.db!);
  }
  console.log(embedded ? `embedded server, database ${args.db}` : "DATABASE_URL");

  step("Migrations");
  const applied = await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  console.log(applied.length ? applied.join("\n") : "up to date");
  let appUrl = url;
  if (embedded) {
    await grantAppRole(url, APP_ROLE);
    appUrl = embeddedUrl(args.db!, "app");
    console.log(`the server connects as ${APP_ROLE} (rows only)`);
  }

  step("Demo data");
  // The seed CLI is idempotent and prints the demo logins.
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
  });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);

  const env = {
    ...process.env,
    DATABASE_URL: appUrl,
    NEXTAUTH_SECRET: nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${args.port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // SIGTERM: requests and jobs finish before the process exits (lib/lifecycle/shutdown.ts).
    NEXT_MANUAL_SIG_HANDLE: "1",
  };
  const next = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  if (!args["skip-build"]) {
    step("Build");
    const build = spawnSync(process.execPath, [next, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  step(`Kewu on http://localhost:${args.port}`);
  const server = spawn(process.execPath, nextStartArgs(args.port!), { cwd: REPO_ROOT, env: serverEnv(env), stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
