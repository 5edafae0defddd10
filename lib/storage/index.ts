import "server-only";
import { roleHas } from "@/lib/permissions";
import { createHash } from "node:crypto";
import path from "node:path";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { AccessError, assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mayReadFile } from "@/lib/files/access";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { localDiskBackend, storageKeyOf, type BlobStream, type StorageBackend } from "./backend";
import { checkUpload } from "./image";
import type { S3Backend } from "./s3";

/**
 * Uploaded photos and signatures. The bytes live in a backend (./backend.ts: local disk by default,
 * an S3-compatible bucket when STORAGE_URL is set: ./s3.ts), the metadata in StoredFile rows. Keys are
 * content-addressed ("ab/cd/<sha256>.<ext>"): identical uploads share one blob, each upload still gets
 * its own row (a row is attached to one record only: lib/files/claim.ts; unattached rows expire:
 * lib/files/cleanup.ts).
 */
export { localDiskBackend, storageKeyOf, type BlobStream, type StorageBackend } from "./backend";

let backend: StorageBackend | undefined;

/** The backend STORAGE_URL (or its absence) names. */
export function backendFromEnv(): StorageBackend {
  const url = env().STORAGE_URL;
  return url ? lazyS3Backend(url) : localDiskBackend(path.join(env().DATA_DIR, "files"));
}

/**
 * The bucket, with the S3 SDK (several MB of code) loaded on first use: an instance on the local
 * disk never loads it. A STORAGE_URL that does not parse rejects the first use (checkStorage, at start).
 */
function lazyS3Backend(url: string): StorageBackend & Pick<S3Backend, "check"> {
  let loaded: Promise<S3Backend> | undefined;
  const real = () => (loaded ??= import("./s3").then(({ s3Backend, parseS3Url }) => s3Backend(parseS3Url(url))));
  return {
    check: async () => (await real()).check(),
    put: async (key, bytes) => (await real()).put(key, bytes),
    get: async (key) => (await real()).get(key),
    getStream: async (key) => (await real()).getStream(key),
    delete: async (key) => (await real()).delete(key),
  };
}

/** The configured backend, created on first use (so DATA_DIR / STORAGE_URL are read when needed, not at import). */
export function storage(): StorageBackend {
  backend ??= backendFromEnv();
  return backend;
}

/**
 * At server start: with a bucket configured, that it exists and the keys work (HeadBucket).
 * Rejects with a message naming the problem; the local disk needs no check.
 */
export async function checkStorage(): Promise<void> {
  const current = storage();
  if ("check" in current) await (current as Pick<S3Backend, "check">).check();
}

export interface StoreFileInput {
  actor: Actor;
  siteId: string;
  kind: FileKind;
  bytes: Uint8Array;
  /** What the browser said the file was. Never trusted: the type stored is the one read from the bytes. */
  declaredType?: string | null;
  /** The upload's request id (unique): a second insert with it fails, and the caller answers with the first. */
  requestId?: string;
}

export interface PutBytes {
  contentType: string;
  width: number;
  height: number;
  size: number;
  sha256: string;
  storageKey: string;
}

/**
 * Checks the bytes are a real image of the kind (lib/storage/image.ts) and writes the blob; the caller
 * records the StoredFile row (storeFile below, or a public signing link that has no signed-in user).
 */
export async function putCheckedBytes(bytes: Uint8Array, kind: FileKind): Promise<PutBytes> {
  const check = checkUpload(bytes, kind);
  if (!check.ok) throw new DomainError("invalid", `files.errors.${check.reason}`, "file");
  const { contentType, extension, width, height } = check.image;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = storageKeyOf(sha256, extension);
  await storage().put(storageKey, bytes);
  return { contentType, width, height, size: bytes.length, sha256, storageKey };
}

/**
 * Checks the bytes are a real image (lib/storage/image.ts), writes them, then records the StoredFile
 * row and its audit row in one transaction. Refusals are DomainErrors on field "file".
 * If the transaction fails the blob stays: another upload may share it, so it is not deleted here.
 */
export async function storeFile({
  actor,
  siteId,
  kind,
  bytes,
  requestId,
}: StoreFileInput): Promise<{ id: string; width: number; height: number }> {
  assertSite(actor, siteId);
  const { contentType, width, height, sha256, storageKey } = await putCheckedBytes(bytes, kind);

  return db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: { siteId, kind, contentType, size: bytes.length, sha256, storageKey, width, height, uploadedById: actor.id, requestId },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      siteId,
      entity: "StoredFile",
      entityId: file.id,
      action: "CREATE",
      after: { kind, contentType, size: bytes.length, sha256 },
    });
    return { id: file.id, width, height };
  });
}

/**
 * A file the actor may see (lib/files/access.ts: whoever may read the record it is attached to, or its
 * uploader before it is attached), as a stream; any other id, or missing bytes, is "not found".
 */
export async function openFile(actor: Actor, fileId: string): Promise<BlobStream & { contentType: string; size: number }> {
  // Photos and clients' signatures are tenant data (§1.9): only roles that work with the records see them.
  if (!roleHas(actor.role, "file:read")) throw new AccessError("forbidden");
  const file = await db.storedFile.findFirst({
    where: { id: fileId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      uploadedById: true,
      storageKey: true,
      contentType: true,
      size: true,
      attachment: { select: { entity: true } },
    },
  });
  if (!file || !(await mayReadFile(actor, file))) throw new AccessError("not_found");
  try {
    const blob = await storage().getStream(file.storageKey);
    return { stream: blob.stream, size: blob.size ?? file.size, contentType: file.contentType };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    console.error(`[storage] StoredFile ${fileId}: no bytes under ${file.storageKey}`);
    throw new AccessError("not_found");
  }
}

/** openFile, read to the end (tests, small callers). */
export async function readFile(actor: Actor, fileId: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const file = await openFile(actor, fileId);
  return { bytes: new Uint8Array(await new Response(file.stream).arrayBuffer()), contentType: file.contentType };
}
