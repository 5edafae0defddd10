/**
 * Evidence files (lib/files/claim.ts, access.ts, cleanup.ts) against PostgreSQL: a stored file is the
 * evidence of one record in the whole application — every module that takes files refuses a file
 * another module (or another record of its own) already holds; two requests racing for one file end
 * in one record; a file is served only to those who may read its record; uploads nobody claimed go.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/[id]/route";
import { addDays, instantFromLocalDateTime, localDateInZone } from "@/lib/calendar";
import { createComplaintAction, recordRectificationAction, recordRevisitAction, startRectificationAction } from "@/lib/complaints/actions";
import { db } from "@/lib/db";
import { deleteUnclaimedFiles } from "@/lib/files/cleanup";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { createGoodsPassAction } from "@/lib/goods-passes/actions";
import { submitInspectionAction } from "@/lib/inspections/actions";
import {
  createNewspaperSubscriptionAction,
  createNewspaperTitleAction,
  deliverNewspaperAction,
  handOverNewspapersAction,
  receiveNewspapersAction,
} from "@/lib/newspapers/actions";
import { createSignatoryAction } from "@/lib/signatories/actions";
import { localDiskBackend } from "@/lib/storage";
import { currentMonth } from "@/lib/vacant-units/rules";
import { CHECK_ITEMS } from "@/lib/vacant-units/schema";
import { submitVacantCleaningAction } from "@/lib/vacant-units/actions";
import { fixClock } from "../support/clock";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

// Before any app module reads the environment: bytes go to a temporary folder, not the repo's .data/.
const dataDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "kewu-claims-"));
  process.env.DATA_DIR = dir;
  return dir;
});

const TZ = "Asia/Shanghai";
const HOUR = 60 * 60 * 1000;
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const ALREADY_USED = "该文件已用于其他记录，请重新拍照或签名";
const today = () => localDateInZone(new Date(), TZ);
let world: World;
let n = 0;
let template: { id: string; items: { id: string }[] };
let route: string;
let signatory: string;
let cleaner: string;
let newspaperDays = 0;
let anyTitle: string;
const pendingDeliveries: string[] = [];

type Result = { ok: boolean; code?: string; fieldErrors?: Record<string, string> };

/** One way a module takes a file: who may do it, which kind, and the action naming the file in `field`. */
interface Taker {
  name: string;
  actor: () => string;
  kind: FileKind;
  field: string;
  /** `fresh`: a new target for a request that should succeed; otherwise one that stays valid for refusals. */
  use: (fileId: string, fresh: boolean) => Promise<Result>;
}

async function rectifiedComplaint(): Promise<string> {
  await signInAs(world.users.MANAGER);
  const created = await createComplaintAction(intake([]));
  const id = (created as unknown as { data: { id: string } }).data.id;
  await startRectificationAction({ complaintId: id, round: 1 });
  await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已处理", photoIds: [] });
  return id;
}

const intake = (photoIds: string[]) => ({
  requestId: randomUUID(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  unitId: world.a.unit,
  source: "PHONE",
  category: "REPAIR",
  severity: "MAJOR",
  description: "水龙头漏水",
  departmentId: world.a.department,
  receivedAt: "",
  photoIds,
});

let passes = 0;
const goodsPass = (over: Record<string, unknown>) => {
  // Inside the route's opening hours (07:00–22:00 at the site) whatever the time of day the suite runs:
  // from 10:00 the day after tomorrow, an hour apart, eight a day.
  const day = addDays(localDateInZone(new Date(), "Asia/Shanghai"), 2 + Math.floor(passes / 8));
  const start = new Date(instantFromLocalDateTime(`${day}T10:00`, "Asia/Shanghai").getTime() + (passes++ % 8) * HOUR);
  return {
    requestId: randomUUID(),
    siteId: world.siteA,
    tenantId: world.a.tenant,
    unitId: world.a.unit,
    direction: "OUT",
    carrierName: "王五",
    carrierIdLast4: "1234",
    routeId: route,
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + HOUR).toISOString(),
    notes: "",
    items: [{ name: "办公桌", quantity: 1, unit: "张", hazardous: false }],
    ...over,
  };
};

const signatoryInput = (certificateFileId: string, specimenFileId: string) => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  name: "赵六",
  position: "",
  phone: "13800001111",
  certificateFileId,
  specimenFileId,
  validFrom: today(),
  validTo: addDays(today(), 365),
});

async function freshVacantUnit(): Promise<string> {
  const unit = await db.unit.create({
    data: {
      siteId: world.siteA,
      code: `V-${n++}`,
      building: "A座",
      floor: "9F",
      status: "VACANT",
      createdAt: LONG_AGO,
      cleanerId: cleaner,
    },
  });
  await db.unitStatusChange.create({ data: { unitId: unit.id, status: "VACANT", changedAt: LONG_AGO } });
  return unit.id;
}

let refusalTargets: { revisit: string; vacantUnit: string; inspectionArea: string };

const TAKERS: Taker[] = [
  {
    name: "complaint photo",
    actor: () => world.users.MANAGER,
    kind: "PHOTO",
    field: "photoIds",
    use: (id) => createComplaintAction(intake([id])),
  },
  {
    name: "complaint revisit signature",
    actor: () => world.users.MANAGER,
    kind: "SIGNATURE",
    field: "signatureFileId",
    use: async (id, fresh) => {
      const complaintId = fresh ? await rectifiedComplaint() : refusalTargets.revisit;
      await signInAs(world.users.MANAGER);
      return recordRevisitAction({
        complaintId,
        round: 1,
        method: "VISIT",
        satisfaction: "SATISFIED",
        clientName: "张三",
        comments: "",
        signatureFileId: id,
      });
    },
  },
  {
    name: "inspection photo",
    actor: () => world.users.SUPERVISOR,
    kind: "PHOTO",
    field: "results.0.photoFileIds",
    use: async (id, fresh) => {
      const areaId = fresh
        ? (await db.area.create({ data: { siteId: world.siteA, name: `大堂${n++}`, type: "LOBBY", building: "A座", floor: "1F" } })).id
        : refusalTargets.inspectionArea;
      return submitInspectionAction({
        requestId: randomUUID(),
        areaId,
        periodKey: `${today()}#1`,
        templateId: template.id,
        results: template.items.map((item, i) => ({ itemId: item.id, result: "PASS", note: "", photoFileIds: i === 0 ? [id] : [] })),
      });
    },
  },
  {
    name: "goods-pass seal photo",
    actor: () => world.users.MANAGER,
    kind: "PHOTO",
    field: "sealPhotoFileId",
    use: (id) => createGoodsPassAction(goodsPass({ authorization: "SEAL", sealPhotoFileId: id })),
  },
  {
    name: "goods-pass signature",
    actor: () => world.users.MANAGER,
    kind: "SIGNATURE",
    field: "signatureFileId",
    use: (id) =>
      createGoodsPassAction(
        goodsPass({ authorization: "SIGNATORY", signatoryId: signatory, signatureFileId: id, signatureConfirmed: true }),
      ),
  },
  {
    name: "signatory certificate",
    actor: () => world.users.MANAGER,
    kind: "PHOTO",
    field: "certificateFileId",
    use: async (id) => createSignatoryAction(signatoryInput(id, await uploadedFile(world.users.MANAGER, world.siteA, "SIGNATURE"))),
  },
  {
    name: "signatory specimen",
    actor: () => world.users.MANAGER,
    kind: "SIGNATURE",
    field: "specimenFileId",
    use: async (id) => createSignatoryAction(signatoryInput(await uploadedFile(world.users.MANAGER, world.siteA, "PHOTO"), id)),
  },
  {
    name: "newspaper receipt signature",
    actor: () => world.users.MANAGER,
    kind: "SIGNATURE",
    field: "signatureFileId",
    // One receipt per site and day: each success takes an earlier day, refusals a day never received.
    use: (id, fresh) =>
      receiveNewspapersAction({
        requestId: randomUUID(),
        siteId: world.siteA,
        date: addDays(today(), fresh ? -10 - newspaperDays++ : -400),
        courierName: "邮局老王",
        signatureFileId: id,
        lines: [{ titleId: anyTitle, received: 1 }],
      }),
  },
  {
    name: "newspaper delivery signature",
    actor: () => world.users.MANAGER,
    kind: "SIGNATURE",
    field: "signatureFileId",
    use: (id, fresh) =>
      deliverNewspaperAction({
        deliveryId: fresh ? pendingDeliveries.pop()! : pendingDeliveries[0],
        recipientName: "前台",
        signatureFileId: id,
      }),
  },
  {
    name: "vacant-unit cleaning photo",
    actor: () => world.users.MANAGER,
    kind: "PHOTO",
    field: "checks.0.photoFileIds",
    use: async (id, fresh) =>
      submitVacantCleaningAction({
        requestId: randomUUID(),
        unitId: fresh ? await freshVacantUnit() : refusalTargets.vacantUnit,
        month: currentMonth(new Date(), TZ),
        cleanedOn: today(),
        cleanerId: cleaner,
        checks: CHECK_ITEMS.map((item, i) => ({ item, result: "PASS", note: "", photoFileIds: i === 0 ? [id] : [] })),
      }),
  },
];

async function attachmentCount() {
  return db.fileAttachment.count();
}

beforeAll(async () => {
  // Rounds are submitted for "now": a working morning, so a run at any hour finds slot 1 open (R-INS-4).
  fixClock();
  await resetDatabase();
  world = await buildWorld();
  await db.site.update({
    where: { id: world.siteA },
    data: { slot1Start: "00:00", slot1End: "23:59", slot2Start: "00:00", slot2End: "23:59", inspectOnWeekends: true },
  });
  template = await db.checklistTemplate.create({
    data: { areaType: "LOBBY", version: 1, current: true, items: { create: [{ position: 1, label: "地面清洁" }] } },
    select: { id: true, items: { select: { id: true } } },
  });
  route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "1号货梯" } })).id;
  signatory = (
    await db.authorisedSignatory.create({
      data: {
        siteId: world.siteA,
        tenantId: world.a.tenant,
        name: "李四",
        phone: "13900000000",
        certificateFileId: await uploadedFile(world.users.CLERK, world.siteA, "PHOTO"),
        specimenFileId: await uploadedFile(world.users.CLERK, world.siteA, "SIGNATURE"),
        validFrom: new Date(`${addDays(today(), -30)}T00:00:00Z`),
        validTo: new Date(`${addDays(today(), 30)}T00:00:00Z`),
        createdById: world.users.CLERK,
      },
    })
  ).id;
  cleaner = (await db.cleaner.create({ data: { siteId: world.siteA, name: "王阿姨" } })).id;

  // Today's newspapers: one pending delivery per title, each to another unit of the tenant (one household
  // signs once for all its titles, R-NEWS-3: each delivery here must be its own stop), handed over.
  await signInAs(world.users.MANAGER);
  const lines: { titleId: string; received: number }[] = [];
  for (let i = 0; i < TAKERS.length + 2; i++) {
    const title = await createNewspaperTitleAction({ siteId: world.siteA, name: `日报${i}`, publisher: "" });
    const titleId = (title as { data: { id: string } }).data.id;
    const unit = await db.unit.create({
      data: { siteId: world.siteA, code: `NP-${i}`, building: "A座", floor: "5F", status: "OCCUPIED", tenantId: world.a.tenant },
    });
    await createNewspaperSubscriptionAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      titleId,
      tenantId: world.a.tenant,
      unitId: unit.id,
      copies: 1,
      startsOn: addDays(today(), -1),
      endsOn: "",
    });
    lines.push({ titleId, received: 1 });
    anyTitle = titleId;
  }
  const receipt = await receiveNewspapersAction({
    requestId: randomUUID(),
    siteId: world.siteA,
    date: today(),
    courierName: "邮局老王",
    signatureFileId: await uploadedFile(world.users.MANAGER, world.siteA, "SIGNATURE"),
    lines,
  });
  expect(receipt).toMatchObject({ ok: true });
  const day = await db.newspaperDay.findFirstOrThrow({ where: { siteId: world.siteA, date: new Date(`${today()}T00:00:00Z`) } });
  expect(await handOverNewspapersAction({ dayId: day.id, deliveryStaffName: "小李" })).toMatchObject({ ok: true });
  pendingDeliveries.push(...(await db.newspaperDelivery.findMany({ where: { dayId: day.id }, select: { id: true } })).map((d) => d.id));

  refusalTargets = {
    revisit: await rectifiedComplaint(),
    vacantUnit: await freshVacantUnit(),
    inspectionArea: world.a.area,
  };
});

describe("a file is the evidence of one record, across modules", () => {
  it.each(TAKERS.map((taker) => [taker.name, taker] as const))(
    "a file taken as %s is refused by every module that takes files, itself included",
    async (_name, owner) => {
      await signInAs(owner.actor());
      const fileId = await uploadedFile(owner.actor(), world.siteA, owner.kind);
      expect(await owner.use(fileId, true), owner.name).toMatchObject({ ok: true });
      const attachment = await db.fileAttachment.findUniqueOrThrow({ where: { fileId } });
      expect(attachment.siteId).toBe(world.siteA);

      for (const other of TAKERS) {
        await signInAs(other.actor());
        const before = await attachmentCount();
        const result = await other.use(fileId, false);
        expect(result, `${owner.name} → ${other.name}`).toMatchObject({ ok: false, fieldErrors: { [other.field]: ALREADY_USED } });
        expect(await attachmentCount()).toBe(before);
      }
      expect(await db.fileAttachment.findUniqueOrThrow({ where: { fileId } })).toEqual(attachment);
    },
  );

  it("a tenant's newspaper signature cannot become the client's signature on a complaint revisit", async () => {
    await signInAs(world.users.MANAGER);
    const signature = await uploadedFile(world.users.MANAGER, world.siteA, "SIGNATURE");
    expect(
      await deliverNewspaperAction({ deliveryId: pendingDeliveries.pop()!, recipientName: "前台", signatureFileId: signature }),
    ).toMatchObject({ ok: true });
    const revisit = await recordRevisitAction({
      complaintId: refusalTargets.revisit,
      round: 1,
      method: "VISIT",
      satisfaction: "SATISFIED",
      clientName: "张三",
      comments: "",
      signatureFileId: signature,
    });
    expect(revisit).toMatchObject({ ok: false, fieldErrors: { signatureFileId: ALREADY_USED } });
    expect(await db.complaintRevisit.count({ where: { complaintId: refusalTargets.revisit } })).toBe(0);
  });
});

describe("two requests racing for one file", () => {
  it("end in exactly one record; the other is refused and writes nothing", async () => {
    await signInAs(world.users.MANAGER);
    const photo = await uploadedFile(world.users.MANAGER, world.siteA, "PHOTO");
    const before = await db.complaint.count();
    const results = await Promise.all([createComplaintAction(intake([photo])), createComplaintAction(intake([photo]))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, fieldErrors: { photoIds: ALREADY_USED } });
    expect(await db.complaint.count()).toBe(before + 1);
    expect(await db.complaintPhoto.count({ where: { fileId: photo } })).toBe(1);
    expect(await db.fileAttachment.count({ where: { fileId: photo } })).toBe(1);
  });

  it("across two modules as well", async () => {
    await signInAs(world.users.MANAGER);
    const photo = await uploadedFile(world.users.MANAGER, world.siteA, "PHOTO");
    const results = await Promise.all([
      createComplaintAction(intake([photo])),
      createGoodsPassAction(goodsPass({ authorization: "SEAL", sealPhotoFileId: photo })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const attachment = await db.fileAttachment.findUniqueOrThrow({ where: { fileId: photo } });
    const records =
      (await db.complaintPhoto.count({ where: { fileId: photo } })) + (await db.goodsPass.count({ where: { sealPhotoFileId: photo } }));
    expect(records).toBe(1);
    expect(["COMPLAINT", "GOODS_PASS"]).toContain(attachment.entity);
  });
});

describe("GET /api/files/:id: only for those who may read the record", () => {
  const get = (id: string) => GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
  /** The route reads bytes through lib/storage: the fixture's row plus a blob under its key. */
  const bytesFile = async (kind: FileKind, by: string) => {
    const id = await uploadedFile(by, world.siteA, kind);
    const row = await db.storedFile.findUniqueOrThrow({ where: { id } });
    const target = path.join(dataDir, "files", row.storageKey);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, new Uint8Array([1, 2, 3]));
    return id;
  };

  it("a goods-pass signature: served to a goods-pass reader with no-store, not to engineering", async () => {
    await signInAs(world.users.FRONT_DESK);
    const signature = await bytesFile("SIGNATURE", world.users.FRONT_DESK);
    expect(
      await createGoodsPassAction(
        goodsPass({ authorization: "SIGNATORY", signatoryId: signatory, signatureFileId: signature, signatureConfirmed: true }),
      ),
    ).toMatchObject({ ok: true });

    await signInAs(world.users.CLERK);
    const served = await get(signature);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("private, no-store");

    // Engineering holds file:read (work-order photos) but may not read goods passes.
    await signInAs(world.users.ENGINEER);
    const refused = await get(signature);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
  });

  it("inspection photos: engineering sees those its work orders show, the clerk sees none", async () => {
    await signInAs(world.users.SUPERVISOR);
    const photo = await bytesFile("PHOTO", world.users.SUPERVISOR);
    const area = await db.area.create({ data: { siteId: world.siteA, name: `大堂${n++}`, type: "LOBBY", building: "A座", floor: "1F" } });
    expect(
      await submitInspectionAction({
        requestId: randomUUID(),
        areaId: area.id,
        periodKey: `${today()}#1`,
        templateId: template.id,
        results: template.items.map((item) => ({ itemId: item.id, result: "PASS", note: "", photoFileIds: [photo] })),
      }),
    ).toMatchObject({ ok: true });
    expect((await get(photo)).status).toBe(200);
    await signInAs(world.users.ENGINEER);
    expect((await get(photo)).status).toBe(404); // no work order shows it
    await db.workOrder.create({
      data: {
        number: `WO-FC-${n++}`,
        siteId: world.siteA,
        areaId: area.id,
        description: "灯不亮",
        photoFileIds: [photo],
        createdById: world.users.SUPERVISOR,
      },
    });
    expect((await get(photo)).status).toBe(200);
    await signInAs(world.users.CLERK);
    expect((await get(photo)).status).toBe(404);
  });

  it("an upload not yet attached is its uploader's only", async () => {
    const upload = await bytesFile("PHOTO", world.users.CLERK);
    await signInAs(world.users.CLERK);
    expect((await get(upload)).status).toBe(200);
    await signInAs(world.users.MANAGER);
    expect((await get(upload)).status).toBe(404);
  });
});

afterAll(async () => {
  vi.useRealTimers();
  await rm(dataDir, { recursive: true, force: true });
});

describe("uploads nobody claimed are deleted after the retention time", () => {
  it("deletes unclaimed rows older than the retention and their blobs, keeps claimed, recent and shared ones", async () => {
    const root = await mkdtemp(path.join(dataDir, "cleanup-"));
    const backend = localDiskBackend(root);
    const now = new Date();
    const old = new Date(now.getTime() - 2 * HOUR);
    const put = async (id: string, key?: string) => {
      const storageKey = key ?? `cl/${id}.png`;
      await db.storedFile.update({ where: { id }, data: { storageKey } });
      await backend.put(storageKey, new Uint8Array([9, 9, 9]));
      return storageKey;
    };
    const blobs = async () => (await readdir(path.join(root, "cl"))).sort();

    const abandoned = await uploadedFile(world.users.CLERK, world.siteA, "PHOTO", { createdAt: old });
    const abandonedKey = await put(abandoned);
    const recent = await uploadedFile(world.users.CLERK, world.siteA, "PHOTO", { createdAt: new Date(now.getTime() - 30 * 60_000) });
    const recentKey = await put(recent);
    const claimed = await uploadedFile(world.users.MANAGER, world.siteA, "PHOTO", { createdAt: old });
    const claimedKey = await put(claimed);
    await signInAs(world.users.MANAGER);
    expect(await createComplaintAction(intake([claimed]))).toMatchObject({ ok: true });
    // Identical bytes uploaded twice share one blob: the abandoned copy goes, the blob stays for the claimed one.
    const twin = await uploadedFile(world.users.MANAGER, world.siteA, "PHOTO", { createdAt: old });
    await put(twin, claimedKey);

    // The real job function, with a one-hour retention instead of 24 hours.
    const result = await deleteUnclaimedFiles({ now, retentionMs: HOUR, backend });
    expect(result.rows).toBeGreaterThanOrEqual(2);
    const left = await db.storedFile.findMany({ where: { id: { in: [abandoned, recent, claimed, twin] } }, select: { id: true } });
    expect(left.map((f) => f.id).sort()).toEqual([recent, claimed].sort());
    expect(await blobs()).toEqual([claimedKey, recentKey].map((k) => path.basename(k)).sort());
    expect(await blobs()).not.toContain(path.basename(abandonedKey));

    // Run again: nothing more to do.
    const again = await deleteUnclaimedFiles({ now, retentionMs: HOUR, backend });
    expect(again).toEqual({ rows: 0, blobs: 0 });
  });
});
