/**
 * Read replica routing (lib/db.ts dbRead / reportDb): with DATABASE_REPLICA_URL set, the heavy reports
 * read from it; a replica that stops answering is skipped with a warning and the reports read from the
 * primary. The "replica" here is a second migrated database whose site has another name, so the
 * answer shows which database served it (PostgreSQL's streaming itself is not what is tested).
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db, dbRead, reportDb, resetReplicaProbe } from "@/lib/db";
import { resolveReportSite } from "@/lib/meetings/report.queries";
import { getActor } from "@/lib/auth/actor";
import { applyMigrations } from "@/scripts/db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, withDatabaseName } from "@/scripts/db/server";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const replicaName = await vi.hoisted(async () => {
  const { inject: injected } = await import("vitest");
  const { withDatabaseName: named } = await import("@/scripts/db/server");
  const name = `kewu_replica_${process.pid}_${Date.now().toString(36)}`;
  process.env.DATABASE_REPLICA_URL = named(injected("testServerUrl"), name);
  return name;
});
const serverUrl = inject("testServerUrl");

let world: World;

beforeAll(async () => {
  await ensureDatabase(serverUrl, replicaName);
  await applyMigrations(withDatabaseName(serverUrl, replicaName), path.join(REPO_ROOT, "prisma", "migrations"));
  await resetDatabase();
  world = await buildWorld();
  // The same site on the "replica", under a name that gives it away.
  const replica = new pg.Client({ connectionString: withDatabaseName(serverUrl, replicaName) });
  await replica.connect();
  await replica.query(`INSERT INTO "Site" (id, code, name, "updatedAt") VALUES ($1, 'SA', '副本库项目', now())`, [world.siteA]);
  await replica.end();
}, 120_000);

afterAll(async () => {
  await dropDatabase(serverUrl, replicaName).catch(() => {});
});

describe("reports on the read replica", () => {
  it("a report reads from the replica; ordinary reads stay on the primary", async () => {
    await signInAs(world.users.MANAGER);
    const actor = (await getActor())!;
    const { site } = await resolveReportSite(actor, world.siteA);
    expect(site.name).toBe("副本库项目");
    expect((await db.site.findUniqueOrThrow({ where: { id: world.siteA } })).name).toBe("测试项目A");
    expect((await reportDb.$queryRaw<{ n: string }[]>`SELECT current_database() AS n`)[0].n).toBe(replicaName);
  });

  it("a replica that is down is skipped: the report reads from the primary and a warning is logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await dropDatabase(serverUrl, replicaName);
      resetReplicaProbe();
      await signInAs(world.users.MANAGER);
      const { site } = await resolveReportSite((await getActor())!, world.siteA);
      expect(site.name).toBe("测试项目A");
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^\[db\] read replica skipped, reading from the primary: it does not answer/),
      );
      // Within the probe interval the replica is not asked again.
      warn.mockClear();
      expect(await dbRead()).toBe(await dbRead());
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
