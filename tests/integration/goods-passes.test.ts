/**
 * Goods passes and authorised signatories against PostgreSQL (§5): registration by the front desk with
 * the seal or a registered signatory (R-GP-2), renovation (R-GP-6), hazardous goods (R-GP-4), windows and
 * route scheduling (R-GP-5), bad input refused with nothing written, and replayed requests.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { createGoodsPassAction } from "@/lib/goods-passes/actions";
import { freeWindows, getGoodsPass, passFormOptions } from "@/lib/goods-passes/queries";
import { createSignatoryAction, revokeSignatoryAction } from "@/lib/signatories/actions";
import { activeSignatories, listSignatories } from "@/lib/signatories/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const HOUR = 60 * 60 * 1000;
let world: World;
let route: string;
const ROUND_THE_CLOCK = { opensAt: "00:00", closesAt: "24:00" };

/** A whole hour well in the future, so windows never touch "now". */
const base = new Date(Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR);
const at = (hours: number) => new Date(base.getTime() + hours * HOUR);
const today = () => localDateInZone(new Date(), "Asia/Shanghai");
const day = (offset: number) => localDateInZone(new Date(Date.now() + offset * 24 * HOUR), "Asia/Shanghai");

const storedFile = (userId: string, kind: FileKind, siteId = world.siteA) => uploadedFile(userId, siteId, kind);

async function signatory(over: Partial<{ tenantId: string; validFrom: Date; validTo: Date; revokedAt: Date }> = {}) {
  const s = await db.authorisedSignatory.create({
    data: {
      siteId: world.siteA,
      tenantId: world.a.tenant,
      name: "李四",
      phone: "13900000000",
      certificateFileId: await storedFile(world.users.CLERK, "PHOTO"),
      specimenFileId: await storedFile(world.users.CLERK, "SIGNATURE"),
      validFrom: new Date(`${day(-30)}T00:00:00Z`),
      validTo: new Date(`${day(30)}T00:00:00Z`),
      createdById: world.users.CLERK,
      ...over,
    },
  });
  return s.id;
}

const pass = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  unitId: world.a.unit,
  direction: "IN",
  carrierName: "王五",
  carrierIdLast4: "123x",
  routeId: route,
  windowStart: at(0).toISOString(),
  windowEnd: at(1).toISOString(),
  notes: "",
  items: [{ name: "办公桌", quantity: 2, unit: "张", hazardous: false }],
  ...over,
});

async function outWithSignatory(over: Record<string, unknown> = {}) {
  return pass({
    direction: "OUT",
    authorization: "SIGNATORY",
    signatoryId: await signatory(),
    signatureFileId: await storedFile(world.users.FRONT_DESK, "SIGNATURE"),
    signatureConfirmed: true,
    ...over,
  });
}

const passCount = () => db.goodsPass.count();

async function refused(input: unknown, field?: string, message?: RegExp) {
  const before = await passCount();
  const result = await createGoodsPassAction(input);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok && field) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(result)).toContain(field);
  if (!result.ok && message) expect(result.fieldErrors?.[field!] ?? result.message).toMatch(message);
  expect(await passCount()).toBe(before);
  return result;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  // Round the clock, so that windows relative to "now" never meet closing time (opening hours have their own test).
  route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "1号货梯", ...ROUND_THE_CLOCK } })).id;
  await db.hazardTerm.createMany({ data: ["汽油", "酒精", "油漆", "香蕉水"].map((term) => ({ term })) });
});

beforeEach(async () => {
  await signInAs(world.users.FRONT_DESK);
});

describe("authorised signatories (R-GP-2)", () => {
  it("client service registers one with a certificate and a specimen; the front desk may not", async () => {
    const input = async (userId: string) => ({
      requestId: newRequestId(),
      siteId: world.siteA,
      tenantId: world.a.tenant,
      name: "赵六",
      position: "行政经理",
      phone: "13800001111",
      certificateFileId: await storedFile(userId, "PHOTO"),
      specimenFileId: await storedFile(userId, "SIGNATURE"),
      validFrom: today(),
      validTo: day(365),
    });
    expect(await createSignatoryAction(await input(world.users.FRONT_DESK))).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(world.users.CLERK);
    const result = await createSignatoryAction(await input(world.users.CLERK));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    expect((await activeSignatories(world.a.tenant)).map((s) => s.id)).toContain(id);
    expect(await db.auditLog.count({ where: { entity: "AuthorisedSignatory", entityId: id } })).toBe(1);

    // Someone else's upload, a tenant of another site, an end before the start: refused.
    expect(
      await createSignatoryAction({
        ...(await input(world.users.CLERK)),
        certificateFileId: await storedFile(world.users.MANAGER, "PHOTO"),
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { certificateFileId: expect.any(String) },
    });
    expect(await createSignatoryAction({ ...(await input(world.users.CLERK)), tenantId: world.b.tenant })).toMatchObject({
      ok: false,
      fieldErrors: { tenantId: "业户不存在或不属于所选项目" },
    });
    expect(await createSignatoryAction({ ...(await input(world.users.CLERK)), validTo: day(-400) })).toMatchObject({
      ok: false,
      fieldErrors: { validTo: "有效期截止日不能早于开始日" },
    });

    // Revoke once.
    expect(await revokeSignatoryAction({ signatoryId: id })).toMatchObject({ ok: true });
    expect(await revokeSignatoryAction({ signatoryId: id })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "该授权签字人已被撤销",
    });
    expect((await activeSignatories(world.a.tenant)).map((s) => s.id)).not.toContain(id);
    const listed = await listSignatories({ q: "赵六" }, { page: 1, skip: 0, take: 20 });
    expect(listed.rows.map((r) => r.status)).toEqual(["REVOKED"]);
  });
});

describe("registration", () => {
  it("an OUT pass signed by an active signatory, checked by the front desk", async () => {
    const input = await outWithSignatory({
      items: [
        { name: "电脑主机", quantity: 3, unit: "台", hazardous: false },
        { name: "文件柜", quantity: "1.5", unit: "个", hazardous: false },
      ],
    });
    const result = await createGoodsPassAction(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    const stored = await db.goodsPass.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { position: "asc" } } } });
    expect(stored).toMatchObject({
      state: "PENDING",
      direction: "OUT",
      authorization: "SIGNATORY",
      signatoryId: input.signatoryId,
      signatureFileId: input.signatureFileId,
      signatureCheckedById: world.users.FRONT_DESK,
      carrierIdLast4: "123X",
      createdById: world.users.FRONT_DESK,
      number: null,
    });
    expect(stored.items.map((i) => [i.position, i.name, i.quantity.toString()])).toEqual([
      [1, "电脑主机", "3"],
      [2, "文件柜", "1.5"],
    ]);
    expect(await db.auditLog.count({ where: { entity: "GoodsPass", entityId: id, action: "CREATE" } })).toBe(1);

    const detail = await getGoodsPass(id);
    expect(detail).toMatchObject({
      tenant: { name: "业户A" },
      unit: { code: "U-A" },
      route: { name: "1号货梯" },
      signatory: { name: "李四" },
      people: { createdBy: "测试FRONT_DESK", signatureCheckedBy: "测试FRONT_DESK" },
    });
    expect(detail?.signatory?.specimenFileId).toBeTruthy();
  });

  it("an OUT pass with a photo of the sealed form", async () => {
    const sealPhotoFileId = await storedFile(world.users.FRONT_DESK, "PHOTO");
    const result = await createGoodsPassAction(
      pass({ direction: "OUT", authorization: "SEAL", sealPhotoFileId, windowStart: at(2).toISOString(), windowEnd: at(3).toISOString() }),
    );
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const stored = await db.goodsPass.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
    expect(stored).toMatchObject({ authorization: "SEAL", sealPhotoFileId, signatoryId: null, signatureCheckedById: null });
    // The same photo cannot serve a second pass.
    await refused(pass({ direction: "OUT", authorization: "SEAL", sealPhotoFileId }), "sealPhotoFileId");
  });

  it("OUT needs the seal or a signatory; a signature must be confirmed", async () => {
    await refused(pass({ direction: "OUT" }), "authorization", /公章|签名/);
    await refused(pass({ direction: "OUT", authorization: "SEAL" }), "sealPhotoFileId");
    await refused(await outWithSignatory({ signatureConfirmed: false }), "signatureConfirmed", /核对/);
    await refused(await outWithSignatory({ signatureFileId: await storedFile(world.users.CLERK, "SIGNATURE") }), "signatureFileId");
  });

  it("refuses revoked, expired, not-yet-valid and other tenants' signatories, and forged ids", async () => {
    await refused(await outWithSignatory({ signatoryId: await signatory({ revokedAt: new Date() }) }), "signatoryId", /已被撤销/);
    await refused(
      await outWithSignatory({ signatoryId: await signatory({ validTo: new Date(`${day(-1)}T00:00:00Z`) }) }),
      "signatoryId",
      /有效期/,
    );
    await refused(
      await outWithSignatory({ signatoryId: await signatory({ validFrom: new Date(`${day(2)}T00:00:00Z`) }) }),
      "signatoryId",
      /有效期/,
    );
    const otherTenant = await db.tenant.create({ data: { siteId: world.siteA, name: "业户C" } });
    await refused(await outWithSignatory({ signatoryId: await signatory({ tenantId: otherTenant.id }) }), "signatoryId", /不是该业户/);
    await refused(await outWithSignatory({ signatoryId: "forged-signatory-id" }), "signatoryId");
    await refused(pass({ tenantId: "forged-tenant-id" }), "tenantId", /业户不存在/);
    await refused(pass({ tenantId: world.b.tenant, unitId: world.b.unit }), "tenantId");
    await refused(pass({ unitId: world.b.unit }), "unitId");
    await refused(pass({ siteId: world.siteB, tenantId: world.b.tenant, unitId: world.b.unit }));
    await refused(pass({ routeId: "forged-route" }), "routeId");
  });

  it("R-GP-6: a tenant with a unit under renovation is refused with the reason", async () => {
    const tenant = await db.tenant.create({ data: { siteId: world.siteA, name: "装修业户" } });
    const unit = await db.unit.create({
      data: { siteId: world.siteA, code: "U-R1", building: "A座", floor: "2F", status: "OCCUPIED", tenantId: tenant.id },
    });
    await db.unit.create({
      data: { siteId: world.siteA, code: "U-R2", building: "A座", floor: "3F", status: "RENOVATION", tenantId: tenant.id },
    });
    const result = await refused(pass({ tenantId: tenant.id, unitId: unit.id }), "tenantId");
    expect(result.message).toBe("装修期间的业户不适用本流程（制度 §5）");
  });

  it("R-GP-4: hazardous goods may not come in; the refusal names the item and the term", async () => {
    const items = [
      { name: "办公桌", quantity: 1, unit: "张", hazardous: false },
      { name: "工业酒精 5L", quantity: 2, unit: "桶", hazardous: false },
    ];
    const byTerm = await refused(pass({ items }), "items.1.name");
    expect(byTerm.message).toContain("工业酒精 5L");
    expect(byTerm.message).toContain("酒精");
    const byFlag = await refused(pass({ items: [{ name: "锂电池", quantity: 10, unit: "块", hazardous: true }] }), "items.0.hazardous");
    expect(byFlag.message).toContain("锂电池");
    // Going out is not entry: the same goods may leave.
    expect(
      await createGoodsPassAction(
        pass({
          direction: "OUT",
          authorization: "SEAL",
          sealPhotoFileId: await storedFile(world.users.FRONT_DESK, "PHOTO"),
          items,
          windowStart: at(4).toISOString(),
          windowEnd: at(5).toISOString(),
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("refuses bad items and carriers", async () => {
    const item = { name: "椅子", unit: "把", hazardous: false };
    await refused(pass({ items: [{ ...item, quantity: 0 }] }), "items.0.quantity", /大于 0/);
    await refused(pass({ items: [{ ...item, quantity: -3 }] }), "items.0.quantity", /大于 0/);
    await refused(pass({ items: [{ ...item, quantity: 1.234 }] }), "items.0.quantity");
    await refused(pass({ items: Array.from({ length: 101 }, (_, i) => ({ ...item, name: `椅子${i}`, quantity: 1 })) }), "items", /100/);
    await refused(pass({ items: [] }), "items");
    await refused(pass({ carrierName: "   " }), "carrierName", /携物人/);
    await refused(pass({ carrierIdLast4: "12" }), "carrierIdLast4");
    // 100 items are fine.
    expect(
      await createGoodsPassAction(
        pass({
          items: Array.from({ length: 100 }, (_, i) => ({ ...item, name: `椅子${i}`, quantity: 1 })),
          windowStart: at(6).toISOString(),
          windowEnd: at(7).toISOString(),
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("refuses windows in the past, reversed or longer than one day", async () => {
    const past = new Date(Date.now() - 3 * HOUR);
    await refused(
      pass({ windowStart: past.toISOString(), windowEnd: new Date(past.getTime() + HOUR).toISOString() }),
      "windowStart",
      /已过/,
    );
    await refused(pass({ windowStart: at(0).toISOString(), windowEnd: at(25).toISOString() }), "windowStart", /一天/);
    await refused(pass({ windowStart: at(1).toISOString(), windowEnd: at(0).toISOString() }), "windowEnd");
    await refused(pass({ windowStart: "not a date" }), "windowStart");
  });
});

describe("R-GP-5 scheduling on a loading route", () => {
  it("refuses a window overlapping an approved move, writes nothing, and proposes free windows", async () => {
    const lift = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "2号货梯", ...ROUND_THE_CLOCK } })).id;
    const approved = await createGoodsPassAction(
      pass({ routeId: lift, windowStart: at(10).toISOString(), windowEnd: at(12).toISOString() }),
    );
    expect(approved).toMatchObject({ ok: true });
    await db.goodsPass.update({ where: { id: (approved as { data: { id: string } }).data.id }, data: { state: "APPROVED" } });

    const result = await refused(
      pass({ routeId: lift, windowStart: at(11).toISOString(), windowEnd: at(12).toISOString() }),
      "windowStart",
    );
    expect(result).toMatchObject({ code: "conflict" });
    expect(result.message).toMatch(/已盖章的搬运（含已放行）冲突/);

    const proposals = await freeWindows(lift, at(11), at(12));
    expect(proposals[0]).toMatchObject({ start: at(12).toISOString(), end: at(13).toISOString() });
    expect(proposals).toHaveLength(3);
    // A move touching the approved one is fine; so is one on another route, and a pending one does not block.
    expect(
      await createGoodsPassAction(pass({ routeId: lift, windowStart: at(12).toISOString(), windowEnd: at(13).toISOString() })),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await createGoodsPassAction(pass({ routeId: lift, windowStart: at(12).toISOString(), windowEnd: at(13).toISOString() })),
    ).toMatchObject({
      ok: true,
    });
    expect(await createGoodsPassAction(pass({ windowStart: at(11).toISOString(), windowEnd: at(12).toISOString() }))).toMatchObject({
      ok: true,
    });
  });

  it("registration refuses an overlap with a move already stamped and released at the gate, as stamping would", async () => {
    const lift = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "3号货梯", ...ROUND_THE_CLOCK } })).id;
    const done = await createGoodsPassAction(pass({ routeId: lift, windowStart: at(30).toISOString(), windowEnd: at(32).toISOString() }));
    expect(done).toMatchObject({ ok: true });
    await db.goodsPass.update({
      where: { id: (done as { data: { id: string } }).data.id },
      data: { state: "RELEASED", number: "SA-20990101-001", releasedAt: new Date() },
    });
    const result = await refused(
      pass({ routeId: lift, windowStart: at(31).toISOString(), windowEnd: at(32).toISOString() }),
      "windowStart",
      /已盖章的搬运（含已放行）冲突/,
    );
    expect(result).toMatchObject({ code: "conflict" });
    // The proposals step past the released move too.
    expect((await freeWindows(lift, at(31), at(32)))[0]).toMatchObject({ start: at(32).toISOString() });
  });

  it("refuses a window outside the route's opening hours and proposes windows within them", async () => {
    const ramp = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "坡道", opensAt: "08:00", closesAt: "18:00" } })).id;
    const day = localDateInZone(at(0), "Asia/Shanghai");
    const local = (hhmm: string, plusDays = 0) =>
      new Date(new Date(`${day}T${hhmm}:00+08:00`).getTime() + plusDays * 24 * HOUR).toISOString();
    await refused(pass({ routeId: ramp, windowStart: local("06:00", 1), windowEnd: local("07:00", 1) }), "windowStart", /08:00–18:00/);
    await refused(pass({ routeId: ramp, windowStart: local("17:30", 1), windowEnd: local("18:30", 1) }), "windowStart", /开放时间/);
    expect(
      await createGoodsPassAction(pass({ routeId: ramp, windowStart: local("17:00", 1), windowEnd: local("18:00", 1) })),
    ).toMatchObject({
      ok: true,
    });
    // From 20:00 the next free hour is 08:00 the following morning.
    const proposals = await freeWindows(ramp, new Date(local("20:00", 1)), new Date(local("21:00", 1)));
    expect(proposals[0]).toMatchObject({ start: local("08:00", 2), end: local("09:00", 2) });
  });

  it("the form's options list the user's routes and hazard terms", async () => {
    const options = await passFormOptions();
    expect(options.sites.map((s) => s.id)).toEqual([world.siteA]);
    expect(options.routes.every((r) => r.siteId === world.siteA)).toBe(true);
    expect(options.hazardTerms).toContain("酒精");
  });
});

describe("replays", () => {
  it("a replayed requestId creates one pass", async () => {
    const input = pass({ windowStart: at(20).toISOString(), windowEnd: at(21).toISOString() });
    const before = await passCount();
    const first = await createGoodsPassAction(input);
    const second = await createGoodsPassAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true, data: (first as { data: unknown }).data });
    expect(await passCount()).toBe(before + 1);
    // Another user replaying someone else's request id gets nothing.
    await signInAs(world.users.CLERK);
    expect(await createGoodsPassAction(input)).toMatchObject({ ok: false, code: "conflict" });
  });
});
