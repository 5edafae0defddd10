/**
 * Waste against PostgreSQL (§12, §13, R-WST-1..3): managers set up collection points, containers and
 * each stream's owner and period; client service logs clearances with a receipt photo; a stream in use
 * and not cleared within its period is flagged and reminded; late clearances are marked in the log.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, createCalendar, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { pageRequest } from "@/lib/pagination";
import {
  createWasteContainerAction,
  createWastePointAction,
  recordWasteClearanceAction,
  retireWasteContainerAction,
  saveWasteStreamAction,
  updateWastePointAction,
} from "@/lib/waste/actions";
import { listClearances, wasteOverview } from "@/lib/waste/queries";
import { wasteReminders } from "@/lib/waste/reminders";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const TZ = "Asia/Shanghai";
let world: World;
const today = () => localDateInZone(new Date(), TZ);

function clearance(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    siteId: world.siteA,
    stream: "RECYCLABLE",
    clearedOn: today(),
    quantity: "85.5",
    unit: "KG",
    takenBy: "绿源再生资源回收站",
    receiptFileId: "",
    note: "",
    ...over,
  };
}

async function point(name = "B1 垃圾房") {
  await signInAs(world.users.MANAGER);
  const result = await createWastePointAction({ siteId: world.siteA, name, location: "B1 东侧" });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

async function container(pointId: string, stream: string, label: string, daysAgo = 30) {
  await signInAs(world.users.MANAGER);
  const result = await createWasteContainerAction({ pointId, stream, label });
  if (!result.ok) throw new Error(result.message);
  // In use since `daysAgo` (the container was set up then).
  await db.wasteContainer.update({ where: { id: result.data.id }, data: { createdAt: new Date(Date.now() - daysAgo * 86_400_000) } });
  return result.data.id;
}

const written = async () => ({
  clearances: await db.wasteClearance.count(),
  points: await db.wasteCollectionPoint.count(),
  containers: await db.wasteContainer.count(),
  settings: await db.wasteStreamSetting.count(),
  audits: await db.auditLog.count({ where: { entity: { startsWith: "Waste" } } }),
});

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

beforeEach(async () => {
  await db.wasteClearance.deleteMany();
  await db.wasteContainer.deleteMany();
  await db.wasteCollectionPoint.deleteMany();
  await db.wasteStreamSetting.deleteMany();
  await db.notification.deleteMany();
});

describe("set-up: points, containers, owners and periods (R-WST-1)", () => {
  it("creates and edits a point; a duplicate name, a stale edit and another site are refused", async () => {
    const id = await point();
    expect(await createWastePointAction({ siteId: world.siteA, name: "B1 垃圾房" })).toMatchObject({
      ok: false,
      fieldErrors: { name: "本项目已有同名站点" },
    });
    expect(await createWastePointAction({ siteId: world.siteB, name: "大堂" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateWastePointAction({ id, version: 0, name: "B1 分类站点", location: "", active: true })).toMatchObject({
      ok: true,
      data: { version: 1 },
    });
    expect(await updateWastePointAction({ id, version: 0, name: "别名", location: "", active: true })).toMatchObject({
      ok: false,
      code: "stale",
    });
    expect(await db.wasteCollectionPoint.findUnique({ where: { id } })).toMatchObject({ name: "B1 分类站点", location: null });
  });

  it("adds containers to an open point only, with unique labels; retires a container once", async () => {
    const id = await point();
    const box = await container(id, "BATTERIES", "电池回收箱");
    expect(await createWasteContainerAction({ pointId: id, stream: "BATTERIES", label: "电池回收箱" })).toMatchObject({
      ok: false,
      fieldErrors: { label: "该站点已有同名容器" },
    });
    expect(await createWasteContainerAction({ pointId: id, stream: "GLASS", label: "玻璃" })).toMatchObject({
      ok: false,
      fieldErrors: { stream: "请选择废弃物类别" },
    });
    expect(await retireWasteContainerAction({ containerId: box })).toMatchObject({ ok: true });
    expect(await retireWasteContainerAction({ containerId: box })).toMatchObject({ ok: false, code: "conflict" });
    await updateWastePointAction({ id, version: 0, name: "B1 垃圾房", location: "", active: false });
    expect(await createWasteContainerAction({ pointId: id, stream: "TONER", label: "墨盒箱" })).toMatchObject({
      ok: false,
      fieldErrors: { pointId: "站点已停用，不能新增容器" },
    });
  });

  it("sets a stream's owner and period; the defaults follow §12 until then", async () => {
    await signInAs(world.users.MANAGER);
    const before = await wasteOverview({ site: world.siteA });
    expect(before.find((s) => s.stream === "BATTERIES")).toMatchObject({ responsible: "ENGINEERING", clearanceDays: 90, version: 0 });
    expect(before.find((s) => s.stream === "TONER")).toMatchObject({ responsible: "ADMIN_HR" });
    const input = {
      siteId: world.siteA,
      stream: "BATTERIES",
      version: 0,
      responsible: "ENGINEERING",
      responsibleName: "孙志强",
      clearanceDays: "30",
    };
    expect(await saveWasteStreamAction(input)).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await saveWasteStreamAction({ ...input, clearanceDays: 45 })).toMatchObject({ ok: false, code: "stale" });
    expect(await saveWasteStreamAction({ ...input, version: 1, clearanceDays: 0 })).toMatchObject({
      ok: false,
      fieldErrors: { clearanceDays: "清运周期须为 1–365 天的整数" },
    });
    expect(await saveWasteStreamAction({ ...input, siteId: world.siteB })).toMatchObject({ ok: false, code: "not_found" });
    const after = await wasteOverview({ site: world.siteA });
    expect(after.find((s) => s.stream === "BATTERIES")).toMatchObject({ responsibleName: "孙志强", clearanceDays: 30, version: 1 });
  });
});

describe("clearances (R-WST-2/3)", () => {
  it("records a clearance with its receipt photo once; a replay writes nothing", async () => {
    await signInAs(world.users.CLERK);
    const receipt = await uploadedFile(world.users.CLERK, world.siteA);
    const input = clearance({ receiptFileId: receipt });
    const first = await recordWasteClearanceAction(input);
    expect(first).toMatchObject({ ok: true });
    const before = await written();
    expect(await recordWasteClearanceAction(input)).toEqual(first);
    expect(await written()).toEqual(before);
    expect(await db.fileAttachment.findUnique({ where: { fileId: receipt } })).toMatchObject({ entity: "WASTE_CLEARANCE" });
    const row = await db.wasteClearance.findFirstOrThrow();
    expect(row.quantity.toString()).toBe("85.5");
  });

  it("refuses a negative, non-numeric or over-precise quantity, a future day, a missing collector and another site", async () => {
    await signInAs(world.users.CLERK);
    const before = await written();
    expect(await recordWasteClearanceAction(clearance({ quantity: "-3" }))).toMatchObject({
      ok: false,
      fieldErrors: { quantity: "数量须大于 0" },
    });
    expect(await recordWasteClearanceAction(clearance({ quantity: "十公斤" }))).toMatchObject({
      ok: false,
      fieldErrors: { quantity: "数量须为数字" },
    });
    expect(await recordWasteClearanceAction(clearance({ quantity: "1.234" }))).toMatchObject({
      ok: false,
      fieldErrors: { quantity: "数量最多保留两位小数" },
    });
    expect(await recordWasteClearanceAction(clearance({ clearedOn: addDays(today(), 1) }))).toMatchObject({
      ok: false,
      fieldErrors: { clearedOn: "清运日期不能晚于今天" },
    });
    expect(await recordWasteClearanceAction(clearance({ takenBy: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { takenBy: "请填写清运或回收单位" },
    });
    expect(await recordWasteClearanceAction(clearance({ siteId: world.siteB }))).toMatchObject({ ok: false, code: "not_found" });
    const otherSite = await uploadedFile(world.users.CLERK, world.siteB);
    expect(await recordWasteClearanceAction(clearance({ receiptFileId: otherSite }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await written()).toEqual(before);
  });

  it("flags a stream in use that was not cleared within its period; a stream without containers is never flagged", async () => {
    const id = await point();
    await container(id, "RECYCLABLE", "可回收物桶", 30);
    await container(id, "TONER", "墨盒箱", 10);
    await signInAs(world.users.CLERK);
    await recordWasteClearanceAction(clearance({ clearedOn: addDays(today(), -9) }));
    const streams = await wasteOverview({});
    // Recyclables every 7 days: last cleared 9 days ago → 2 days overdue.
    expect(streams.find((s) => s.stream === "RECYCLABLE")).toMatchObject({ state: "OVERDUE", daysOverdue: 2, dueOn: addDays(today(), -2) });
    // Toner every 60 days, box set up 10 days ago: on schedule.
    expect(streams.find((s) => s.stream === "TONER")).toMatchObject({ state: "OK" });
    expect(streams.find((s) => s.stream === "BATTERIES")).toMatchObject({ state: "NOT_IN_USE" });
    await recordWasteClearanceAction(clearance());
    expect((await wasteOverview({})).find((s) => s.stream === "RECYCLABLE")).toMatchObject({ state: "OK" });
  });

  it("marks late clearances in the log, against the clearance before them", async () => {
    const id = await point();
    await container(id, "RECYCLABLE", "可回收物桶", 40);
    await signInAs(world.users.CLERK);
    for (const daysAgo of [30, 23, 12, 5]) await recordWasteClearanceAction(clearance({ clearedOn: addDays(today(), -daysAgo) }));
    await recordWasteClearanceAction(
      clearance({ stream: "TONER", clearedOn: addDays(today(), -1), quantity: "12", unit: "PIECE", takenBy: "办公耗材供应商" }),
    );
    const log = await listClearances({ stream: "RECYCLABLE" }, pageRequest("1"));
    expect(log.total).toBe(4);
    expect(log.rows.map((r) => [r.clearedOn, r.lateBy])).toEqual([
      [addDays(today(), -5), 0],
      [addDays(today(), -12), 4],
      [addDays(today(), -23), 0],
      [addDays(today(), -30), 3],
    ]);
    expect((await listClearances({}, pageRequest("1"))).total).toBe(5);
    expect((await listClearances({ q: "绿源" }, pageRequest("1"))).total).toBe(4);
  });
});

describe("waste reminders (R-WST-2)", () => {
  it("tell the site's managers and cleaning supervisor of overdue streams, once a day", async () => {
    const id = await point();
    await container(id, "NON_RECYCLABLE", "不可回收物桶", 5);
    const calendars = new Map([[world.siteA, createCalendar({ timeZone: TZ, overrides: [], officialYears: [] })]]);
    const members = [
      { userId: world.users.MANAGER, role: "MANAGER" as const, disabled: false },
      { userId: world.users.SUPERVISOR, role: "SUPERVISOR" as const, disabled: false, duty: "CLEANING" as const },
      { userId: world.users.CLERK, role: "CLERK" as const, disabled: false },
    ];
    const { rows, reminders } = await wasteReminders.collect({
      now: new Date(),
      sites: [{ id: world.siteA, name: "测试项目A" }],
      calendars,
      membersOf: () => members,
    });
    expect(reminders).toBe(1);
    expect(rows.map((r) => r.userId).sort()).toEqual([world.users.MANAGER, world.users.SUPERVISOR].sort());
    expect(rows[0]).toMatchObject({ kind: "waste.overdue", link: "/waste", title: "1 类废弃物逾期未清运" });
    expect(rows[0].body).toContain("不可回收物逾期 4 天");
  });
});
