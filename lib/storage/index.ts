import "server-only";
import { roleHas } from "@/lib/permissions";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile as readBytes, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { AccessError, assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mayReadFile } from "@/lib/files/access";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { checkUpload } from "./image";

/**
 * Uploaded photos and signatures. The bytes live in a backend (local disk today; the interface is
 * what an object store would implement), the metadata in StoredFile rows. Keys are content-addressed
 * ("ab/cd/<sha256>.<ext>"): identical uploads share one blob, each upload still gets its own row
 * (a row is attached to one record only: lib/files/claim.ts; unattached rows expire: lib/files/cleanup.ts).
 */
export interface StorageBackend {
  /** Stores the bytes under `key`; a reader never sees a half-written blob. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`; rejects (ENOENT) when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer>>;
  delete(key: string): Promise<void>;
}

/** Slash-separated segments of letters, digits, "-" and "_", the last with an optional extension. */
const SAFE_KEY = /^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?$/;

export function storageKeyOf(sha256: string, extension: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.${extension}`;
}

/** Files below `root`; a key can never name a path outside it. */
export function localDiskBackend(root: string): StorageBackend {
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    const full = path.resolve(base, key);
    if (!SAFE_KEY.test(key) || !full.startsWith(base + path.sep)) throw new Error(`storage: refused key ${JSON.stringify(key)}`);
    return full;
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      // Content-addressed: an existing blob of the same size already holds these bytes.
      const existing = await stat(target).catch(() => null);
      if (existing?.isFile() && existing.size === bytes.length) return;
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside the target, flush, then rename: the rename is atomic on one file system.
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        const handle = await open(temp, "wx");
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      return readBytes(pathOf(key));
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

let backend: StorageBackend | undefined;

/** The configured backend, created on first use (so DATA_DIR is read when needed, not at import). */
export function storage(): StorageBackend {
  backend ??= localDiskBackend(path.join(env().DATA_DIR, "files"));
  return backend;
}

export interface StoreFileInput {
  actor: Actor;
  siteId: string;
  kind: FileKind;
  bytes: Uint8Array;
  /** What the browser said the file was. Never trusted: the type stored is the one read from the bytes. */
  declaredType?: string | null;
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
export async function storeFile({ actor, siteId, kind, bytes }: StoreFileInput): Promise<{ id: string; width: number; height: number }> {
  assertSite(actor, siteId);
  const { contentType, width, height, sha256, storageKey } = await putCheckedBytes(bytes, kind);

  return db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: { siteId, kind, contentType, size: bytes.length, sha256, storageKey, width, height, uploadedById: actor.id },
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
 * uploader before it is attached); any other id, or missing bytes, is "not found".
 */
export async function readFile(actor: Actor, fileId: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  // Photos and clients' signatures are tenant data (§1.9): only roles that work with the records see them.
  if (!roleHas(actor.role, "file:read")) throw new AccessError("forbidden");
  const file = await db.storedFile.findFirst({
    where: { id: fileId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, uploadedById: true, storageKey: true, contentType: true, attachment: { select: { entity: true } } },
  });
  if (!file || !(await mayReadFile(actor, file))) throw new AccessError("not_found");
  try {
    return { bytes: await storage().get(file.storageKey), contentType: file.contentType };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    console.error(`[storage] StoredFile ${fileId}: no bytes under ${file.storageKey}`);
    throw new AccessError("not_found");
  }
}
