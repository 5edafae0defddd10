/**
 * Uploads (lib/files, lib/storage, app/api/files/[id]): real FormData + File through the action
 * wrapper, real Postgres, real files on disk in a temporary DATA_DIR.
 */
import { createHash } from "node:crypto";
import { readFile as readDisk, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/[id]/route";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { uploadFileAction } from "@/lib/files/actions";
import { readFile, storeFile } from "@/lib/storage";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

// Before any app module reads the environment: uploads go to a temporary folder, not the repo's .data/.
const dataDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "kewu-files-"));
  process.env.DATA_DIR = dir;
  return dir;
});
const filesDir = path.join(dataDir, "files");

/** A 37×21 PNG as Chromium's canvas encoder writes it. */
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAACUAAAAVCAYAAADB5CeuAAAAUUlEQVR4AezUQQoAIAhE0aGTe3O7wkcSJhijnYU+xNNSu90jw/AvqsSOlsNfahkAfx8pShWpSFEBmuc/U2yfF214nOcvNW7t8cNIUdBIfS11AQAA///b9okRAAAABklEQVQDAKd5XeHl5uj6AAAAAElFTkSuQmCC",
  ),
  (c) => c.charCodeAt(0),
);
/** A JPEG header: SOI, SOF0 of 640×480, SOS, EOI. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xda,
  0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

let world: World;

function form(fields: { siteId: string; kind: string; file: File }) {
  const data = new FormData();
  data.set("requestId", newRequestId());
  data.set("siteId", fields.siteId);
  data.set("kind", fields.kind);
  data.set("file", fields.file);
  return data;
}
const photo = (bytes: Uint8Array<ArrayBuffer>, name = "photo.png", type = "image/png") => new File([bytes], name, { type });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
async function snapshot() {
  return { rows: await db.storedFile.count(), audit: await db.auditLog.count(), disk: (await filesOnDisk()).length };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("uploadFileAction", () => {
  it("stores a photo: row, audit row and the bytes on disk under their sha256", async () => {
    await signInAs(world.users.FRONT_DESK);
    const result = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(PNG) }));
    expect(result).toMatchObject({ ok: true, data: { width: 37, height: 21 } });
    const { id } = (result as { data: { id: string } }).data;

    const hash = sha256(PNG);
    const row = await db.storedFile.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      siteId: world.siteA,
      kind: "PHOTO",
      contentType: "image/png",
      size: PNG.length,
      sha256: hash,
      storageKey: `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.png`,
      width: 37,
      height: 21,
      uploadedById: world.users.FRONT_DESK,
    });
    expect(new Uint8Array(await readDisk(path.join(filesDir, row.storageKey)))).toEqual(PNG);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "StoredFile", entityId: id } });
    expect(audit).toMatchObject({ action: "CREATE", actorId: world.users.FRONT_DESK, siteId: world.siteA });
    expect(audit.changes).toMatchObject({
      kind: { after: "PHOTO" },
      contentType: { after: "image/png" },
      size: { after: PNG.length },
      sha256: { after: hash },
    });
  });

  it("takes the type from the bytes, not from the name or declared type", async () => {
    await signInAs(world.users.CLERK);
    const result = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(JPEG, "scan.png", "image/png") }));
    expect(result).toMatchObject({ ok: true, data: { width: 640, height: 480 } });
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
    expect(row.contentType).toBe("image/jpeg");
    expect(row.storageKey).toMatch(/\.jpg$/);
  });

  it("uploads identical bytes twice: two rows, one blob", async () => {
    await signInAs(world.users.SUPERVISOR);
    const bytes = PNG.slice();
    bytes[bytes.length - 1] ^= 0xff; // different from the other tests' PNG, still a PNG header
    const first = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(bytes) }));
    const second = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(bytes) }));
    expect(first.ok && second.ok).toBe(true);
    const ids = [first, second].map((r) => (r as { data: { id: string } }).data.id);
    expect(ids[0]).not.toBe(ids[1]);
    const rows = await db.storedFile.findMany({ where: { id: { in: ids } }, select: { storageKey: true } });
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);
    expect((await filesOnDisk()).filter((f) => f.includes(sha256(bytes)))).toHaveLength(1);
  });

  it("refuses a text file named .jpg and an 11 MB file in Chinese, and writes nothing", async () => {
    await signInAs(world.users.FRONT_DESK);
    const before = await snapshot();

    const text = new File(["这不是图片"], "photo.jpg", { type: "image/jpeg" });
    const notImage = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: text }));
    expect(notImage).toMatchObject({ ok: false, code: "invalid", fieldErrors: { file: "只能上传 JPG、PNG 或 WebP 图片" } });

    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PNG);
    const tooBig = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(big) }));
    expect(tooBig).toMatchObject({ ok: false, code: "invalid", fieldErrors: { file: "图片不能超过 10 MB" } });

    const empty = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(new Uint8Array(0)) }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { file: "文件是空的，请重新选择" } });

    const noFile = new FormData();
    noFile.set("siteId", world.siteA);
    noFile.set("kind", "PHOTO");
    expect(await uploadFileAction(noFile)).toMatchObject({ ok: false, fieldErrors: { file: "请选择图片" } });

    expect(await snapshot()).toEqual(before);
  });

  it("takes only a PNG as a signature", async () => {
    await signInAs(world.users.CLERK);
    const jpeg = await uploadFileAction(form({ siteId: world.siteA, kind: "SIGNATURE", file: photo(JPEG, "sig.jpg", "image/jpeg") }));
    expect(jpeg).toMatchObject({ ok: false, fieldErrors: { file: "签名必须是 PNG 图片" } });
    const png = await uploadFileAction(form({ siteId: world.siteA, kind: "SIGNATURE", file: photo(PNG, "signature.png") }));
    expect(png.ok).toBe(true);
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: (png as { data: { id: string } }).data.id } });
    expect(row.kind).toBe("SIGNATURE");
  });

  it("refuses a site the user is not assigned to (not found), an unknown kind, and a role without file:upload", async () => {
    const before = await snapshot();
    await signInAs(world.users.MANAGER);
    expect(await uploadFileAction(form({ siteId: world.siteB, kind: "PHOTO", file: photo(PNG) }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await uploadFileAction(form({ siteId: world.siteA, kind: "VIDEO", file: photo(PNG) }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    await signInAs(world.users.ADMIN);
    expect(await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(PNG) }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(null);
    expect(await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(PNG) }))).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("reading files: readFile and GET /api/files/:id", () => {
  const get = (id: string) => GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });

  it("serves a file of the user's site with its type and long private caching", async () => {
    await signInAs(world.users.FRONT_DESK);
    const uploaded = await uploadFileAction(form({ siteId: world.siteA, kind: "PHOTO", file: photo(JPEG, "a.jpg", "image/jpeg") }));
    const { id } = (uploaded as { data: { id: string } }).data;

    const actor = (await getActor())!;
    const read = await readFile(actor, id);
    expect(read.contentType).toBe("image/jpeg");
    expect(new Uint8Array(read.bytes)).toEqual(JPEG);

    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(JPEG);

    await signInAs(null);
    expect((await get(id)).status).toBe(401);
  });

  it("does not find another site's file (readFile and route), nor an unknown id", async () => {
    // The system admin sees every site; stored through the data layer on site B.
    await signInAs(world.users.ADMIN);
    const otherSite = await storeFile({ actor: (await getActor())!, siteId: world.siteB, kind: "PHOTO", bytes: PNG });

    await signInAs(world.users.CLERK);
    const clerk = (await getActor())!;
    await expect(readFile(clerk, otherSite.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readFile(clerk, "no-such-file")).rejects.toMatchObject({ code: "not_found" });
    expect((await get(otherSite.id)).status).toBe(404);
    expect((await get("../../etc/passwd")).status).toBe(404);
  });
});
