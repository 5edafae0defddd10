// `npm run restore -- <archive>`: brings a Kewu backup back into an EMPTY database and an empty
// files folder. The archive is checked completely first (format, every hash, row counts); a
// damaged or foreign archive, or a non-empty target, is refused with nothing written, and a failure
// half-way puts the target back to empty.
//
//   npm run restore -- <archive> [--db NAME] [--verify-only]
//
// Target: DATABASE_URL (the database must exist and be empty), or database NAME (default kewu) on
// the embedded server (created if missing). Files: DATA_DIR (default .data)/files.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, restoreBackup, verifyBackup } from "./backup/archive";
import { REPO_ROOT, ensureDatabase, ensureDatabaseServer, redact, withDatabaseName } from "./db/server";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: "string", default: "kewu" }, "verify-only": { type: "boolean", default: false } },
});

async function main() {
  const archive = positionals[0];
  if (!archive) throw new BackupError("usage: npm run restore -- <archive.tar.gz> [--db NAME] [--verify-only]");
  if (args["verify-only"]) {
    const manifest = await verifyBackup(path.resolve(archive));
    console.log(`${archive}: a sound Kewu backup of ${manifest.createdAt}, schema ${manifest.migrationLevel}`);
    return;
  }
  const { baseUrl, embedded } = await ensureDatabaseServer();
  let databaseUrl = baseUrl;
  if (embedded) {
    await ensureDatabase(baseUrl, args.db!);
    databaseUrl = withDatabaseName(baseUrl, args.db!);
  }
  const dataDir = path.resolve(REPO_ROOT, process.env.DATA_DIR ?? ".data");
  const manifest = await restoreBackup({ archive: path.resolve(archive), databaseUrl, dataDir });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`restored ${archive} (made ${manifest.createdAt}, schema ${manifest.migrationLevel})`);
  console.log(
    `  into ${redact(databaseUrl)}: ${rows} rows; ${Object.keys(manifest.files).length} files into ${path.join(dataDir, "files")}`,
  );
  console.log("  next: npm start (applies any newer migrations and starts the app)");
}

main().catch((err: unknown) => {
  console.error(err instanceof BackupError ? `restore: ${err.message}` : err);
  process.exit(1);
});
