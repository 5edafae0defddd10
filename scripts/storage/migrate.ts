import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { StorageBackend } from "../../lib/storage/backend";

export interface MigrateResult {
  /** Distinct blobs named by StoredFile rows. */
  blobs: number;
  /** Written to the target by this run. */
  copied: number;
  /** Already in the target with the right hash. */
  present: number;
  /** Not found in the source (logged; the row keeps pointing at nothing, as before). */
  missing: string[];
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Copies every blob a StoredFile row names from `source` to `target` and verifies it by reading it
 * back and hashing it (the key is content-addressed: its sha256 is the row's). Idempotent: a blob
 * already in the target with the right hash is left alone; a wrong one is written again.
 * Throws when a copy does not verify, or when the source's bytes do not match their row.
 */
export async function migrateStorage(
  db: PrismaClient,
  source: StorageBackend,
  target: StorageBackend,
  log = console.log,
): Promise<MigrateResult> {
  const rows = await db.storedFile.findMany({
    select: { storageKey: true, sha256: true },
    distinct: ["storageKey"],
    orderBy: { storageKey: "asc" },
  });
  const result: MigrateResult = { blobs: rows.length, copied: 0, present: 0, missing: [] };
  for (const { storageKey, sha256: expected } of rows) {
    const already = await target.get(storageKey).catch(() => null);
    if (already && sha256(already) === expected) {
      result.present++;
      continue;
    }
    const bytes = await source.get(storageKey).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null;
      throw err;
    });
    if (!bytes) {
      log(`missing in the source: ${storageKey}`);
      result.missing.push(storageKey);
      continue;
    }
    if (sha256(bytes) !== expected) throw new Error(`${storageKey}: the source's bytes do not match the recorded sha256 (not copied)`);
    if (already) await target.delete(storageKey); // a wrong object of the same size would be kept by put()
    await target.put(storageKey, bytes);
    const back = await target.get(storageKey);
    if (sha256(back) !== expected) throw new Error(`${storageKey}: the copy read back from the target has a different sha256`);
    result.copied++;
  }
  return result;
}
