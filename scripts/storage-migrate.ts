// `npm run storage:migrate`: copies the uploads' bytes from the local disk (DATA_DIR/files) into the
// bucket named by STORAGE_URL, verifying each by its sha256; safe to run again (copies what is missing).
// Needs DATABASE_URL (the StoredFile rows say which blobs exist) and STORAGE_URL.
//
//   DATABASE_URL=… STORAGE_URL=s3://KEY:SECRET@host:9000/kewu?pathStyle=true npm run storage:migrate [-- --from DIR]

import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db";
import { localDiskBackend } from "../lib/storage/backend";
import { parseS3Url, s3Backend } from "../lib/storage/s3";
import { migrateStorage } from "./storage/migrate";

const { values: args } = parseArgs({ options: { from: { type: "string" } } });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const dbUrl = process.env.DATABASE_URL?.trim();
  const storageUrl = process.env.STORAGE_URL?.trim();
  if (!dbUrl) fail("DATABASE_URL is not set. 请设置 DATABASE_URL。");
  if (!storageUrl) fail("STORAGE_URL is not set: nothing to migrate to. 请设置 STORAGE_URL（目标存储桶）。");
  const from = args.from ?? path.join(process.env.DATA_DIR ?? ".data", "files");
  const target = s3Backend(parseS3Url(storageUrl));
  await target.check();
  const db = createPrismaClient(dbUrl);
  try {
    console.log(`from ${path.resolve(from)} to bucket ${target.config.bucket} at ${target.config.endpoint}`);
    const result = await migrateStorage(db, localDiskBackend(from), target);
    console.log(
      `${result.blobs} blobs: ${result.copied} copied, ${result.present} already there, ${result.missing.length} missing in the source`,
    );
    if (result.missing.length > 0) process.exitCode = 2;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
