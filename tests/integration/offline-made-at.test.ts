/**
 * Rounds made on a phone without a signal (issue 20, R-INS-4): the item carries the time it was made,
 * and the server judges the window by that time within bounds (lib/offline/rules.ts): sent late but made
 * in time counts as in time; made after the window is refused as missed; a time in the future or on an
 * earlier day is refused; a resend with the same request id records nothing twice.
 *
 * A newspaper delivery signed offline counts at its own time, never before the list's hand-over, and
 * its resend (the same signature) answers as the first.
 *
 * The clock is fixed at 15:00 Shanghai time on a Wednesday; site A's slot 1 runs 00:00–12:00 and slot 2
 * 12:01–23:59, so at "now" slot 1 has ended and slot 2 is open.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { submitInspectionAction } from "@/lib/inspections/actions";
import {
  createNewspaperSubscriptionAction,
  createNewspaperTitleAction,
  deliverNewspaperAction,
  handOverNewspapersAction,
  receiveNewspapersAction,
} from "@/lib/newspapers/actions";
import { getNewspaperDay } from "@/lib/newspapers/queries";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";

const DAY = "2026-12-02";
const NOW = new Date(`${DAY}T15:00:00+08:00`);
const at = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

let world: World;
let template: { id: string; items: { id: string; equipment: boolean }[] };

function round(periodKey: string, madeAt: string | undefined, over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    areaId: world.a.area,
    periodKey,
    templateId: template.id,
    results: template.items.map((i) => ({ itemId: i.id, result: "PASS", note: "", photoFileIds: [] as string[] })),
    ...(madeAt ? { madeAt } : {}),
    ...over,
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  await resetDatabase();
  world = await buildWorld();
  await db.site.update({
    where: { id: world.siteA },
    data: { slot1Start: "00:00", slot1End: "12:00", slot2Start: "12:01", slot2End: "23:59", inspectOnWeekends: true },
  });
  template = await db.checklistTemplate.create({
    data: {
      areaType: "LOBBY",
      version: 1,
      current: true,
      items: {
        create: [
          { position: 1, label: "地面清洁无污渍" },
          { position: 2, label: "照明灯具完好", equipment: true },
        ],
      },
    },
    select: { id: true, items: { orderBy: { position: "asc" }, select: { id: true, equipment: true } } },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

beforeEach(async () => {
  await db.workOrder.deleteMany();
  await db.inspection.deleteMany();
  await db.dailyCounter.deleteMany();
  await signInAs(world.users.SUPERVISOR);
});

describe("a round made offline", () => {
  it("made inside its window and sent after it ended counts as in time, at the time it was made", async () => {
    const photoId = await uploadedFile(world.users.SUPERVISOR, world.siteA, "PHOTO");
    const input = round(`${DAY}#1`, at("11:40"));
    input.results[1] = { itemId: template.items[1].id, result: "FAIL", note: "筒灯不亮", photoFileIds: [photoId] };
    const result = await submitInspectionAction(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { failures: 1 } });
    const inspection = await db.inspection.findFirstOrThrow({ where: { areaId: world.a.area, periodKey: `${DAY}#1` } });
    expect(inspection.checkedAt.toISOString()).toBe(at("11:40"));
    expect(await db.workOrder.count()).toBe(1);
  });

  it("made after its window ended is refused as missed, with nothing written", async () => {
    const result = await submitInspectionAction(round(`${DAY}#1`, at("12:30")));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: "该时段已结束，已计为漏检" });
    expect(await db.inspection.count()).toBe(0);
  });

  it("claimed before its window started is refused", async () => {
    const result = await submitInspectionAction(round(`${DAY}#2`, at("12:00")));
    expect(result).toMatchObject({ ok: false, message: "该时段尚未开始" });
    expect(await db.inspection.count()).toBe(0);
  });

  it("claiming a time in the future is refused", async () => {
    const result = await submitInspectionAction(round(`${DAY}#2`, at("16:00")));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: "记录时间晚于当前时间，请检查手机时间" });
    expect(await db.inspection.count()).toBe(0);
  });

  it("a phone clock a minute ahead is taken as now", async () => {
    const result = await submitInspectionAction(round(`${DAY}#2`, at("15:01")));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const inspection = await db.inspection.findFirstOrThrow({ where: { periodKey: `${DAY}#2` } });
    expect(inspection.checkedAt.toISOString()).toBe(NOW.toISOString());
  });

  it("made on an earlier day (kept on the phone overnight) is refused, even inside that day's window", async () => {
    const result = await submitInspectionAction(round("2026-12-01#1", at("11:00", "2026-12-01")));
    expect(result).toMatchObject({ ok: false, message: "这条离线记录不是今天做的，已超过补发期限，不能再发送" });
    expect(await db.inspection.count()).toBe(0);
  });

  it("a live submit after the window ended is still refused (the server's clock)", async () => {
    const result = await submitInspectionAction(round(`${DAY}#1`, undefined));
    expect(result).toMatchObject({ ok: false, message: "该时段已结束，已计为漏检" });
  });

  it("sent twice with the same request id (the answer was lost) makes one record and one work order", async () => {
    const input = round(`${DAY}#1`, at("10:05"));
    input.results[1] = { itemId: template.items[1].id, result: "FAIL", note: "筒灯不亮", photoFileIds: [] };
    const first = await submitInspectionAction(input);
    const again = await submitInspectionAction(input);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    expect(again).toEqual(first);
    expect(await db.inspection.count()).toBe(1);
    expect(await db.workOrder.count()).toBe(1);
  });
});

describe("a newspaper delivery signed offline (R-NEWS-2/3)", () => {
  it("counts at its own time, not before the hand-over; a resend with the same signature records it once", async () => {
    await signInAs(world.users.FRONT_DESK);
    const tenant = await db.tenant.create({ data: { siteId: world.siteA, name: "东方贸易有限公司" } });
    const unit = await db.unit.create({
      data: { siteId: world.siteA, code: "B-0301", building: "B座", floor: "03F", status: "OCCUPIED", tenantId: tenant.id },
    });
    const title = await createNewspaperTitleAction({ siteId: world.siteA, name: "人民日报", publisher: "" });
    const titleId = (title as { data: { id: string } }).data.id;
    const subscription = await createNewspaperSubscriptionAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      titleId,
      tenantId: tenant.id,
      unitId: unit.id,
      copies: 1,
      startsOn: "2026-11-20",
      endsOn: "",
    });
    expect(subscription.ok, JSON.stringify(subscription)).toBe(true);
    const received = await receiveNewspapersAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      date: DAY,
      courierName: "邮局老王",
      signatureFileId: await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE"),
      lines: [{ titleId, received: 1 }],
    });
    expect(received.ok, JSON.stringify(received)).toBe(true);
    const day = (await getNewspaperDay(world.siteA, DAY))!;
    // Handed over at 15:00; the front desk walks the floors without a signal and syncs at 17:00.
    expect(await handOverNewspapersAction({ dayId: day.id, deliveryStaffName: "小李" })).toMatchObject({ ok: true });
    vi.setSystemTime(new Date(`${DAY}T17:00:00+08:00`));
    const deliveryId = day.deliveries[0].id;
    const signed = (madeAt: string, signatureFileId: string) => ({ deliveryId, recipientName: "东方前台", signatureFileId, madeAt });

    const early = await deliverNewspaperAction(signed(at("14:30"), await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE")));
    expect(early).toMatchObject({ ok: false, message: "签收时间早于分发明细交接时间，不能登记" });

    const signature = await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE");
    const first = await deliverNewspaperAction(signed(at("16:10"), signature));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const again = await deliverNewspaperAction(signed(at("16:10"), signature));
    expect(again).toEqual(first);
    const delivery = await db.newspaperDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ state: "DELIVERED", signatureFileId: signature });
    expect(delivery.deliveredAt?.toISOString()).toBe(at("16:10"));
    expect(await db.auditLog.count({ where: { entity: "NewspaperDelivery", entityId: deliveryId } })).toBe(1);

    // Another signature for the same paper is not a resend: it was delivered already.
    const other = await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE");
    expect(await deliverNewspaperAction(signed(at("16:20"), other))).toMatchObject({ ok: false, message: "这份报纸已经登记过了" });
    vi.setSystemTime(NOW);
  });
});
