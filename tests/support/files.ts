import { db } from "@/lib/db";
import type { FileKind } from "@/lib/generated/prisma/enums";

let n = 0;

/**
 * One upload as uploadFileAction leaves it: a StoredFile row of `siteId` by `uploadedById`, attached
 * to no record yet. Only the row: tests that read the bytes upload through the action instead.
 * `createdAt` backdates it (the cleanup of unclaimed uploads).
 */
export async function uploadedFile(
  uploadedById: string,
  siteId: string,
  kind: FileKind = "PHOTO",
  options: { createdAt?: Date } = {},
): Promise<string> {
  const extension = kind === "SIGNATURE" ? "png" : "jpg";
  const file = await db.storedFile.create({
    data: {
      siteId,
      kind,
      contentType: extension === "png" ? "image/png" : "image/jpeg",
      size: 100,
      sha256: "0".repeat(64),
      storageKey: `test/${Date.now().toString(36)}-${process.pid}-${n++}.${extension}`,
      uploadedById,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
    select: { id: true },
  });
  return file.id;
}
