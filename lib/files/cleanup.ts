import "server-only";
import { db } from "@/lib/db";
import { storage, type StorageBackend } from "@/lib/storage";

/** pg-boss queue and schedule of the cleanup (registered with the other jobs in lib/reminders/queue.ts). */
export const FILES_CLEANUP_QUEUE = "kewu-files-cleanup";
export const FILES_CLEANUP_CRON = "17 * * * *";

/** An upload not attached to any record within this time was abandoned (the form was never sent). */
export const UNCLAIMED_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface CleanupOptions {
  now?: Date;
  retentionMs?: number;
  backend?: StorageBackend;
  /** Rows deleted per statement. */
  batchSize?: number;
}

export interface CleanupResult {
  rows: number;
  blobs: number;
}

/**
 * Deletes StoredFile rows older than the retention that no record claimed (no FileAttachment), then
 * each of their blobs that no remaining row names (identical uploads share one blob). Run by the
 * pg-boss job FILES_CLEANUP_QUEUE; safe to run twice or in two processes at once.
 *
 * The delete re-checks "not attached" in its own statement, and the attachment's foreign key
 * (ON DELETE RESTRICT) stops a row from going while a claim of it is being committed.
 */
export async function deleteUnclaimedFiles(options: CleanupOptions = {}): Promise<CleanupResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.retentionMs ?? UNCLAIMED_RETENTION_MS));
  const backend = options.backend ?? storage();
  const batchSize = options.batchSize ?? 500;
  const result: CleanupResult = { rows: 0, blobs: 0 };
  for (;;) {
    const deleted = await db.$queryRaw<{ storageKey: string }[]>`
      DELETE FROM "StoredFile" f
      WHERE f."id" IN (
        SELECT s."id" FROM "StoredFile" s
        WHERE s."createdAt" < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM "FileAttachment" a WHERE a."fileId" = s."id")
          AND NOT EXISTS (SELECT 1 FROM "ComplaintPhoto" p WHERE p."fileId" = s."id")
          AND NOT EXISTS (SELECT 1 FROM "ComplaintRevisit" r WHERE r."signatureFileId" = s."id")
        ORDER BY s."createdAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING f."storageKey"`;
    if (deleted.length === 0) break;
    result.rows += deleted.length;
    const keys = [...new Set(deleted.map((d) => d.storageKey))];
    const stillUsed = await db.storedFile.findMany({
      where: { storageKey: { in: keys } },
      select: { storageKey: true },
      distinct: ["storageKey"],
    });
    const used = new Set(stillUsed.map((s) => s.storageKey));
    for (const key of keys) {
      if (used.has(key)) continue;
      await backend.delete(key);
      result.blobs += 1;
    }
    if (deleted.length < batchSize) break;
  }
  return result;
}
