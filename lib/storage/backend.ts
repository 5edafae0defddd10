import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile as readBytes, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * Where the bytes of uploads live. Keys are content-addressed ("ab/cd/<sha256>.<ext>"). Two
 * backends: the local disk (default) and an S3-compatible bucket (./s3.ts). No "server-only" here:
 * scripts (storage:migrate, backup) use the backends directly.
 */
export interface StorageBackend {
  /** Stores the bytes under `key`; a reader never sees a half-written blob. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`; rejects (ENOENT) when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The bytes under `key` as a stream, for responses; rejects (ENOENT) when there are none. */
  getStream(key: string): Promise<BlobStream>;
  delete(key: string): Promise<void>;
}

export interface BlobStream {
  stream: ReadableStream<Uint8Array>;
  /** Bytes, when the backend knows it before reading. */
  size?: number;
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
    async getStream(key) {
      const file = pathOf(key);
      const info = await stat(file); // ENOENT before any byte is sent
      const stream = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
      return { stream, size: info.size };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
