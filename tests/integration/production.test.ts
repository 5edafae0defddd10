/**
 * Production mode (`npm run serve`), the first administrator (`npm run admin:create`), the demo
 * seed's refusal of real databases, and least privilege in PostgreSQL: the app role reads and
 * writes rows but cannot drop the audit trigger, alter a table or delete an audit row.
 * Each runs the real scripts (tsx) against a database of its own on the test server.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { APP_ROLE, grantAppRole } from "../../scripts/db/roles";
import { REPO_ROOT, dropDatabase, ensureDatabase, withDatabaseName } from "../../scripts/db/server";

const serverUrl = inject("testServerUrl");
const suffix = `${process.pid}_${Date.now()}`;
const dbName = `kewu_prod_${suffix}`;
const ownerUrl = withDatabaseName(serverUrl, dbName);
const appRole = `${APP_ROLE}_t${suffix}`;
const SECRET = "x".repeat(16) + "production-secret-for-tests";

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  for (const key of [
    "DATABASE_URL",
    "DATABASE_OWNER_URL",
    "NEXTAUTH_SECRET",
    "KEWU_ADMIN_USERNAME",
    "KEWU_ADMIN_NAME",
    "KEWU_ADMIN_PASSWORD",
  ])
    delete clean[key];
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO_ROOT,
    env: Object.fromEntries(Object.entries({ ...clean, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function asRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = "app-role-test-password";
  return parsed.toString();
}

beforeAll(async () => {
  await ensureDatabase(serverUrl, dbName);
  await query(withDatabaseName(serverUrl, "postgres"), `CREATE ROLE "${appRole}" LOGIN PASSWORD 'app-role-test-password'`);
});

afterAll(async () => {
  await dropDatabase(serverUrl, dbName);
  await query(withDatabaseName(serverUrl, "postgres"), `DROP ROLE IF EXISTS "${appRole}"`);
});

describe("npm run serve", () => {
  it("refuses to start without the database and the secret, and says which is missing", () => {
    const none = run("scripts/serve.ts", ["--skip-build"], {});
    expect(none.status).toBe(2);
    expect(none.output).toMatch(/DATABASE_URL is not set/);
    expect(none.output).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(none.output).toMatch(/未设置 NEXTAUTH_SECRET/);

    const noSecret = run("scripts/serve.ts", ["--skip-build"], { DATABASE_URL: ownerUrl });
    expect(noSecret.status).toBe(2);
    expect(noSecret.output).not.toMatch(/DATABASE_URL is not set/);
    expect(noSecret.output).toMatch(/NEXTAUTH_SECRET is not set/);

    const shortSecret = run("scripts/serve.ts", ["--skip-build"], { DATABASE_URL: ownerUrl, NEXTAUTH_SECRET: "short" });
    expect(shortSecret.status).toBe(2);
    expect(shortSecret.output).toMatch(/shorter than 32/);

    const noDatabase = run("scripts/serve.ts", ["--skip-build"], { NEXTAUTH_SECRET: SECRET });
    expect(noDatabase.status).toBe(2);
    expect(noDatabase.output).toMatch(/DATABASE_URL is not set/);
  });

  it("migrates as the owner, grants the app role, and creates no demo data", async () => {
    const result = run("scripts/serve.ts", ["--migrate-only"], {
      DATABASE_URL: asRole(ownerUrl, appRole),
      DATABASE_OWNER_URL: ownerUrl,
      NEXTAUTH_SECRET: SECRET,
    });
    expect(result.output).toMatch(/npm run admin:create/);
    expect(result.status).toBe(0);
    const [counts] = await query<{ users: string; sites: string; units: string }>(
      ownerUrl,
      `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Site") AS sites, (SELECT count(*) FROM "Unit") AS units`,
    );
    expect(counts).toEqual({ users: "0", sites: "0", units: "0" });
  });
});

describe("npm run admin:create", () => {
  const app = () => asRole(ownerUrl, appRole);

  it("refuses a weak password and writes nothing", async () => {
    const result = run("scripts/admin-create.ts", ["--username", "boss", "--name", "王经理", "--password", "88888888888"], {
      DATABASE_URL: app(),
    });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/这是常见密码/);
    expect(await query(ownerUrl, `SELECT 1 FROM "User"`)).toHaveLength(0);
  });

  it("creates the first administrator, connected as the app role, with an audit row and no forced change", async () => {
    const result = run("scripts/admin-create.ts", ["--username", "Boss", "--name", "王经理"], {
      DATABASE_URL: app(),
      KEWU_ADMIN_PASSWORD: "Ein-Langes-Passwort-9",
    });
    expect(result.output).toMatch(/已创建/);
    expect(result.status).toBe(0);
    const users = await query<{ username: string; role: string; mustChangePassword: boolean }>(
      ownerUrl,
      `SELECT username, role, "mustChangePassword" FROM "User"`,
    );
    expect(users).toEqual([{ username: "boss", role: "ADMIN", mustChangePassword: false }]);
    expect(await query(ownerUrl, `SELECT 1 FROM "AuditLog" WHERE entity = 'User' AND action = 'CREATE'`)).toHaveLength(1);
  });

  it("refuses an existing username", async () => {
    const result = run("scripts/admin-create.ts", ["--username", "boss", "--name", "另一个", "--password", "Noch-Ein-Passwort-8"], {
      DATABASE_URL: app(),
    });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/已存在/);
    expect(await query(ownerUrl, `SELECT 1 FROM "User"`)).toHaveLength(1);
  });

  it("the demo seed then refuses the database: no demo accounts, no demo data", async () => {
    const result = run("prisma/seed.ts", [], { DATABASE_URL: ownerUrl });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/非演示账号（boss）/);
    const [counts] = await query<{ users: string; sites: string }>(
      ownerUrl,
      `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Site") AS sites`,
    );
    expect(counts).toEqual({ users: "1", sites: "0" });
  });
});

describe("least privilege: the app role", () => {
  const app = () => asRole(ownerUrl, appRole);

  it("reads and writes rows, and may add audit rows", async () => {
    const client = new pg.Client({ connectionString: app() });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Site" (id, code, name, "updatedAt") VALUES ('site-x', 'PX', '测试', now())`);
      await client.query(`UPDATE "Site" SET name = '测试二' WHERE id = 'site-x'`);
      await client.query(`INSERT INTO "AuditLog" (entity, "entityId", action, changes) VALUES ('Site', 'site-x', 'CREATE', '{}')`);
      await client.query(`DELETE FROM "Site" WHERE id = 'site-x'`);
    } finally {
      await client.end();
    }
  });

  it.each([
    [`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`, /must be owner/],
    [`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`, /must be owner/],
    [`ALTER TABLE "User" ADD COLUMN "x" int`, /must be owner/],
    [`DROP TABLE "AuditLog"`, /must be owner/],
    [`DELETE FROM "AuditLog"`, /permission denied/],
    [`UPDATE "AuditLog" SET entity = 'Forged'`, /permission denied/],
    [`TRUNCATE "AuditLog"`, /permission denied/],
    [`DROP FUNCTION "audit_log_append_only"() CASCADE`, /must be owner/],
    [`DELETE FROM "_prisma_migrations"`, /permission denied/],
  ])("is refused: %s", async (sql, error) => {
    const client = new pg.Client({ connectionString: app() });
    await client.connect();
    try {
      await expect(client.query(sql)).rejects.toThrow(error);
    } finally {
      await client.end();
    }
    expect(await query(ownerUrl, `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'AuditLog_append_only'`)).toEqual([{ n: 1 }]);
  });

  it("runs the background jobs (pg-boss) in its own schema without CREATE on the database", async () => {
    const boss = new PgBoss({ connectionString: app(), schema: "pgboss", schedule: false, supervise: false, max: 2 });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("kewu-test-queue");
      expect(await boss.send("kewu-test-queue", { hello: 1 })).toBeTruthy();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("granting again after a new migration is harmless (idempotent)", async () => {
    await grantAppRole(ownerUrl, appRole);
    await grantAppRole(ownerUrl, appRole);
    expect(path.basename(ownerUrl)).toBe(dbName);
  });
});
