/**
 * Guarded state changes: a step checks who may take it and from which state inside its one guarded
 * update, so two concurrent requests for the same step (a double tap, two colleagues) cannot both pass.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { approveGoodsPassAction, rejectGoodsPassAction } from "@/lib/goods-passes/actions";
import { newRequestId } from "@/lib/request-id";
import { sendBackVacantCleaningAction, verifyVacantCleaningAction } from "@/lib/vacant-units/actions";
import { currentMonth } from "@/lib/vacant-units/rules";
import { CHECK_ITEMS } from "@/lib/vacant-units/schema";
import { sendBackWorkOrderAction, verifyWorkOrderAction } from "@/lib/work-orders/actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const TZ = "Asia/Shanghai";
let n = 0;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

const okCount = (results: { ok: boolean }[]) => results.filter((r) => r.ok).length;

describe("concurrent pairs of one step: only one passes", () => {
  it("vacant-unit verification: verify and send back at once", async () => {
    const unit = await db.unit.create({ data: { siteId: world.siteA, code: `GV-${n++}`, building: "A座", floor: "9F", status: "VACANT" } });
    const cleaner = await db.cleaner.create({ data: { siteId: world.siteA, name: `保洁${n++}` } });
    const record = await db.vacantCleaningRecord.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        unitId: unit.id,
        month: currentMonth(new Date(), TZ),
        cleanedOn: new Date(`${localDateInZone(new Date(), TZ)}T00:00:00Z`),
        cleanerId: cleaner.id,
        createdById: world.users.CLERK,
        state: "SUBMITTED",
        checks: { create: CHECK_ITEMS.map((item) => ({ item, result: "PASS" as const })) },
      },
    });
    await signInAs(world.users.MANAGER);
    const results = await Promise.all([
      verifyVacantCleaningAction({ recordId: record.id }),
      sendBackVacantCleaningAction({ recordId: record.id, reason: "门窗未关" }),
      verifyVacantCleaningAction({ recordId: record.id }),
    ]);
    expect(okCount(results)).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "VacantCleaningRecord", entityId: record.id } })).toBe(1);
  });

  it("vacant-unit verification: the author's own record is refused by the guarded update itself", async () => {
    const unit = await db.unit.create({ data: { siteId: world.siteA, code: `GV-${n++}`, building: "A座", floor: "9F", status: "VACANT" } });
    const cleaner = await db.cleaner.create({ data: { siteId: world.siteA, name: `保洁${n++}` } });
    const record = await db.vacantCleaningRecord.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        unitId: unit.id,
        month: currentMonth(new Date(), TZ),
        cleanedOn: new Date(`${localDateInZone(new Date(), TZ)}T00:00:00Z`),
        cleanerId: cleaner.id,
        createdById: world.users.MANAGER,
        state: "SUBMITTED",
        checks: { create: CHECK_ITEMS.map((item) => ({ item, result: "PASS" as const })) },
      },
    });
    await signInAs(world.users.MANAGER);
    const results = await Promise.all([
      verifyVacantCleaningAction({ recordId: record.id }),
      verifyVacantCleaningAction({ recordId: record.id }),
    ]);
    expect(results).toEqual([
      expect.objectContaining({ ok: false, code: "forbidden" }),
      expect.objectContaining({ ok: false, code: "forbidden" }),
    ]);
    expect(await db.vacantCleaningRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ state: "SUBMITTED" });
  });

  it("work-order verification: verify and send back at once", async () => {
    const wo = await db.workOrder.create({
      data: {
        number: `WO-G${n++}`,
        siteId: world.siteA,
        areaId: world.a.area,
        description: "灯不亮",
        createdById: world.users.MANAGER,
        state: "FIXED",
      },
    });
    await signInAs(world.users.SUPERVISOR);
    const results = await Promise.all([
      verifyWorkOrderAction({ workOrderId: wo.id }),
      sendBackWorkOrderAction({ workOrderId: wo.id, reason: "仍不亮" }),
      verifyWorkOrderAction({ workOrderId: wo.id }),
    ]);
    expect(okCount(results)).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "WorkOrder", entityId: wo.id } })).toBe(1);
  });

  it("goods-pass stamp: approve twice and reject at once; one outcome, at most one number", async () => {
    const route = await db.loadingRoute.create({ data: { siteId: world.siteA, name: `通道${n++}` } });
    const now = Date.now();
    const pass = await db.goodsPass.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        tenantId: world.a.tenant,
        unitId: world.a.unit,
        direction: "IN",
        carrierName: "李四",
        carrierIdLast4: "1234",
        routeId: route.id,
        windowStart: new Date(now + 600_000),
        windowEnd: new Date(now + 7_200_000),
        createdById: world.users.FRONT_DESK,
        items: { create: [{ position: 1, name: "办公椅", quantity: 1, unit: "把" }] },
      },
    });
    await signInAs(world.users.MANAGER);
    const results = await Promise.all([
      approveGoodsPassAction({ passId: pass.id }),
      approveGoodsPassAction({ passId: pass.id }),
      rejectGoodsPassAction({ passId: pass.id, reason: "资料不全" }),
    ]);
    expect(okCount(results)).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "GoodsPass", entityId: pass.id } })).toBe(1);
  });
});
