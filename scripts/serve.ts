// `npm run serve`: Kewu for real (production). Never creates demo accounts or demo data, and has
// no built-in secret: it refuses to start until the configuration is complete, and says what is missing.
//
//   DATABASE_URL        the app role (reads and writes rows only)                  required
//   NEXTAUTH_SECRET     signs session cookies, at least 32 characters              required
//   DATABASE_OWNER_URL  the owner role: runs the migrations, grants the app role   recommended
//   NEXTAUTH_URL        public URL of the app                                      recommended
//
//   1. migrations as the owner (DATABASE_OWNER_URL; without it as DATABASE_URL's role, which then
//      owns the tables: no least privilege), then the app role's grants (scripts/db/roles.ts);
//   2. `next build` (skip with --skip-build when the build is already there);
//   3. `next start` with KEWU_ENV=production.
//
// Flags: --port N (default $PORT or 3000), --skip-build, --migrate-only (steps 1 only, then exit:
// for a release step or a cron-less deploy). The first administrator: `npm run admin:create`.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "./db/engine";
import { grantAppRole, roleOf } from "./db/roles";
import { REPO_ROOT, redact } from "./db/server";
import { nextStartArgs, serverEnv } from "./next-start";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "skip-build": { type: "boolean", default: false },
    "migrate-only": { type: "boolean", default: false },
  },
});

/** What is missing or unusable, one line each (English, then Chinese). */
function configurationProblems(source: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const url = source.DATABASE_URL?.trim();
  if (!url) problems.push("DATABASE_URL is not set — the PostgreSQL URL of the app role. 未设置 DATABASE_URL（应用角色的数据库连接）。");
  else if (!isPostgresUrl(url)) problems.push("DATABASE_URL is not a postgresql:// URL. DATABASE_URL 不是 postgresql:// 连接串。");
  const owner = source.DATABASE_OWNER_URL?.trim();
  if (owner && !isPostgresUrl(owner))
    problems.push("DATABASE_OWNER_URL is not a postgresql:// URL. DATABASE_OWNER_URL 不是 postgresql:// 连接串。");
  const secret = source.NEXTAUTH_SECRET?.trim();
  if (!secret)
    problems.push(
      "NEXTAUTH_SECRET is not set — e.g. `openssl rand -base64 32`. 未设置 NEXTAUTH_SECRET（会话签名密钥，例如 openssl rand -base64 32）。",
    );
  else if (secret.length < 32) problems.push("NEXTAUTH_SECRET is shorter than 32 characters. NEXTAUTH_SECRET 少于 32 个字符。");
  return problems;
}

function isPostgresUrl(url: string): boolean {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function step(message: string) {
  console.log(`\n▶ ${message}`);
}

async function userCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "User"')).rows[0].n);
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const problems = configurationProblems(process.env);
  if (problems.length > 0) {
    console.error("Kewu (production) cannot start. 客务（生产模式）无法启动：\n");
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error("\nSee README, Production. 参见 README「生产部署」。");
    process.exit(2);
  }
  const appUrl = process.env.DATABASE_URL!.trim();
  const ownerUrl = process.env.DATABASE_OWNER_URL?.trim();

  step("Migrations");
  if (!ownerUrl) {
    console.warn(
      "DATABASE_OWNER_URL is not set: migrating as DATABASE_URL's role, which then owns the tables (no least privilege; see README).",
    );
  }
  const applied = await applyMigrations(ownerUrl ?? appUrl, path.join(REPO_ROOT, "prisma", "migrations"));
  console.log(applied.length ? applied.join("\n") : "up to date");
  if (ownerUrl && roleOf(ownerUrl) !== roleOf(appUrl)) {
    await grantAppRole(ownerUrl, roleOf(appUrl));
    console.log(`${roleOf(appUrl)}: rows only (grants up to date)`);
  }
  const accounts = await userCount(appUrl);
  if (accounts === 0)
    console.log("No accounts yet: create the first administrator with `npm run admin:create`. 尚无账号：请先运行 npm run admin:create。");
  if (args["migrate-only"]) return;

  const env = {
    ...process.env,
    KEWU_ENV: "production",
    // SIGTERM: requests and jobs finish before the process exits (lib/lifecycle/shutdown.ts).
    NEXT_MANUAL_SIG_HANDLE: "1",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!env.NEXTAUTH_URL) console.warn(`NEXTAUTH_URL is not set: links and sign-in redirects assume http://localhost:${args.port}.`);
  const next = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  if (!args["skip-build"]) {
    step("Build");
    const build = spawnSync(process.execPath, [next, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    console.error("--skip-build, but there is no build (.next/BUILD_ID): run without --skip-build once.");
    process.exit(1);
  }

  step(`Kewu on port ${args.port} (${redact(appUrl)})`);
  const server = spawn(process.execPath, nextStartArgs(args.port!), { cwd: REPO_ROOT, env: serverEnv(env), stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
