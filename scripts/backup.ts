// `npm run backup`: one dated archive of the database's rows and the stored files
// (scripts/backup/archive.ts says what is in it and why it is consistent).
//
//   npm run backup -- [--out DIR] [--db NAME]
//
// Database: DATABASE_URL, or database NAME (default kewu) on the embedded server. Files: DATA_DIR
// (default .data)/files. Archive: DIR (default ./backups)/kewu-backup-<UTC time>.tar.gz.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, createBackup } from "./backup/archive";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "./db/server";

const { values: args } = parseArgs({
  options: { out: { type: "string", default: "backups" }, db: { type: "string", default: "kewu" } },
});

async function main() {
  const { baseUrl, embedded } = await ensureDatabaseServer();
  const databaseUrl = embedded ? withDatabaseName(baseUrl, args.db!) : baseUrl;
  const started = Date.now();
  const { archive, manifest } = await createBackup({
    databaseUrl,
    dataDir: path.resolve(REPO_ROOT, process.env.DATA_DIR ?? ".data"),
    outDir: path.resolve(args.out!),
    migrationsDir: path.join(REPO_ROOT, "prisma", "migrations"),
  });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`${archive}`);
  console.log(
    `  ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${Object.keys(manifest.files).length} files, ` +
      `schema ${manifest.migrationLevel ?? "(none)"}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (manifest.missingFiles.length) {
    console.warn(
      `  warning: ${manifest.missingFiles.length} stored file(s) named in the database were not on disk: ${manifest.missingFiles.slice(0, 5).join(", ")}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof BackupError ? `backup failed: ${err.message}` : err);
  process.exit(1);
});
