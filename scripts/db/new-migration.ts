// `prisma migrate dev --create-only` for Kewu (the Prisma CLI's schema engine cannot run here).
//
//   npm run db:migration -- <name>        e.g. npm run db:migration -- add_inspections
//
// Diffs FROM prisma/schema.prisma as of the latest commit that touched prisma/migrations (the schema
// the committed migrations produce) TO the working-tree prisma/schema.prisma, and writes
// prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql (+ migration_lock.toml), the layout of
// `prisma migrate dev`. Prints "no changes" and writes nothing when the schemas agree.
// Review the SQL, then apply it with `npm run db:migrate`, and commit schema + migration together.
//
// Because the starting point comes from git, migrations that exist but are not committed yet would
// be generated again: the script refuses then (commit them first, or pass --allow-uncommitted when
// you know the base is right). The schema-drift integration test catches any mismatch.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, diffSchemas } from "./engine";
import { REPO_ROOT, ensureDatabaseServer } from "./server";

const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
const SCHEMA_PATH = path.join(REPO_ROOT, "prisma", "schema.prisma");

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The schema the committed migrations were generated from ("" when no commit touched prisma/migrations). */
export function baselineSchema(): { sha: string | null; schema: string } {
  const sha = git(["log", "-1", "--format=%H", "--", "prisma/migrations"]).trim();
  if (!sha) return { sha: null, schema: "" };
  try {
    return { sha, schema: git(["show", `${sha}:prisma/schema.prisma`]) };
  } catch {
    return { sha, schema: "" };
  }
}

/** UTC YYYYMMDDHHMMSS, as Prisma names migrations; later than every existing migration. */
function migrationTimestamp(existing: string[]): string {
  const stamp = (date: Date) => date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  let date = new Date();
  const latest = existing
    .map((name) => name.slice(0, 14))
    .filter((s) => /^\d{14}$/.test(s))
    .sort()
    .at(-1);
  while (latest && stamp(date) <= latest) date = new Date(date.getTime() + 1000);
  return stamp(date);
}

async function main() {
  const args = process.argv.slice(2);
  const allowUncommitted = args.includes("--allow-uncommitted");
  const rawName = args.filter((a) => !a.startsWith("--")).join("_");
  const name = rawName
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!name) throw new Error("usage: npm run db:migration -- <name>   (e.g. add_inspections)");

  const dirty = git(["status", "--porcelain", "--untracked-files=all", "--", "prisma/migrations"]).trim();
  if (dirty && !allowUncommitted) {
    throw new Error(
      "prisma/migrations has uncommitted changes:\n" +
        dirty +
        "\nThe new migration is diffed from the schema of the last commit that touched prisma/migrations, so " +
        "uncommitted migrations would be generated twice. Commit them (with prisma/schema.prisma) first, " +
        "or pass --allow-uncommitted if the base is right.",
    );
  }

  const { sha, schema: fromSchema } = baselineSchema();
  const toSchema = await readFile(SCHEMA_PATH, "utf8");
  const { baseUrl } = await ensureDatabaseServer();
  console.log(`Diffing prisma/schema.prisma from ${sha ? `commit ${sha.slice(0, 12)}` : "an empty database"} to the working tree…`);
  const sql = await diffSchemas(baseUrl, fromSchema || null, toSchema);
  if (!sql) {
    console.log("no changes: prisma/schema.prisma matches the migrations; nothing written.");
    return;
  }

  const existing = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
  const dirName = `${migrationTimestamp(existing)}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, dirName);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`, "utf8");
  await writeFile(path.join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT, "utf8");
  console.log(`Wrote prisma/migrations/${dirName}/migration.sql. Review it, then run npm run db:migrate.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
