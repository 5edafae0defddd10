/**
 * The front desk's newspaper day against PostgreSQL (§9, R-NEWS-1..3): titles and subscriptions, the
 * receipt with its shortfall, the distribution list in building / floor / unit order, deliveries signed or
 * held, pick-up later, and the close that refuses a day that does not reconcile. Bad input is refused
 * with a Chinese message next to the field and nothing written; replays change nothing twice.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import {
  closeNewspaperDayAction,
  createNewspaperSubscriptionAction,
  createNewspaperTitleAction,
  deliverNewspaperAction,
  handOverNewspapersAction,
  holdNewspaperAction,
  pickUpNewspaperAction,
  receiveNewspapersAction,
  updateNewspaperSubscriptionAction,
} from "@/lib/newspapers/actions";
import { getNewspaperDay, heldPapers, listNewspaperDays } from "@/lib/newspapers/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";
import { currentVersion } from "../support/versions";

let world: World;
const TZ = "Asia/Shanghai";
const today = () => localDateInZone(new Date(), TZ);

const signature = (userId = world.users.FRONT_DESK, siteId = world.siteA) => uploadedFile(userId, siteId, "SIGNATURE");

/** Three more tenants on site A, in B座 / A座 so the list order is visible. */
async function tenants() {
  const make = async (name: string, code: string, building: string, floor: string) => {
    const tenant = await db.tenant.create({ data: { siteId: world.siteA, name } });
    const unit = await db.unit.create({ data: { siteId: world.siteA, code, building, floor, status: "OCCUPIED", tenantId: tenant.id } });
    return { tenant: tenant.id, unit: unit.id };
  };
  return {
    east: await make("东方贸易有限公司", "B-0301", "B座", "03F"),
    west: await make("西城科技有限公司", "A-1001", "A座", "10F"),
    south: await make("南华咨询有限公司", "A-0201", "A座", "02F"),
  };
}

async function title(name: string) {
  const r = await createNewspaperTitleAction({ siteId: world.siteA, name, publisher: "" });
  expect(r).toMatchObject({ ok: true });
  return (r as { data: { id: string } }).data.id;
}

async function subscribe(
  titleId: string,
  who: { tenant: string; unit: string },
  copies: number,
  startsOn = addDays(today(), -10),
  endsOn = "",
) {
  const r = await createNewspaperSubscriptionAction({
    requestId: newRequestId(),
    siteId: world.siteA,
    titleId,
    tenantId: who.tenant,
    unitId: who.unit,
    copies,
    startsOn,
    endsOn,
  });
  expect(r).toMatchObject({ ok: true });
  return (r as { data: { id: string } }).data.id;
}

async function receive(lines: { titleId: string; received: number | string }[], over: Record<string, unknown> = {}) {
  return receiveNewspapersAction({
    requestId: newRequestId(),
    siteId: world.siteA,
    date: today(),
    courierName: "邮局老王",
    signatureFileId: await signature(),
    lines,
    ...over,
  });
}

const counts = async () => ({
  days: await db.newspaperDay.count(),
  deliveries: await db.newspaperDelivery.count({ where: { state: { not: "PENDING" } } }),
  subs: await db.newspaperSubscription.count(),
  audit: await db.auditLog.count(),
});

beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
  await signInAs(world.users.FRONT_DESK);
});

describe("a front-desk day (R-NEWS-1..3)", () => {
  it("receives with a shortfall, hands over, delivers, holds a household's papers at once, refuses a wrong close, closes, and the held papers are picked up later with one signature", async () => {
    const t = await tenants();
    const renmin = await title("人民日报");
    const xinmin = await title("新民晚报");
    const jiefang = await title("解放日报");
    await subscribe(renmin, t.east, 2);
    await subscribe(renmin, t.west, 1);
    await subscribe(renmin, t.south, 1);
    await subscribe(xinmin, t.west, 1);

    // R-NEWS-1: 人民日报 3 of 4 expected came; 解放日报 came without any subscription (to return).
    const received = await receive([
      { titleId: renmin, received: 3 },
      { titleId: xinmin, received: 1 },
      { titleId: jiefang, received: 2 },
    ]);
    expect(received).toMatchObject({ ok: true, message: "已签收，分发明细已生成" });
    const view = (await getNewspaperDay(world.siteA, today()))!;
    expect(view.lines.map((l) => [l.titleName, l.expected, l.received, l.shortfall])).toEqual(
      expect.arrayContaining([
        ["人民日报", 4, 3, 1],
        ["新民晚报", 1, 1, 0],
        ["解放日报", 0, 2, 0],
      ]),
    );
    // R-NEWS-2: building / floor / unit order; the shortfall leaves the tenant that no longer fits SHORT.
    expect(view.deliveries.map((d) => [d.unitCode, d.titleName, d.state])).toEqual([
      ["A-0201", "人民日报", "PENDING"],
      ["A-1001", "人民日报", "PENDING"],
      ["A-1001", "新民晚报", "PENDING"],
      ["B-0301", "人民日报", "SHORT"],
    ]);

    const [south, westRenmin, westXinmin] = view.deliveries;
    // Deliveries wait for the hand-over to the delivery staff.
    expect(await holdNewspaperAction({ deliveryId: south.id })).toMatchObject({ ok: false, message: "请先把分发明细交给送报人员" });
    expect(await handOverNewspapersAction({ dayId: view.id, deliveryStaffName: "小李" })).toMatchObject({ ok: true });
    expect(await handOverNewspapersAction({ dayId: view.id, deliveryStaffName: "小李" })).toMatchObject({ ok: false, code: "conflict" });

    expect(
      await deliverNewspaperAction({ deliveryId: south.id, recipientName: "南华前台", signatureFileId: await signature() }),
    ).toMatchObject({
      ok: true,
    });
    // A double tap changes nothing twice.
    expect(
      await deliverNewspaperAction({ deliveryId: south.id, recipientName: "南华前台", signatureFileId: await signature() }),
    ).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const close = (returned: Record<string, number>) =>
      closeNewspaperDayAction({ dayId: view.id, returned: Object.entries(returned).map(([titleId, r]) => ({ titleId, returned: r })) });
    // Two papers are still pending: no close.
    expect(await close({ [renmin]: 1, [xinmin]: 0, [jiefang]: 2 })).toMatchObject({
      ok: false,
      message: "还有 2 份待投递，全部投递或暂存后才能结账",
    });
    // R-NEWS-3: one stop per household: "absent" at A-1001 holds both its titles, audited each.
    expect(await holdNewspaperAction({ deliveryId: westRenmin.id })).toMatchObject({ ok: true, message: "已登记暂存于前台" });
    const westStates = await db.newspaperDelivery.findMany({
      where: { id: { in: [westRenmin.id, westXinmin.id] } },
      select: { state: true },
    });
    expect(westStates.map((d) => d.state)).toEqual(["HELD", "HELD"]);
    expect(await db.auditLog.count({ where: { entity: "NewspaperDelivery", entityId: { in: [westRenmin.id, westXinmin.id] } } })).toBe(2);
    expect(await holdNewspaperAction({ deliveryId: westXinmin.id })).toMatchObject({ ok: false, code: "conflict" });

    // 人民日报: 3 received = 1 delivered + 1 held + 1 returned; typing 0 returned does not reconcile.
    const wrong = await close({ [renmin]: 0, [xinmin]: 0, [jiefang]: 2 });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { "returned.0.returned": "《人民日报》对不上：实到 3 份 ≠ 已投递 1 + 暂存 1 + 退回 0，差 1 份" },
    });
    expect((await db.newspaperDay.findUniqueOrThrow({ where: { id: view.id } })).closedAt).toBeNull();
    expect(await close({ [renmin]: 1, [xinmin]: 0, [jiefang]: 2 })).toMatchObject({ ok: true, message: "当日已结账" });
    expect(await close({ [renmin]: 1, [xinmin]: 0, [jiefang]: 2 })).toMatchObject({ ok: false, code: "conflict" });

    // R-NEWS-3: the held papers stay on the desk's list after the close, picked up later, signed then.
    expect((await heldPapers(world.siteA)).map((h) => [h.unitCode, h.papers.map((p) => p.titleName).sort()])).toEqual([
      ["A-1001", ["人民日报", "新民晚报"]],
    ]);
    expect(await pickUpNewspaperAction({ deliveryId: westRenmin.id, pickupName: "西城小张", signatureFileId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { signatureFileId: "投递须由收件人签字确认" },
    });
    expect(
      await pickUpNewspaperAction({ deliveryId: westRenmin.id, pickupName: "西城小张", signatureFileId: await signature() }),
    ).toMatchObject({
      ok: true,
    });
    // One signature covers the household's held papers of that day.
    expect(await heldPapers(world.siteA)).toEqual([]);
    const pickedUp = await db.newspaperDelivery.findMany({
      where: { id: { in: [westRenmin.id, westXinmin.id] } },
      select: { state: true, pickupSignatureFileId: true },
    });
    expect(pickedUp.map((d) => d.state)).toEqual(["PICKED_UP", "PICKED_UP"]);
    expect(new Set(pickedUp.map((d) => d.pickupSignatureFileId)).size).toBe(1);
    const after = (await getNewspaperDay(world.siteA, today()))!;
    const renminLine = after.lines.find((l) => l.titleId === renmin)!;
    // Picked up later still counts as held that day: the day still reconciles.
    expect([renminLine.received, renminLine.delivered, renminLine.held, renminLine.returned, renminLine.difference]).toEqual([
      3, 1, 1, 1, 0,
    ]);
    const [listed] = (await listNewspaperDays(world.siteA, { skip: 0, take: 10 })).rows;
    expect(listed).toMatchObject({ closed: true, received: 6, expected: 5, delivered: 1, held: 2, stillHeld: 0, returned: 3 });
  });

  it("replaying a receipt returns the same day; a second receipt for the same site and day is refused", async () => {
    const t = await tenants();
    const renmin = await title("人民日报");
    await subscribe(renmin, t.east, 1);
    const input = {
      requestId: newRequestId(),
      siteId: world.siteA,
      date: today(),
      courierName: "老王",
      signatureFileId: await signature(),
      lines: [{ titleId: renmin, received: 1 }],
    };
    const first = await receiveNewspapersAction(input);
    const again = await receiveNewspapersAction(input);
    expect(again).toEqual(first);
    expect(await db.newspaperDelivery.count()).toBe(1);
    const before = await counts();
    expect(await receive([{ titleId: renmin, received: 1 }])).toMatchObject({
      ok: false,
      fieldErrors: { date: "该项目这一天的报纸已经签收过了" },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("bad input is refused next to the field and writes nothing", () => {
  it("a delivery without a signature", async () => {
    const t = await tenants();
    const renmin = await title("人民日报");
    await subscribe(renmin, t.east, 1);
    await receive([{ titleId: renmin, received: 1 }]);
    const day = (await getNewspaperDay(world.siteA, today()))!;
    await handOverNewspapersAction({ dayId: day.id, deliveryStaffName: "小李" });
    const before = await counts();
    const result = await deliverNewspaperAction({ deliveryId: day.deliveries[0].id, recipientName: "东方前台", signatureFileId: "" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { signatureFileId: "投递须由收件人签字确认" } });
    // Somebody else's signature file is not a signature either.
    const other = await signature(world.users.CLERK);
    expect(
      await deliverNewspaperAction({ deliveryId: day.deliveries[0].id, recipientName: "东方前台", signatureFileId: other }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { signatureFileId: "照片或签名无效：只能使用您本人为本项目上传的文件，请重新上传" },
    });
    expect(await counts()).toEqual(before);
    expect((await db.newspaperDelivery.findFirstOrThrow()).state).toBe("PENDING");
  });

  it("zero or negative quantities, a receipt dated in the future, a receipt without the front desk's signature", async () => {
    const renmin = await title("人民日报");
    const before = await counts();
    expect(await receive([{ titleId: renmin, received: 0 }])).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.received": "份数须为正整数（大于 0）；未送到的报刊请留空" },
    });
    expect(await receive([{ titleId: renmin, received: -2 }])).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.received": expect.stringContaining("正整数") },
    });
    expect(await receive([{ titleId: renmin, received: "1.5" }])).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.received": "份数须为整数" },
    });
    expect(await receive([{ titleId: renmin, received: 3 }], { date: addDays(today(), 1) })).toMatchObject({
      ok: false,
      fieldErrors: { date: "不能签收未来日期的报纸" },
    });
    expect(await receive([{ titleId: renmin, received: 3 }], { signatureFileId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { signatureFileId: "前台接待须签名确认收报" },
    });
    expect(await receive([{ titleId: renmin, received: 3 }], { courierName: " " })).toMatchObject({
      ok: false,
      fieldErrors: { courierName: "请填写送报工作人员姓名" },
    });
    expect(await counts()).toEqual(before);
  });

  it("subscriptions: a unit that is not the tenant's or of another site, an end before the start, zero copies", async () => {
    const t = await tenants();
    const renmin = await title("人民日报");
    const before = await counts();
    const sub = (over: Record<string, unknown>) =>
      createNewspaperSubscriptionAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        titleId: renmin,
        tenantId: t.east.tenant,
        unitId: t.east.unit,
        copies: 1,
        startsOn: today(),
        endsOn: "",
        ...over,
      });
    expect(await sub({ unitId: t.west.unit })).toMatchObject({ ok: false, fieldErrors: { unitId: "该单元不是此业户的单元" } });
    expect(await sub({ unitId: world.b.unit })).toMatchObject({ ok: false, fieldErrors: { unitId: "单元不属于本项目" } });
    expect(await sub({ tenantId: world.b.tenant, unitId: world.b.unit })).toMatchObject({
      ok: false,
      fieldErrors: { tenantId: "业户不存在或不属于本项目" },
    });
    expect(await sub({ endsOn: addDays(today(), -1) })).toMatchObject({ ok: false, fieldErrors: { endsOn: "止订日不能早于起订日" } });
    expect(await sub({ copies: 0 })).toMatchObject({ ok: false, fieldErrors: { copies: "份数须为正整数（大于 0）" } });
    expect(await sub({ copies: -1 })).toMatchObject({ ok: false, fieldErrors: { copies: expect.stringContaining("正整数") } });
    expect(await sub({ siteId: world.siteB, tenantId: world.b.tenant, unitId: world.b.unit })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await createNewspaperTitleAction({ siteId: world.siteA, name: "人民日报", publisher: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: "本项目已有同名报刊" },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("days in the site's time zone (R-CAL-2)", () => {
  it("'today' is the site's local date: a site 14 hours ahead of UTC may already receive tomorrow's UTC date", async () => {
    await db.site.update({ where: { id: world.siteA }, data: { timeZone: "Pacific/Kiritimati" } });
    const local = localDateInZone(new Date(), "Pacific/Kiritimati");
    const renmin = await title("人民日报");
    expect(await receive([{ titleId: renmin, received: 1 }], { date: local })).toMatchObject({ ok: true });
    expect(await receive([{ titleId: renmin, received: 1 }], { date: addDays(local, 1) })).toMatchObject({
      ok: false,
      fieldErrors: { date: "不能签收未来日期的报纸" },
    });
  });

  it("a subscription runs through its end date inclusive and not a day longer; a later change keeps the past day's snapshot", async () => {
    const t = await tenants();
    const renmin = await title("人民日报");
    const end = addDays(today(), -3);
    const subId = await subscribe(renmin, t.east, 2, addDays(today(), -30), end);
    await subscribe(renmin, t.west, 1, end, "");
    expect(await receive([{ titleId: renmin, received: 3 }], { date: end })).toMatchObject({ ok: true });
    expect(await receive([{ titleId: renmin, received: 1 }], { date: addDays(end, 1) })).toMatchObject({ ok: true });
    const onEnd = (await getNewspaperDay(world.siteA, end))!;
    const after = (await getNewspaperDay(world.siteA, addDays(end, 1)))!;
    expect(onEnd.deliveries.map((d) => d.tenantName).sort()).toEqual(["东方贸易有限公司", "西城科技有限公司"]);
    expect(onEnd.lines[0].expected).toBe(3);
    expect(after.deliveries.map((d) => d.tenantName)).toEqual(["西城科技有限公司"]);
    expect(
      await updateNewspaperSubscriptionAction({
        id: subId,
        version: await currentVersion("newspaperSubscription", subId),
        copies: 5,
        startsOn: addDays(today(), -30),
        endsOn: end,
      }),
    ).toMatchObject({
      ok: true,
    });
    const again = (await getNewspaperDay(world.siteA, end))!;
    expect(again.lines[0].expected).toBe(3);
    expect(again.deliveries.find((d) => d.tenantName === "东方贸易有限公司")!.copies).toBe(2);
  });
});
