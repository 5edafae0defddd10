/**
 * Backups a manager can trust: the demo instance (rows and stored files) is backed up, restored into
 * a new database and an empty files folder, and every table's rows and every file's hash compared.
 * A truncated or foreign archive, and a target that is not empty, are refused with nothing written.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { seed } from "../../prisma/seed/index";
import { BackupError, createBackup, restoreBackup, type Manifest } from "../../scripts/backup/archive";
import { applyMigrations } from "../../scripts/db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, withDatabaseName } from "../../scripts/db/server";

const serverUrl = inject("testServerUrl");
const tag = `${process.pid}_${Date.now()}`;
const names = { source: `kewu_bk_src_${tag}`, copy: `kewu_bk_dst_${tag}`, refused: `kewu_bk_bad_${tag}` };
const urlOf = (name: string) => withDatabaseName(serverUrl, name);
const temps: string[] = [];
const temp = async (prefix: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

let sourceDataDir: string;
let archive: string;
let manifest: Manifest;

async function tableFingerprints(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await client.query<{ n: string; h: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS h FROM "${t}" r`,
      );
      out[t] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function fileHashes(dir: string, base = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await fileHashes(full, base));
    else
      out[path.relative(base, full)] = createHash("sha256")
        .update(await readFile(full))
        .digest("hex");
  }
  return out;
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname IN ('public', 'pgboss')");
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  for (const name of Object.values(names)) await ensureDatabase(serverUrl, name);
  await applyMigrations(urlOf(names.source), path.join(REPO_ROOT, "prisma", "migrations"));
  // The demo seed writes its stored files (signatures) under DATA_DIR/files, a temp folder in tests.
  sourceDataDir = env().DATA_DIR;
  const client = createPrismaClient(urlOf(names.source));
  try {
    await seed(client, { log: () => {} });
  } finally {
    await client.$disconnect();
  }
  ({ archive, manifest } = await createBackup({
    databaseUrl: urlOf(names.source),
    dataDir: sourceDataDir,
    outDir: await temp("kewu-bk-out-"),
    migrationsDir: path.join(REPO_ROOT, "prisma", "migrations"),
  }));
}, 180_000);

afterAll(async () => {
  for (const name of Object.values(names)) await dropDatabase(serverUrl, name).catch(() => {});
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe("backup → restore", () => {
  it("the archive is dated and its manifest names the schema level, the row counts and the files", () => {
    expect(path.basename(archive)).toMatch(/^kewu-backup-\d{8}-\d{6}Z\.tar\.gz$/);
    expect(manifest.format).toBe("kewu-backup");
    expect(manifest.migrationLevel).toMatch(/^\d{14}_/);
    expect(manifest.tables.Complaint).toBeGreaterThan(0);
    expect(Object.keys(manifest.files).length).toBeGreaterThan(0);
    expect(manifest.missingFiles).toEqual([]);
  });

  it("restores every table's rows and every file identically", async () => {
    const dataDir = await temp("kewu-bk-dst-");
    await restoreBackup({ archive, databaseUrl: urlOf(names.copy), dataDir });

    const [before, after] = await Promise.all([tableFingerprints(urlOf(names.source)), tableFingerprints(urlOf(names.copy))]);
    expect(Object.keys(after).length).toBeGreaterThan(30);
    expect(after).toEqual(before);
    const [filesBefore, filesAfter] = await Promise.all([
      fileHashes(path.join(sourceDataDir, "files")),
      fileHashes(path.join(dataDir, "files")),
    ]);
    expect(Object.keys(filesAfter).length).toBe(Object.keys(manifest.files).length);
    // The source folder is this test run's shared upload folder: other tests' blobs that no row of this
    // database names are not part of its backup. Every file a row names is, byte for byte.
    const source = new pg.Client({ connectionString: urlOf(names.source) });
    await source.connect();
    const named = (
      await source.query<{ storageKey: string }>('SELECT "storageKey" FROM "StoredFile"').finally(() => source.end())
    ).rows.map((f) => f.storageKey);
    expect(Object.keys(filesAfter).sort()).toEqual([...new Set(named)].sort());
    expect(filesAfter).toEqual(Object.fromEntries(Object.entries(filesBefore).filter(([key]) => key in filesAfter)));
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    console.log(
      `backup → restore: ${Object.keys(after).length} tables, ${rows} rows, ${Object.keys(filesAfter).length} files, all identical`,
    );
  }, 120_000);

  it("refuses a target database that is not empty, writing nothing", async () => {
    const dataDir = await temp("kewu-bk-dst2-");
    await expect(restoreBackup({ archive, databaseUrl: urlOf(names.copy), dataDir })).rejects.toThrow(/not empty/);
    expect(await fileHashes(dataDir)).toEqual({});
  });
});

describe("bad archives are refused with nothing written", () => {
  async function expectRefused(file: string, message: RegExp) {
    const dataDir = await temp("kewu-bk-bad-");
    const error = await restoreBackup({ archive: file, databaseUrl: urlOf(names.refused), dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect(await tableCount(urlOf(names.refused))).toBe(0);
    expect(await fileHashes(dataDir)).toEqual({});
  }

  it("a truncated archive", async () => {
    const bytes = await readFile(archive);
    const cut = path.join(await temp("kewu-bk-cut-"), "cut.tar.gz");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(cut, /damaged or truncated|incomplete|damaged/);
  });

  it("a tar.gz that is not a Kewu backup", async () => {
    const dir = await temp("kewu-bk-foreign-");
    await writeFile(path.join(dir, "notes.txt"), "not a backup");
    const foreign = path.join(dir, "foreign.tar.gz");
    await tar.c({ gzip: true, cwd: dir, file: foreign }, ["notes.txt"]);
    await expectRefused(foreign, /not a Kewu backup/);
  });

  it("a file that is no archive at all", async () => {
    const file = path.join(await temp("kewu-bk-text-"), "backup.tar.gz");
    await writeFile(file, "hello");
    await expectRefused(file, /not a readable Kewu backup/);
  });

  it("a Kewu archive whose rows were tampered with", async () => {
    const dir = await temp("kewu-bk-tamper-");
    await tar.x({ file: archive, cwd: dir });
    const rows = path.join(dir, "kewu-backup", "db", "Site.jsonl");
    await writeFile(rows, (await readFile(rows, "utf8")).replace(/"name":"/, '"name":"X'));
    const tampered = path.join(dir, "tampered.tar.gz");
    await tar.c({ gzip: true, cwd: dir, file: tampered }, ["kewu-backup"]);
    await expectRefused(tampered, /does not match its hash/);
  });
});
