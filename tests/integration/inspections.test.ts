/**
 * Supervisor rounds against PostgreSQL (R-INS-1..5): a check with an equipment failure opens a work
 * order in the same transaction; a slot is checked once; the items must match the current checklist
 * version; future slots, other sites' areas and other duties are refused with nothing written.
 *
 * Site A's slots are widened to the whole day (and weekends) and the clock is fixed on a working morning
 * (tests/support/clock.ts), so "now" is inside slot 1 of today whatever the hour of the run; future and
 * ended windows use tomorrow's and yesterday's keys.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addDays, createCalendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import { submitInspectionAction } from "@/lib/inspections/actions";
import { getInspectionCheck } from "@/lib/inspections/check.queries";
import { checklistFor, todayRounds } from "@/lib/inspections/queries";
import { fixClock } from "../support/clock";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
let world: World;
let coordinator: string;
let oldTemplate: { id: string; items: { id: string }[] };
let template: { id: string; items: { id: string; equipment: boolean }[] };

const today = () => shanghai.localDateOf(new Date());
const slot1 = () => `${today()}#1`;

const photo = (userId: string, kind: "PHOTO" | "SIGNATURE" = "PHOTO", siteId = world.siteA) => uploadedFile(userId, siteId, kind);

/** A valid check of the lobby: every item passes, except what `over` changes. */
function check(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    areaId: world.a.area,
    periodKey: slot1(),
    templateId: template.id,
    results: template.items.map((i) => ({ itemId: i.id, result: "PASS", note: "", photoFileIds: [] as string[] })),
    ...over,
  };
}

async function counts() {
  const [inspections, results, workOrders, audits] = await Promise.all([
    db.inspection.count(),
    db.inspectionResult.count(),
    db.workOrder.count(),
    db.auditLog.count({ where: { entity: { in: ["Inspection", "WorkOrder"] } } }),
  ]);
  return { inspections, results, workOrders, audits };
}

beforeAll(async () => {
  fixClock();
  await resetDatabase();
  world = await buildWorld();
  await db.site.update({
    where: { id: world.siteA },
    data: { slot1Start: "00:00", slot1End: "23:59", slot2Start: "00:00", slot2End: "23:59", inspectOnWeekends: true },
  });
  await db.site.update({ where: { id: world.siteB }, data: { inspectOnWeekends: true } });
  // The coordination supervisor of site B also has site A (to show that duty, not site, refuses them).
  const user = await db.user.create({
    data: {
      username: "coordinator",
      name: "协调主管",
      role: "SUPERVISOR",
      duty: "COORDINATION",
      passwordHash: "x",
      sites: { create: [{ siteId: world.siteA }] },
    },
  });
  coordinator = user.id;
  oldTemplate = await db.checklistTemplate.create({
    data: {
      areaType: "LOBBY",
      version: 1,
      current: false,
      items: { create: [{ position: 1, label: "地面清洁" }] },
    },
    select: { id: true, items: { select: { id: true } } },
  });
  template = await db.checklistTemplate.create({
    data: {
      areaType: "LOBBY",
      version: 2,
      current: true,
      items: {
        create: [
          { position: 1, label: "地面清洁无污渍" },
          { position: 2, label: "照明灯具完好", equipment: true },
          { position: 3, label: "无乱贴乱画" },
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

describe("a valid round", () => {
  it("records the check, opens a work order for the failed equipment item, and audits both", async () => {
    const lamp = template.items[1];
    const photoId = await photo(world.users.SUPERVISOR);
    const before = Date.now();
    const input = check();
    input.results[1] = { itemId: lamp.id, result: "FAIL", note: "东侧筒灯不亮", photoFileIds: [photoId] };
    input.results[2] = { ...input.results[2], result: "FAIL", note: "电梯口有小广告" };
    const result = await submitInspectionAction(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { failures: 2 } });
    const { id } = (result as { data: { id: string } }).data;

    const inspection = await db.inspection.findUniqueOrThrow({ where: { id }, include: { results: true } });
    expect(inspection).toMatchObject({
      siteId: world.siteA,
      areaId: world.a.area,
      periodKey: slot1(),
      templateId: template.id,
      supervisorId: world.users.SUPERVISOR,
      failures: 2,
    });
    expect(inspection.checkedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(inspection.results).toHaveLength(3);

    // R-INS-5: only the equipment item becomes a work order, with area, item, note and photos.
    const orders = await db.workOrder.findMany();
    expect(orders).toHaveLength(1);
    const lampResult = inspection.results.find((r) => r.itemId === lamp.id)!;
    expect(orders[0]).toMatchObject({
      siteId: world.siteA,
      areaId: world.a.area,
      resultId: lampResult.id,
      state: "OPEN",
      photoFileIds: [photoId],
      createdById: world.users.SUPERVISOR,
    });
    expect(orders[0].number).toBe(`WO-SA-${today().replaceAll("-", "")}-001`);
    expect(orders[0].description).toContain("大堂A");
    expect(orders[0].description).toContain("照明灯具完好");
    expect(orders[0].description).toContain("东侧筒灯不亮");

    const audits = await db.auditLog.findMany({ where: { entity: { in: ["Inspection", "WorkOrder"] } } });
    expect(audits.map((a) => `${a.entity}:${a.action}`).toSorted()).toEqual(["Inspection:CREATE", "WorkOrder:CREATE"]);
    expect(audits.every((a) => a.actorId === world.users.SUPERVISOR && a.siteId === world.siteA)).toBe(true);

    // The today page shows the slot done, and the checklist is closed for it.
    const rounds = await todayRounds();
    const lobby = rounds
      .find((s) => s.id === world.siteA)!
      .groups.flatMap((g) => g.areas)
      .find((a) => a.id === world.a.area)!;
    expect(lobby.windows.map((w) => w.state)).toEqual(["done", "due_now"]);
    expect(lobby.windows[0]).toMatchObject({ slug: `${today()}-1`, failures: 2 });
    const page = await checklistFor(world.a.area, slot1());
    expect(page).toMatchObject({ window: { state: "done", open: false }, inspection: { failures: 2 } });
    expect(lobby.windows[0].inspectionId).toBe(id);

    // The check's page: failed items first (in checklist order) with note, photos and work order; who and when.
    const results = await getInspectionCheck(id);
    expect(results).toMatchObject({ failures: 2, supervisor: "测试SUPERVISOR", periodKey: slot1() });
    expect(results!.results.map((r) => r.failed)).toEqual([true, true, false]);
    expect(results!.results[0]).toMatchObject({
      equipment: true,
      note: "东侧筒灯不亮",
      photoFileIds: [photoId],
      workOrder: { number: orders[0].number },
    });
    expect(results!.results[1]).toMatchObject({ note: "电梯口有小广告", workOrder: null });
    // The manager reviews it too.
    await signInAs(world.users.MANAGER);
    expect(await getInspectionCheck(id)).not.toBeNull();
  });

  it("numbers the next work order of the day after the first", async () => {
    const lamp = template.items[1];
    for (const periodKey of [slot1(), `${today()}#2`]) {
      const input = check({ periodKey });
      input.results[1] = { itemId: lamp.id, result: "FAIL", note: "灯不亮", photoFileIds: [] };
      expect(await submitInspectionAction(input)).toMatchObject({ ok: true });
    }
    const numbers = (await db.workOrder.findMany({ orderBy: { number: "asc" } })).map((w) => w.number);
    expect(numbers.map((x) => x.slice(-3))).toEqual(["001", "002"]);
  });

  it("a replayed request returns the first check and writes nothing more", async () => {
    const input = check();
    const first = await submitInspectionAction(input);
    const before = await counts();
    const again = await submitInspectionAction(input);
    expect(again).toMatchObject({ ok: true, data: { id: (first as { data: { id: string } }).data.id } });
    expect(await counts()).toEqual(before);
  });
});

describe("refused, nothing written", () => {
  async function refused(input: unknown, expected: Record<string, unknown>) {
    const before = await counts();
    const result = await submitInspectionAction(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, ...expected });
    expect(await counts()).toEqual(before);
    return result as { message: string; fieldErrors?: Record<string, string> };
  }

  it("a second check of a slot already done", async () => {
    expect(await submitInspectionAction(check())).toMatchObject({ ok: true });
    const r = await refused(check(), { code: "conflict" });
    expect(r.message).toBe("该时段已检查");
  });

  it("items that do not match the current template version", async () => {
    const mismatch = { code: "invalid", message: "检查项与模板版本不符，请刷新后重试" };
    // The old version, with its own items.
    await refused(
      check({ templateId: oldTemplate.id, results: [{ itemId: oldTemplate.items[0].id, result: "PASS", photoFileIds: [] }] }),
      mismatch,
    );
    // The current version's id with the old version's items.
    await refused(check({ results: [{ itemId: oldTemplate.items[0].id, result: "PASS", photoFileIds: [] }] }), mismatch);
    const valid = check();
    // A missing item.
    await refused({ ...valid, results: valid.results.slice(0, 2) }, mismatch);
    // An extra item.
    await refused(
      { ...valid, results: [...valid.results, { itemId: oldTemplate.items[0].id, result: "PASS", photoFileIds: [] }] },
      mismatch,
    );
    // A duplicated item in place of another.
    await refused({ ...valid, results: [valid.results[0], valid.results[0], valid.results[2]] }, mismatch);
  });

  it("a future slot, and a slot that has ended", async () => {
    const tomorrow = addDays(today(), 1);
    const future = await refused(check({ periodKey: `${tomorrow}#1` }), { code: "invalid" });
    expect(future.message).toBe("该时段尚未开始");
    const yesterday = addDays(today(), -1);
    const closed = await refused(check({ periodKey: `${yesterday}#2` }), { code: "invalid" });
    expect(closed.message).toBe("该时段已结束，已计为漏检");
    // A month key is no window of a public area.
    await refused(check({ periodKey: today().slice(0, 7) }), { code: "invalid" });
  });

  it("an area of another site is not found", async () => {
    await refused(check({ areaId: world.b.area }), { code: "not_found" });
    expect(await checklistFor(world.b.area, slot1())).toBeNull();
  });

  it("a coordination supervisor cannot check a lobby", async () => {
    await signInAs(coordinator);
    await refused(check(), { code: "forbidden", message: "该区域不属于您的巡检职责" });
    expect(await checklistFor(world.a.area, slot1())).toBeNull();
    // Their today page lists outlets only: none on site A.
    expect((await todayRounds()).flatMap((s) => s.groups)).toEqual([]);
  });

  it("roles without inspection:perform are refused", async () => {
    await signInAs(world.users.MANAGER);
    await refused(check(), { code: "forbidden" });
  });

  it("a failure without a note", async () => {
    const input = check();
    input.results[0] = { ...input.results[0], result: "FAIL", note: "" };
    const r = await refused(input, { code: "invalid" });
    expect(r.fieldErrors?.["results.0.note"]).toBe("不合格项请填写情况说明");
  });

  it("photos that are not pictures, not this user's, of another site, or already used", async () => {
    const withPhoto = (fileId: string) => {
      const input = check();
      input.results[1] = { itemId: template.items[1].id, result: "FAIL", note: "灯不亮", photoFileIds: [fileId] };
      return input;
    };
    const photoError = { code: "invalid", message: "照片或签名无效：只能使用您本人为本项目上传的文件，请重新上传" };
    await refused(withPhoto(await photo(world.users.SUPERVISOR, "SIGNATURE")), photoError);
    await refused(withPhoto(await photo(world.users.FRONT_DESK)), photoError);
    await refused(withPhoto(await photo(world.users.SUPERVISOR, "PHOTO", world.siteB)), photoError);
    await refused(withPhoto("no-such-file"), photoError);
    // A photo already attached to an earlier check cannot be reused.
    const used = await photo(world.users.SUPERVISOR);
    expect(await submitInspectionAction(withPhoto(used))).toMatchObject({ ok: true });
    await refused(
      { ...withPhoto(used), periodKey: `${today()}#2` },
      { code: "invalid", fieldErrors: { "results.1.photoFileIds": "该文件已用于其他记录，请重新拍照或签名" } },
    );
  });
});

describe("R-INS-1: twice every day", () => {
  it("a new site has daily rounds on rest days too, unless it switches them off", async () => {
    const site = await db.site.create({ data: { code: "SNEW", name: "新项目" }, select: { inspectOnWeekends: true } });
    expect(site.inspectOnWeekends).toBe(true);
  });

  it("on a day without rounds the supervisor's page says so once for the site, with no card per area", async () => {
    const saturday = new Date("2026-11-28T03:00:00Z"); // 11:00 in Shanghai, a rest day
    await db.area.create({ data: { siteId: world.siteA, name: "三楼走廊", type: "FLOOR", building: "A座", floor: "3F" } });
    const withRounds = (await todayRounds(saturday)).find((s) => s.id === world.siteA)!;
    expect(withRounds.noRoundsToday).toBe(false);
    expect(withRounds.groups.flatMap((g) => g.areas).every((a) => a.windows.length === 2)).toBe(true);

    await db.site.update({ where: { id: world.siteA }, data: { inspectOnWeekends: false } });
    try {
      const restDay = (await todayRounds(saturday)).find((s) => s.id === world.siteA)!;
      expect(restDay).toMatchObject({ working: false, noRoundsToday: true, groups: [] });
      // A working day of the same site has its rounds as usual.
      const monday = (await todayRounds(new Date("2026-11-30T03:00:00Z"))).find((s) => s.id === world.siteA)!;
      expect(monday.noRoundsToday).toBe(false);
      expect(monday.groups.flatMap((g) => g.areas).length).toBeGreaterThanOrEqual(2);
    } finally {
      await db.site.update({ where: { id: world.siteA }, data: { inspectOnWeekends: true } });
    }
  });
});
