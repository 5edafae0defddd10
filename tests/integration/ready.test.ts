/**
 * Readiness (lib/health/ready.ts, GET /api/ready): the database answers and its applied migrations
 * are exactly this build's prisma/migrations; otherwise 503 with the reason. The same check stops a
 * server at start-up (instrumentation.ts).
 */
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { createPrismaClient, db } from "@/lib/db";
import { MIGRATIONS_DIR, checkReadiness } from "@/lib/health/ready";

const temp = await mkdtemp(path.join(tmpdir(), "kewu-ready-"));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** A migrations folder holding `names` (empty folders: only the names are compared). */
async function migrationsDir(name: string, names: string[]): Promise<string> {
  const dir = path.join(temp, name);
  for (const m of names) await mkdir(path.join(dir, m), { recursive: true });
  return dir;
}
const shipped = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

describe("checkReadiness", () => {
  it("is ready when the database has exactly this build's migrations", async () => {
    expect(await checkReadiness(db)).toEqual({ ok: true, migrations: shipped.length });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, migrations: shipped.length });
  });

  it("is not ready when the build has a migration the database lacks (newer build, migrations not run)", async () => {
    const dir = await migrationsDir("newer", [...shipped, "29991231000000_from_the_future"]);
    const readiness = await checkReadiness(db, dir);
    expect(readiness).toMatchObject({ ok: false, pending: ["29991231000000_from_the_future"], unknown: [] });
    expect(readiness.ok || readiness.reason).toMatch(
      /^migration level differs: 1 migration\(s\) of this build not applied .*npm run db:migrate/,
    );
  });

  it("is not ready when the database has a migration the build does not know (older build)", async () => {
    const dir = await migrationsDir("older", shipped.slice(0, -1));
    const readiness = await checkReadiness(db, dir);
    expect(readiness).toMatchObject({ ok: false, pending: [], unknown: [shipped.at(-1)] });
    expect(readiness.ok || readiness.reason).toMatch(/does not know \(an older build\)/);
  });

  it("is not ready, saying so, when the database does not answer", async () => {
    const dead = createPrismaClient("postgresql://postgres@127.0.0.1:1/none");
    try {
      const readiness = await checkReadiness(dead);
      expect(readiness).toMatchObject({ ok: false });
      expect(readiness.ok || readiness.reason).toMatch(/^database unreachable/);
    } finally {
      await dead.$disconnect();
    }
  });
});
