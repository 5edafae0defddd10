/**
 * The S3-compatible storage backend (lib/storage/s3.ts) against a real S3-protocol server started
 * here in-process: s3rver (npm), which checks the access key and the signature (its only key pair is
 * S3RVER / S3RVER). Uploads through the action land in the bucket, the file route streams them back,
 * and `npm run storage:migrate` (scripts/storage/migrate.ts) copies local blobs in and verifies them.
 */
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/[id]/route";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { uploadFileAction } from "@/lib/files/actions";
import { checkStorage, localDiskBackend, storage, storageKeyOf } from "@/lib/storage";
import { parseS3Url, s3Backend } from "@/lib/storage/s3";
import { migrateStorage } from "@/scripts/storage/migrate";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

// Before any app module reads the environment: the bucket server runs, and STORAGE_URL names it.
const server = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { default: S3rver } = await import("s3rver");
  const dir = await mkdtemp(join(tmpdir(), "kewu-s3-"));
  const s3rver = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: join(dir, "s3"),
    configureBuckets: [{ name: "kewu" }],
  });
  const { port } = await s3rver.run();
  process.env.DATA_DIR = join(dir, "data");
  process.env.STORAGE_URL = `s3://S3RVER:S3RVER@127.0.0.1:${port}/kewu/uploads?pathStyle=true&tls=false`;
  return { s3rver, dir, port };
});
const url = (auth: string, bucket: string) => `s3://${auth}@127.0.0.1:${server.port}/${bucket}?pathStyle=true&tls=false`;

/** A 37×21 PNG as Chromium's canvas encoder writes it. */
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAACUAAAAVCAYAAADB5CeuAAAAUUlEQVR4AezUQQoAIAhE0aGTe3O7wkcSJhijnYU+xNNSu90jw/AvqsSOlsNfahkAfx8pShWpSFEBmuc/U2yfF214nOcvNW7t8cNIUdBIfS11AQAA///b9okRAAAABklEQVQDAKd5XeHl5uj6AAAAAElFTkSuQmCC",
  ),
  (c) => c.charCodeAt(0),
);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

afterAll(async () => {
  await server.s3rver.close();
  await rm(server.dir, { recursive: true, force: true });
});

describe("STORAGE_URL", () => {
  it("parses keys, host, bucket, prefix and options; refuses what it cannot use", () => {
    expect(parseS3Url("s3://AK%2F1:s%40cret@minio.local:9000/kewu/prod?region=cn-north-1&pathStyle=true&tls=false")).toEqual({
      endpoint: "http://minio.local:9000",
      bucket: "kewu",
      prefix: "prod",
      region: "cn-north-1",
      accessKeyId: "AK/1",
      secretAccessKey: "s@cret",
      forcePathStyle: true,
    });
    expect(parseS3Url("s3://a:b@s3.amazonaws.com/b")).toMatchObject({
      endpoint: "https://s3.amazonaws.com",
      region: "us-east-1",
      forcePathStyle: false,
    });
    expect(() => parseS3Url("s3://a:b@host/")).toThrow(/no bucket/);
    expect(() => parseS3Url("s3://host/kewu")).toThrow(/no access key/);
    expect(() => parseS3Url("http://a:b@host/kewu")).toThrow(/unsupported scheme/);
  });
});

describe("s3Backend", () => {
  it("put / get / getStream / delete round-trip with the same sha256; a missing key is ENOENT", async () => {
    const backend = s3Backend(parseS3Url(url("S3RVER:S3RVER", "kewu")));
    const key = storageKeyOf(sha256(PNG), "png");
    await backend.put(key, PNG);
    await backend.put(key, PNG); // content-addressed: a second put of the same blob is a no-op
    expect(sha256(await backend.get(key))).toBe(sha256(PNG));
    const { stream, size } = await backend.getStream(key);
    expect(size).toBe(PNG.length);
    expect(sha256(new Uint8Array(await new Response(stream).arrayBuffer()))).toBe(sha256(PNG));
    await backend.delete(key);
    await expect(backend.get(key)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses a bucket that does not exist, saying so, before any write", async () => {
    const backend = s3Backend(parseS3Url(url("S3RVER:S3RVER", "no-such-bucket")));
    await expect(backend.check()).rejects.toThrow(`Storage: bucket "no-such-bucket" at http://127.0.0.1:${server.port} does not exist`);
    await expect(backend.put("ab/cd/x.png", PNG)).rejects.toThrow(/does not exist/);
  });

  // s3rver refuses an unknown access key (403 InvalidAccessKeyId) but, in our trial, did not refuse a
  // wrong secret for a known key: a refused secret (403 SignatureDoesNotMatch on a real S3) takes the
  // same path (status 403) and is not tested here.
  it("refuses an unknown access key, saying so", async () => {
    const backend = s3Backend(parseS3Url(url("WRONG:S3RVER", "kewu")));
    await expect(backend.check()).rejects.toThrow(/refused the access key "WRONG"/);
    await expect(backend.get("ab/cd/x.png")).rejects.toThrow(/refused the access key "WRONG"/);
  });
});

describe("with STORAGE_URL set, the app stores and serves through the bucket", () => {
  it("an upload lands in the bucket (not on disk) and the file route streams it after the permission check", async () => {
    await checkStorage();
    await signInAs(world.users.FRONT_DESK);
    const data = new FormData();
    data.set("requestId", newRequestId());
    data.set("siteId", world.siteA);
    data.set("kind", "PHOTO");
    data.set("file", new File([PNG], "p.png", { type: "image/png" }));
    const result = await uploadFileAction(data);
    expect(result).toMatchObject({ ok: true });
    const { id } = (result as { data: { id: string } }).data;
    const row = await db.storedFile.findUniqueOrThrow({ where: { id } });

    const direct = s3Backend(parseS3Url(url("S3RVER:S3RVER", "kewu/uploads")));
    expect(sha256(await direct.get(row.storageKey))).toBe(row.sha256);
    await expect(localDiskBackend(path.join(process.env.DATA_DIR!, "files")).get(row.storageKey)).rejects.toMatchObject({ code: "ENOENT" });

    const get = (fileId: string) => GET(new Request(`http://localhost/api/files/${fileId}`), { params: Promise.resolve({ id: fileId }) });
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBe(String(PNG.length));
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(row.sha256);

    // Not the uploader, file not attached yet: not found, whatever the bucket holds.
    await signInAs(world.users.CLERK);
    expect((await get(id)).status).toBe(404);
    await signInAs(world.users.FRONT_DESK);
    await storage().delete(row.storageKey);
    expect((await get(id)).status).toBe(404);
  });
});

describe("storage:migrate", () => {
  it("copies every StoredFile's blob from the disk into the bucket, verifies it, and is idempotent", async () => {
    const local = localDiskBackend(path.join(server.dir, "legacy"));
    const target = s3Backend(parseS3Url(url("S3RVER:S3RVER", "kewu/migrated")));
    const blobs = [PNG, new TextEncoder().encode("second blob"), new TextEncoder().encode("third blob")];
    for (const [i, bytes] of blobs.entries()) {
      const key = storageKeyOf(sha256(bytes), "png");
      if (i < 2) await local.put(key, bytes); // the third is recorded but lost from the disk
      for (const copy of [1, 2])
        // two rows sharing one blob: copied once
        await db.storedFile.create({
          data: {
            siteId: world.siteA,
            kind: "PHOTO",
            contentType: "image/png",
            size: bytes.length,
            sha256: sha256(bytes),
            storageKey: key,
            uploadedById: world.users.FRONT_DESK,
            width: copy,
            height: 1,
          },
        });
    }
    const quiet = () => {};
    const rows = await db.storedFile.findMany({ select: { storageKey: true }, distinct: ["storageKey"] });
    const first = await migrateStorage(db, local, target, quiet);
    expect(first.blobs).toBe(rows.length);
    expect(first.copied).toBe(2);
    expect(first.missing).toEqual([storageKeyOf(sha256(blobs[2]), "png")]);
    for (const bytes of blobs.slice(0, 2)) expect(sha256(await target.get(storageKeyOf(sha256(bytes), "png")))).toBe(sha256(bytes));

    const again = await migrateStorage(db, local, target, quiet);
    expect(again).toMatchObject({ copied: 0, present: 2 });

    // A wrong object in the bucket under a known key is replaced by the verified bytes.
    const key0 = storageKeyOf(sha256(blobs[0]), "png");
    await target.delete(key0);
    await target.put(key0, new Uint8Array(blobs[0].length));
    expect(await migrateStorage(db, local, target, quiet)).toMatchObject({ copied: 1, present: 1 });
    expect(sha256(await target.get(key0))).toBe(sha256(blobs[0]));
  });
});
