/**
 * Special services against PostgreSQL (§3.3, R-SVC-1..2): the managers' catalogue with exact prices,
 * an order made once whatever the replays, the service done with its payment-notice number and the
 * phone revisit's deadline on the site's calendar, the notice delivered and the client revisited in
 * either order, the list by state with overdue revisits first, the dashboard and the morning reminders.
 * Bad input is refused with a Chinese message under its field and writes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, dateColumn, localDateInZone } from "@/lib/calendar";
import { forgetCalendars, loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { runReminders } from "@/lib/reminders/run";
import { newRequestId } from "@/lib/request-id";
import {
  cancelServiceOrderAction,
  createServiceOrderAction,
  createSpecialServiceAction,
  recordNoticeDeliveryAction,
  recordServiceDoneAction,
  recordServiceRevisitAction,
  updateServiceSettingsAction,
  updateSpecialServiceAction,
} from "@/lib/special-services/actions";
import { listOpenServiceRevisits, serviceRevisitCounts } from "@/lib/special-services/dashboard.queries";
import { getServiceOrder, listServiceOrders } from "@/lib/special-services/queries";
import { revisitDue } from "@/lib/special-services/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";

const TZ = "Asia/Shanghai";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let world: World;
let serviceA: string;
let serviceB: string;

const page1 = { page: 1, skip: 0, take: 20 };
const soon = () => new Date(Date.now() + 2 * DAY).toISOString();

async function counts() {
  const [services, orders, audits] = await Promise.all([db.specialService.count(), db.specialServiceOrder.count(), db.auditLog.count()]);
  return { services, orders, audits };
}

function orderInput(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    siteId: world.siteA,
    serviceId: serviceA,
    tenantId: world.a.tenant,
    unitId: world.a.unit,
    agreedPrice: "180.00",
    scheduledAt: soon(),
    details: "会议室地毯深度清洗",
    ...over,
  };
}

/** An order made through the action as the clerk. */
async function newOrder(over: Record<string, unknown> = {}) {
  await signInAs(world.users.CLERK);
  const result = await createServiceOrderAction(orderInput(over));
  expect(result).toMatchObject({ ok: true });
  return (result as { data: { id: string } }).data.id;
}

/** An order written directly in a given state (list and dashboard tests). */
async function storedOrder(siteId: string, state: "ORDERED" | "DONE" | "CLOSED" | "CANCELLED", revisitDueAt: Date | null, over = {}) {
  const tenant = siteId === world.siteA ? world.a.tenant : world.b.tenant;
  const service = siteId === world.siteA ? serviceA : serviceB;
  const done = state === "DONE" || state === "CLOSED";
  const o = await db.specialServiceOrder.create({
    data: {
      requestId: newRequestId(),
      siteId,
      serviceId: service,
      serviceName: "地毯清洗",
      tenantId: tenant,
      agreedPriceFen: 18000,
      scheduledAt: new Date(Date.now() - 5 * DAY),
      state,
      orderedById: world.users.CLERK,
      doneAt: done ? new Date(Date.now() - 4 * DAY) : null,
      performedBy: done ? "保洁员甲" : null,
      revisitDueAt,
      revisitedAt: state === "CLOSED" ? new Date() : null,
      noticeDeliveredAt: state === "CLOSED" ? new Date() : null,
      ...over,
    },
    select: { id: true },
  });
  return o.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await signInAs(world.users.MANAGER);
  const a = await createSpecialServiceAction({ siteId: world.siteA, name: "地毯清洗", unitLabel: "次", price: "180", description: "" });
  expect(a).toMatchObject({ ok: true });
  serviceA = (a as { data: { id: string } }).data.id;
  serviceB = (
    await db.specialService.create({
      data: { siteId: world.siteB, name: "地毯清洗", unitLabel: "次", priceFen: 18000 },
      select: { id: true },
    })
  ).id;
});

describe("R-SVC-1 the catalogue (managers)", () => {
  beforeEach(() => signInAs(world.users.MANAGER));

  it("keeps the price as exact fen", async () => {
    const r = await createSpecialServiceAction({ siteId: world.siteA, name: "空调清洗", unitLabel: "台", price: "0.29", description: "" });
    expect(r).toMatchObject({ ok: true });
    const row = await db.specialService.findUniqueOrThrow({ where: { id: (r as { data: { id: string } }).data.id } });
    expect(row.priceFen).toBe(29);
  });

  it.each([
    ["-5", "价格不能为负数"],
    ["abc", "价格须为数字金额，例如 120 或 120.50"],
    ["12.345", "价格最多保留两位小数（到分）"],
    ["0", "特约服务为有偿服务，价格须大于 0"],
    ["", "请填写价格"],
  ])("refuses the price %j with a Chinese message next to the field, writing nothing", async (price, message) => {
    const before = await counts();
    const r = await createSpecialServiceAction({ siteId: world.siteA, name: `服务${price}x`, unitLabel: "次", price, description: "" });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { price: message } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second service of the same name on the site, and a site not assigned", async () => {
    const before = await counts();
    expect(await createSpecialServiceAction({ siteId: world.siteA, name: "地毯清洗", unitLabel: "次", price: "1" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: "该项目已有同名的服务项目" },
    });
    expect(await createSpecialServiceAction({ siteId: world.siteB, name: "别的服务", unitLabel: "次", price: "1" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await counts()).toEqual(before);
  });

  it("edits a price from the version the form was loaded with; a stale edit is refused", async () => {
    const r = await createSpecialServiceAction({ siteId: world.siteA, name: "玻璃清洗", unitLabel: "平方米", price: "8" });
    const id = (r as { data: { id: string } }).data.id;
    const edit = { id, version: 0, name: "玻璃清洗", unitLabel: "平方米", price: "8.50", description: "", active: true };
    expect(await updateSpecialServiceAction(edit)).toMatchObject({ ok: true, data: { version: 1 } });
    expect((await db.specialService.findUniqueOrThrow({ where: { id } })).priceFen).toBe(850);
    expect(await updateSpecialServiceAction({ ...edit, price: "9" })).toMatchObject({ ok: false, code: "stale" });
    expect((await db.specialService.findUniqueOrThrow({ where: { id } })).priceFen).toBe(850);
  });

  it("the site's revisit days: 1 to 30 working days", async () => {
    expect(await updateServiceSettingsAction({ siteId: world.siteA, version: 0, revisitWorkingDays: 0 })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await updateServiceSettingsAction({ siteId: world.siteA, version: 0, revisitWorkingDays: 31 })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await updateServiceSettingsAction({ siteId: world.siteB, version: 0, revisitWorkingDays: 5 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.specialServiceSetting.count()).toBe(0);
  });

  it("the site's revisit days: an edit made on an older version is refused as stale, nothing overwritten", async () => {
    expect(await updateServiceSettingsAction({ siteId: world.siteA, version: 0, revisitWorkingDays: 4 })).toMatchObject({
      ok: true,
      data: { version: 1 },
    });
    // A second manager's form, loaded before that save, still says version 0.
    expect(await updateServiceSettingsAction({ siteId: world.siteA, version: 0, revisitWorkingDays: 6 })).toMatchObject({
      ok: false,
      code: "stale",
    });
    expect(await updateServiceSettingsAction({ siteId: world.siteA, version: 1, revisitWorkingDays: 5 })).toMatchObject({ ok: true });
    expect((await db.specialServiceSetting.findUniqueOrThrow({ where: { siteId: world.siteA } })).revisitWorkingDays).toBe(5);
    await db.specialServiceSetting.deleteMany({});
  });
});

describe("an order, made once", () => {
  it("a double submit or a replay of the same request makes one order and one audit row", async () => {
    await signInAs(world.users.FRONT_DESK);
    const input = orderInput();
    const before = await counts();
    const [first, second] = await Promise.all([createServiceOrderAction(input), createServiceOrderAction(input)]);
    const third = await createServiceOrderAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await counts()).toEqual({ ...before, orders: before.orders + 1, audits: before.audits + 1 });
    const row = await db.specialServiceOrder.findUniqueOrThrow({ where: { requestId: input.requestId } });
    expect(row).toMatchObject({ agreedPriceFen: 18000, serviceName: "地毯清洗", state: "ORDERED", orderedById: world.users.FRONT_DESK });

    // Another user's request id is never answered with their order.
    await signInAs(world.users.CLERK);
    expect(await createServiceOrderAction(input)).toMatchObject({ ok: false, code: "conflict" });
  });

  it.each([
    [{ agreedPrice: "-180" }, "agreedPrice", "价格不能为负数"],
    [{ agreedPrice: "一百八" }, "agreedPrice", "价格须为数字金额，例如 120 或 120.50"],
    [{ unitId: "nope" }, "unitId", "请选择本项目的单元"],
    [{ tenantId: "nope" }, "tenantId", "请选择本项目的业户"],
    [{ serviceId: "nope" }, "serviceId", "请选择本项目提供中的服务项目"],
    [{ scheduledAt: new Date(Date.now() - 40 * DAY).toISOString() }, "scheduledAt", "预约时间不能早于 30 天前"],
    [{ scheduledAt: "2026-12-01T10:00" }, "scheduledAt", undefined],
  ])("refuses %j next to %s, writing nothing", async (over, field, message) => {
    await signInAs(world.users.CLERK);
    const before = await counts();
    const r = await createServiceOrderAction(orderInput(over));
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    const fieldErrors = (r as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual([field]);
    if (message) expect(fieldErrors[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses another tenant's unit, a withdrawn service and another site's tenant or order", async () => {
    await signInAs(world.users.CLERK);
    const other = await db.tenant.create({ data: { siteId: world.siteA, name: "另一业户" }, select: { id: true } });
    const withdrawn = await db.specialService.create({
      data: { siteId: world.siteA, name: "已停用服务", unitLabel: "次", priceFen: 100, active: false },
      select: { id: true },
    });
    const before = await counts();
    expect(await createServiceOrderAction(orderInput({ tenantId: other.id }))).toMatchObject({
      ok: false,
      fieldErrors: { unitId: "该单元不属于所选业户" },
    });
    expect(await createServiceOrderAction(orderInput({ serviceId: withdrawn.id }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await createServiceOrderAction(orderInput({ tenantId: world.b.tenant }))).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await createServiceOrderAction(orderInput({ siteId: world.siteB, serviceId: serviceB, tenantId: world.b.tenant })),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const orderB = await storedOrder(world.siteB, "ORDERED", null);
    expect(await recordServiceDoneAction({ orderId: orderB, performedBy: "甲" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.MANAGER);
    expect(await getServiceOrder(orderB)).toBeNull();
    expect(await counts()).toEqual({ ...before, orders: before.orders + 1 });
  });
});

describe("R-SVC-2 service done, payment notice, phone revisit", () => {
  it("a revisit or a delivery before the service is done is refused, nothing written", async () => {
    const id = await newOrder();
    const before = await counts();
    expect(await recordServiceRevisitAction({ orderId: id, contact: "王经理", satisfaction: "SATISFIED", answer: "满意" })).toEqual({
      ok: false,
      code: "conflict",
      message: "服务尚未完成，不能送达缴费通知单或进行回访",
    });
    expect(await recordNoticeDeliveryAction({ orderId: id, deliveredTo: "王经理" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await counts()).toEqual(before);
    expect(await db.specialServiceOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({ revisitedAt: null, noticeDeliveredAt: null });
  });

  it("done: numbered notice per site and day, photos claimed, revisit due in the site's working days; a double click changes nothing", async () => {
    await signInAs(world.users.MANAGER);
    expect(
      await updateServiceSettingsAction({
        siteId: world.siteA,
        version: (await db.specialServiceSetting.findUnique({ where: { siteId: world.siteA } }))?.version ?? 0,
        revisitWorkingDays: 2,
      }),
    ).toMatchObject({ ok: true });
    const first = await newOrder();
    const second = await newOrder();
    const photo = await uploadedFile(world.users.CLERK, world.siteA);
    const doneAt = new Date(Date.now() - HOUR);
    const done = await recordServiceDoneAction({
      orderId: first,
      performedBy: "保洁员张师傅",
      doneAt: doneAt.toISOString(),
      notes: "已完成",
      photoIds: [photo],
    });
    expect(done).toMatchObject({ ok: true });
    const again = await recordServiceDoneAction({ orderId: first, performedBy: "保洁员张师傅" });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect(await recordServiceDoneAction({ orderId: second, performedBy: "李师傅" })).toMatchObject({ ok: true });

    const day = localDateInZone(doneAt, TZ).replaceAll("-", "");
    const [a, b] = await Promise.all([
      db.specialServiceOrder.findUniqueOrThrow({ where: { id: first } }),
      db.specialServiceOrder.findUniqueOrThrow({ where: { id: second } }),
    ]);
    expect(a.noticeNumber).toMatch(new RegExp(`^JF-SA-${day}-\\d{3}$`));
    expect(b.noticeNumber).not.toBe(a.noticeNumber);
    expect(a).toMatchObject({ state: "DONE", performedBy: "保洁员张师傅", photoFileIds: [photo], doneRecordedById: world.users.CLERK });
    expect(await db.fileAttachment.findUnique({ where: { fileId: photo } })).toMatchObject({ entity: "SPECIAL_SERVICE", entityId: first });
    const calendar = (await loadSiteCalendar(world.siteA))!;
    expect(a.revisitDueAt).toEqual(revisitDue(calendar, doneAt, 2).dueAt);

    // The same photo cannot prove a second service.
    const third = await newOrder();
    expect(await recordServiceDoneAction({ orderId: third, performedBy: "甲", photoIds: [photo] })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await db.specialServiceOrder.findUniqueOrThrow({ where: { id: third } })).toMatchObject({
      state: "ORDERED",
      noticeNumber: null,
    });
    await signInAs(world.users.MANAGER);
    await updateServiceSettingsAction({
      siteId: world.siteA,
      version: (await db.specialServiceSetting.findUnique({ where: { siteId: world.siteA } }))?.version ?? 0,
      revisitWorkingDays: 3,
    });
  });

  it("the revisit deadline follows the site's own calendar: a holiday entered for the site is skipped", async () => {
    const calendar = (await loadSiteCalendar(world.siteA))!;
    const now = new Date();
    // The first working day after today becomes a site holiday.
    let next = addDays(calendar.localDateOf(now), 1);
    while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
    const expectedBefore = revisitDue(calendar, now, 3).dueAt;
    await db.calendarOverride.create({ data: { siteId: world.siteA, date: dateColumn(next), kind: "HOLIDAY" } });
    forgetCalendars();
    try {
      const id = await newOrder();
      expect(await recordServiceDoneAction({ orderId: id, performedBy: "甲" })).toMatchObject({ ok: true });
      const order = await db.specialServiceOrder.findUniqueOrThrow({ where: { id } });
      expect(order.revisitDueAt!.getTime()).toBeGreaterThan(expectedBefore.getTime());
      const updated = (await loadSiteCalendar(world.siteA))!;
      expect(order.revisitDueAt).toEqual(revisitDue(updated, order.doneAt!, 3).dueAt);
    } finally {
      await db.calendarOverride.deleteMany({ where: { siteId: world.siteA, date: dateColumn(next) } });
      forgetCalendars();
    }
  });

  it("bad step times are refused next to their field", async () => {
    const id = await newOrder();
    expect(
      await recordServiceDoneAction({ orderId: id, performedBy: "甲", doneAt: new Date(Date.now() + HOUR).toISOString() }),
    ).toMatchObject({ ok: false, fieldErrors: { doneAt: "时间不能晚于当前时间" } });
    expect(await recordServiceDoneAction({ orderId: id, performedBy: "" })).toMatchObject({
      ok: false,
      fieldErrors: { performedBy: "此项为必填项" },
    });
    expect(
      await recordServiceDoneAction({ orderId: id, performedBy: "甲", doneAt: new Date(Date.now() - 2 * HOUR).toISOString() }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await recordNoticeDeliveryAction({ orderId: id, deliveredTo: "王经理", deliveredAt: new Date(Date.now() - 3 * HOUR).toISOString() }),
    ).toMatchObject({ ok: false, fieldErrors: { deliveredAt: "时间不能早于服务完成时间" } });
    expect(
      await recordServiceRevisitAction({
        orderId: id,
        contact: "王经理",
        satisfaction: "SATISFIED",
        answer: "满意",
        revisitedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
      }),
    ).toMatchObject({ ok: false, fieldErrors: { revisitedAt: "时间不能早于服务完成时间" } });
    expect(await recordServiceRevisitAction({ orderId: id, contact: "王经理", satisfaction: "GREAT", answer: "满意" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await db.specialServiceOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({ revisitedAt: null, noticeDeliveredAt: null });
  });

  it("delivered and revisited in either order closes the order; each step counts once", async () => {
    const id = await newOrder();
    await recordServiceDoneAction({ orderId: id, performedBy: "甲" });
    const revisit = { orderId: id, contact: "王经理", satisfaction: "BASICALLY_SATISFIED", answer: "地毯边角还有污渍，总体满意" };
    expect(await recordServiceRevisitAction(revisit)).toMatchObject({ ok: true, data: { closed: false } });
    expect(await recordServiceRevisitAction(revisit)).toMatchObject({ ok: false, code: "conflict", message: "已登记电话回访" });
    await signInAs(world.users.FRONT_DESK);
    // The front desk hands over the notice but does not revisit.
    expect(await recordServiceRevisitAction(revisit)).toMatchObject({ ok: false, code: "forbidden" });
    const delivery = { orderId: id, deliveredTo: "前台李小姐" };
    const [d1, d2] = await Promise.all([recordNoticeDeliveryAction(delivery), recordNoticeDeliveryAction(delivery)]);
    expect([d1.ok, d2.ok].sort()).toEqual([false, true]);
    const row = await db.specialServiceOrder.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      state: "CLOSED",
      noticeDeliveredTo: "前台李小姐",
      noticeDeliveredById: world.users.FRONT_DESK,
      revisitContact: "王经理",
      revisitSatisfaction: "BASICALLY_SATISFIED",
      revisitById: world.users.CLERK,
    });
    expect(await db.auditLog.count({ where: { entity: "SpecialServiceOrder", entityId: id } })).toBe(4);
  });

  it("cancel only before the service is done", async () => {
    await signInAs(world.users.SUPERVISOR);
    const id = await newOrder();
    await signInAs(world.users.SUPERVISOR);
    expect(await cancelServiceOrderAction({ orderId: id, reason: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await cancelServiceOrderAction({ orderId: id, reason: "业户改期另约" })).toMatchObject({ ok: true });
    expect(await recordServiceDoneAction({ orderId: id, performedBy: "甲" })).toMatchObject({ ok: false, message: "该服务已取消" });
    expect(await cancelServiceOrderAction({ orderId: id, reason: "再次" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("tenant contacts only for roles that may read them (§1.9)", async () => {
    const id = await newOrder();
    await signInAs(world.users.CLERK);
    expect((await getServiceOrder(id))!.contact).toMatchObject({ phone: "13800000000" });
    await signInAs(world.users.SUPERVISOR);
    expect((await getServiceOrder(id))!.contact).toBeNull();
  });
});

describe("the list, the dashboard and the reminders", () => {
  let overdueOld: string;
  let overdueNew: string;
  let onTime: string;
  let closed: string;
  let cancelled: string;

  beforeAll(async () => {
    await db.specialServiceOrder.deleteMany({});
    const now = Date.now();
    overdueOld = await storedOrder(world.siteA, "DONE", new Date(now - 3 * DAY));
    overdueNew = await storedOrder(world.siteA, "DONE", new Date(now - DAY));
    onTime = await storedOrder(world.siteA, "DONE", new Date(now + 20 * DAY), { scheduledAt: new Date(now - 6 * DAY) });
    closed = await storedOrder(world.siteA, "CLOSED", new Date(now - 10 * DAY), { scheduledAt: new Date(now - 12 * DAY) });
    cancelled = await storedOrder(world.siteA, "CANCELLED", null, { scheduledAt: new Date(now + DAY) });
    await storedOrder(world.siteB, "DONE", new Date(now - 5 * DAY));
  });

  it("overdue revisits first (oldest deadline first), then the rest by appointment; only the user's sites", async () => {
    await signInAs(world.users.CLERK);
    const all = await listServiceOrders({}, page1);
    expect(all.rows.map((r) => r.id).slice(0, 2)).toEqual([overdueOld, overdueNew]);
    expect(all.rows[0].revisit).toMatchObject({ state: "overdue" });
    expect(all.rows.map((r) => r.id).sort()).toEqual([overdueOld, overdueNew, onTime, closed, cancelled].sort());
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id).slice(2)).toEqual([cancelled, onTime, closed]);
    // Pages run across the two parts without losing or repeating a row.
    const pages = [0, 1, 2, 3, 4].map((i) => listServiceOrders({}, { page: i + 1, skip: i, take: 1 }));
    expect((await Promise.all(pages)).map((p) => p.rows[0].id)).toEqual(all.rows.map((r) => r.id));

    expect((await listServiceOrders({ state: "CLOSED" }, page1)).rows.map((r) => r.id)).toEqual([closed]);
    expect((await listServiceOrders({ revisit: "overdue" }, page1)).rows.map((r) => r.id)).toEqual([overdueOld, overdueNew]);
    expect((await listServiceOrders({ revisit: "open" }, page1)).rows.map((r) => r.id)).toEqual([overdueOld, overdueNew, onTime]);
    // Site B is not the clerk's: asking for it shows their own sites' orders, never B's.
    const asked = await listServiceOrders({ site: world.siteB }, page1);
    expect(asked.rows.every((r) => r.siteId === world.siteA)).toBe(true);
  });

  it("the dashboard: open revisits in the complaint dashboard's states, counted per site; managers only", async () => {
    await signInAs(world.users.MANAGER);
    const list = await listOpenServiceRevisits({}, page1);
    expect(list.rows.map((r) => [r.id, r.dueState])).toEqual([
      [overdueOld, "overdue"],
      [overdueNew, "overdue"],
      [onTime, "on_track"],
    ]);
    expect(list.rows[0]).toMatchObject({ kind: "serviceRevisit", site: { code: "SA" }, tenantName: "业户A" });
    expect((await listOpenServiceRevisits({ due: "on_track" }, page1)).rows.map((r) => r.id)).toEqual([onTime]);
    const c = await serviceRevisitCounts();
    expect(c.total).toEqual({ overdue: 2, due_today: 0, due_soon: 0 });
    expect(c.bySite).toEqual([{ id: world.siteA, label: "测试项目A", cells: { overdue: 2, due_today: 0, due_soon: 0 } }]);
    await signInAs(world.users.CLERK);
    await expect(serviceRevisitCounts()).rejects.toThrow("forbidden");
  });

  it("the morning reminders cover overdue revisits, once per person and day", async () => {
    const now = new Date();
    const first = await runReminders(now, [world.siteA]);
    const rows = await db.notification.findMany({
      where: { kind: "reminder.serviceRevisit.overdue" },
      select: { userId: true, link: true, title: true },
    });
    const links = new Set(rows.map((r) => r.link));
    expect(links).toEqual(new Set([`/special-services/${overdueOld}`, `/special-services/${overdueNew}`]));
    // Client-service staff who may revisit; not the front desk, the engineer or the admin.
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([world.users.MANAGER, world.users.SUPERVISOR, world.users.CLERK]));
    expect(rows[0].title).toMatch(/^已逾期：特约服务“地毯清洗”（业户A）电话回访未完成$/);
    expect(first.created).toBeGreaterThanOrEqual(6);
    expect(await runReminders(now, [world.siteA])).toMatchObject({ created: 0 });
  });
});
