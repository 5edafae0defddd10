// `prisma migrate deploy` for Kewu (the Prisma CLI's schema engine cannot run here, see engine.ts).
//
//   npm run db:migrate
//
// DATABASE_URL set: migrates that database (created if missing, as prisma migrate deploy does).
// DATABASE_URL unset: starts/reuses the embedded PostgreSQL and migrates its database `kewu`
// (created if missing) as the owner role, then grants the app role its rows (scripts/db/roles.ts).
// Prints the migrations applied; exits non-zero on failure. (Production: `npm run serve` migrates
// with DATABASE_OWNER_URL, or `npm run serve -- --migrate-only`.)

import path from "node:path";
import { applyMigrations } from "./engine";
import { APP_ROLE, grantAppRole } from "./roles";
import { REPO_ROOT, embeddedUrl, ensureDatabase, ensureDatabaseServer, redact } from "./server";

export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
export const EMBEDDED_DB_NAME = "kewu";

async function main() {
  const { baseUrl, embedded } = await ensureDatabaseServer();
  const url = embedded ? embeddedUrl(EMBEDDED_DB_NAME) : baseUrl;
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (dbName && (await ensureDatabase(url, dbName))) console.log(`Created database ${dbName}.`);
  console.log(`Migrating ${redact(url)}`);
  const applied = await applyMigrations(url, MIGRATIONS_DIR);
  if (applied.length === 0) {
    console.log("No pending migrations: the database is up to date.");
  } else {
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
  if (embedded) {
    await grantAppRole(url, APP_ROLE);
    console.log(`\nDATABASE_URL=${embeddedUrl(EMBEDDED_DB_NAME, "app")}`);
  }
}

main().catch((err: unknown) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
