/**
 * `npm run seed:scale` loads with the row triggers off (session_replication_role = replica), foreign-key
 * checks included, and checks every key once afterwards (checkForeignKeys). That check must find a row
 * that names a missing row, whichever table and key, and pass a consistent database.
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../../scripts/db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, withDatabaseName } from "../../scripts/db/server";
import { checkForeignKeys } from "../../scripts/scale/seed";

const serverUrl = inject("testServerUrl");
const name = `kewu_seedkeys_${process.pid}_${Date.now()}`;
let client: pg.Client;

beforeAll(async () => {
  await ensureDatabase(serverUrl, name);
  const url = withDatabaseName(serverUrl, name);
  await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "Site" (id, code, name, "timeZone", "updatedAt") VALUES ('s1', 'S1', '一号', 'Asia/Shanghai', now());
    INSERT INTO "Tenant" (id, "siteId", name, "updatedAt") VALUES ('t1', 's1', '华盛科技', now());`);
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(serverUrl, name);
});

describe("checkForeignKeys", () => {
  it("passes a database whose rows all name rows that exist", async () => {
    await expect(checkForeignKeys(client)).resolves.toBeUndefined();
  });

  it("names the constraint and the count of rows loaded past it with the triggers off", async () => {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`
        INSERT INTO "Tenant" (id, "siteId", name, "updatedAt") VALUES ('t2', 'nowhere', '无址公司', now()), ('t3', 'nowhere', '无址二号', now());
        INSERT INTO "TenantContact" (id, "tenantId", name, phone, "isPrimary") VALUES ('k1', 'gone', '王经理', '13800000000', true);`);
      await expect(checkForeignKeys(client)).rejects.toThrow(
        /^rows naming missing rows:\n\s+TenantContact_tenantId_fkey: 1\n\s+Tenant_siteId_fkey: 2$/,
      );
    } finally {
      await client.query("ROLLBACK");
    }
    await expect(checkForeignKeys(client)).resolves.toBeUndefined();
  });
});
