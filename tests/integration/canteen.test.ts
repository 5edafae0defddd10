/**
 * The canteen (§11, R-CAT-1) against PostgreSQL: the coordination supervisor's daily check (dish counts,
 * hygiene items, expired health certificates flagged, problems corrected or escalated to the manager),
 * one check per site and day, and the catering company's weekly menu and summary. Bad input is refused
 * with a Chinese message under its field and writes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import { recordHealthCertificateAction, submitCanteenCheckAction, submitWeeklyDocAction } from "@/lib/contractors/actions";
import { weekStartOf } from "@/lib/contractors/rules";
import { CANTEEN_ITEMS } from "@/lib/contractors/schema";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const TZ = "Asia/Shanghai";
let world: World;
const today = () => localDateInZone(new Date(), TZ);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

function check(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    siteId: world.siteA,
    breakfastKinds: "9",
    lunchMainDishes: "5",
    lunchStaples: "4",
    dinnerKinds: "8",
    results: CANTEEN_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] as string[] })),
    resolution: "NONE",
    ...over,
  };
}

async function written() {
  const [checks, results, audits, notes] = await Promise.all([
    db.canteenCheck.count(),
    db.canteenCheckResult.count(),
    db.auditLog.count({ where: { entity: { in: ["CanteenCheck", "CanteenWeeklyDoc"] } } }),
    db.notification.count(),
  ]);
  return { checks, results, audits, notes };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const caterer = await db.contractor.create({
    data: {
      siteId: world.siteA,
      kind: "CATERING",
      name: "美味送餐公司",
      contractStart: day("2026-01-01"),
      contractEnd: day("2027-12-31"),
      contactName: "周经理",
      contactPhone: "13900000000",
    },
  });
  const expired = await db.cleaner.create({ data: { siteId: world.siteA, name: "赵厨师", contractorId: caterer.id, post: "厨师" } });
  const valid = await db.cleaner.create({ data: { siteId: world.siteA, name: "钱帮厨", contractorId: caterer.id, post: "帮厨" } });
  await db.healthCertificate.createMany({
    data: [
      {
        requestId: newRequestId(),
        siteId: world.siteA,
        cleanerId: expired.id,
        number: "JK-1",
        issuedOn: day("2025-01-01"),
        expiresOn: day(addDays(today(), -3)),
        createdById: world.users.MANAGER,
      },
      {
        requestId: newRequestId(),
        siteId: world.siteA,
        cleanerId: valid.id,
        number: "JK-2",
        issuedOn: day("2025-06-01"),
        expiresOn: day(addDays(today(), 200)),
        createdById: world.users.MANAGER,
      },
    ],
  });
});

beforeEach(async () => {
  await db.canteenCheck.deleteMany();
  await db.canteenWeeklyDoc.deleteMany();
  await db.notification.deleteMany();
  await signInAs(world.users.SUPERVISOR);
});

describe("daily canteen check (R-CAT-1)", () => {
  it("records the counts and items; the expired certificate is flagged by name", async () => {
    const result = await submitCanteenCheckAction(check());
    expect(result).toMatchObject({ ok: true });
    const row = await db.canteenCheck.findFirstOrThrow({ include: { results: true } });
    expect(row).toMatchObject({ breakfastKinds: 9, lunchMainDishes: 5, failures: 0, expiredCertificates: ["赵厨师"], resolution: "NONE" });
    expect(row.results).toHaveLength(CANTEEN_ITEMS.length);
    expect(row.checkedById).toBe(world.users.SUPERVISOR);
  });

  it("the flag stays until the certificate is renewed", async () => {
    await submitCanteenCheckAction(check());
    expect((await db.canteenCheck.findFirstOrThrow()).expiredCertificates).toEqual(["赵厨师"]);
    await db.canteenCheck.deleteMany();
    const cook = await db.cleaner.findFirstOrThrow({ where: { name: "赵厨师" } });
    const renewed = await recordHealthCertificateAction({
      requestId: newRequestId(),
      staffId: cook.id,
      number: "JK-1-NEW",
      issuedOn: today(),
      expiresOn: addDays(today(), 365),
    });
    expect(renewed).toMatchObject({ ok: true });
    await submitCanteenCheckAction(check());
    expect((await db.canteenCheck.findFirstOrThrow()).expiredCertificates).toEqual([]);
    // Back to the expired one for the other tests.
    await db.healthCertificate.delete({ where: { id: (renewed as { data: { id: string } }).data.id } });
  });

  it("a short lunch count is a failure and needs its handling", async () => {
    const before = await written();
    const refused = await submitCanteenCheckAction(check({ lunchMainDishes: "3" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { resolution: "发现问题时请选择处理方式：当日纠正或上报经理" } });
    expect(await written()).toEqual(before);

    const ok = await submitCanteenCheckAction(check({ lunchMainDishes: "3", resolution: "CORRECTED", resolutionNote: "已加做两道主菜" }));
    expect(ok).toMatchObject({ ok: true });
    expect(await db.canteenCheck.findFirstOrThrow()).toMatchObject({ lunchMainDishes: 3, failures: 1, resolution: "CORRECTED" });
  });

  it("a major problem notifies the site's managers at once and keeps the feedback to the caterer", async () => {
    const results = CANTEEN_ITEMS.map((item) => ({
      item,
      result: item === "RAW_COOKED_APART" ? "FAIL" : "PASS",
      note: item === "RAW_COOKED_APART" ? "生熟砧板混用" : "",
      photoFileIds: [] as string[],
    }));
    const result = await submitCanteenCheckAction(check({ results, resolution: "ESCALATED", cateringFeedback: "要求立即分开并整改" }));
    expect(result).toMatchObject({ ok: true });
    const row = await db.canteenCheck.findFirstOrThrow();
    expect(row.escalatedAt).not.toBeNull();
    expect(row.cateringFeedback).toBe("要求立即分开并整改");
    const notes = await db.notification.findMany();
    expect(notes.map((n) => n.userId)).toEqual([world.users.MANAGER]);
    expect(notes[0]).toMatchObject({
      kind: "canteen.escalated",
      body: "要求立即分开并整改",
      link: `/contractors/canteen/checks/${row.id}`,
    });
  });

  it("escalating needs the feedback; a failed item needs a note", async () => {
    const before = await written();
    expect(await submitCanteenCheckAction(check({ resolution: "ESCALATED" }))).toMatchObject({
      ok: false,
      fieldErrors: { cateringFeedback: "请填写反馈送餐公司的内容" },
    });
    const results = CANTEEN_ITEMS.map((item) => ({ item, result: item === "PEST_CONTROL" ? "FAIL" : "PASS", note: "", photoFileIds: [] }));
    expect(await submitCanteenCheckAction(check({ results, resolution: "CORRECTED", resolutionNote: "x" }))).toMatchObject({
      ok: false,
      fieldErrors: { "results.6.note": "不合格时请说明问题" },
    });
    expect(await written()).toEqual(before);
  });

  it.each([["-1"], ["abc"], ["2.5"], [""], [-3]])("a dish count of %j is refused, nothing written", async (bad) => {
    const before = await written();
    const result = await submitCanteenCheckAction(check({ breakfastKinds: bad }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((result as { fieldErrors: Record<string, string> }).fieldErrors.breakfastKinds).toMatch(/请填写|必填/);
    expect(await written()).toEqual(before);
  });

  it("one check per site and day: a replay answers with the first, a second check is refused", async () => {
    const input = check();
    const first = await submitCanteenCheckAction(input);
    const replay = await submitCanteenCheckAction(input);
    expect(replay).toEqual(first);
    const second = await submitCanteenCheckAction(check());
    expect(second).toMatchObject({ ok: false, code: "conflict", message: "本项目今天已完成餐厅检查" });
    expect(await db.canteenCheck.count()).toBe(1);
  });

  it("photos of a failure become the check's evidence; another site's photo is refused", async () => {
    const own = await uploadedFile(world.users.SUPERVISOR, world.siteA);
    const foreign = await uploadedFile(world.users.SUPERVISOR, world.siteB);
    const results = (photo: string) =>
      CANTEEN_ITEMS.map((item) => ({
        item,
        result: item === "DINING_AREA_CLEAN" ? "FAIL" : "PASS",
        note: item === "DINING_AREA_CLEAN" ? "餐桌有油污" : "",
        photoFileIds: item === "DINING_AREA_CLEAN" ? [photo] : [],
      }));
    const refused = await submitCanteenCheckAction(check({ results: results(foreign), resolution: "CORRECTED", resolutionNote: "已擦净" }));
    expect(refused).toMatchObject({ ok: false });
    expect(await db.canteenCheck.count()).toBe(0);
    expect(
      await submitCanteenCheckAction(check({ results: results(own), resolution: "CORRECTED", resolutionNote: "已擦净" })),
    ).toMatchObject({ ok: true });
    expect(await db.fileAttachment.count({ where: { fileId: own, entity: "CANTEEN_CHECK" } })).toBe(1);
  });

  it("another site is not found; the clerk and the front desk may not check", async () => {
    expect(await submitCanteenCheckAction(check({ siteId: world.siteB }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.CLERK);
    expect(await submitCanteenCheckAction(check())).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.FRONT_DESK);
    expect(await submitCanteenCheckAction(check())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.canteenCheck.count()).toBe(0);
  });
});

describe("weekly menu and summary (R-CAT-1, §11.4(5))", () => {
  const thisWeek = () => weekStartOf(today());
  const doc = (over: Record<string, unknown> = {}) => ({
    requestId: newRequestId(),
    siteId: world.siteA,
    kind: "WEEKLY_MENU",
    weekStart: thisWeek(),
    text: "周一：红烧肉、清蒸鲈鱼、麻婆豆腐……",
    ...over,
  });

  it("this week's and next week's menu are recorded with the time received", async () => {
    await signInAs(world.users.CLERK);
    expect(await submitWeeklyDocAction(doc())).toMatchObject({ ok: true });
    expect(await submitWeeklyDocAction(doc({ weekStart: addDays(thisWeek(), 7) }))).toMatchObject({ ok: true });
    expect(await submitWeeklyDocAction(doc({ kind: "WEEKLY_SUMMARY", text: "本周总结；下周要点" }))).toMatchObject({ ok: true });
    const rows = await db.canteenWeeklyDoc.findMany();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => Math.abs(r.receivedAt.getTime() - Date.now()) < 60_000)).toBe(true);
  });

  it("a menu for the week after next is refused, nothing written", async () => {
    const before = await written();
    expect(await submitWeeklyDocAction(doc({ weekStart: addDays(thisWeek(), 14) }))).toMatchObject({
      ok: false,
      fieldErrors: { weekStart: "只能登记本周或下周的文件，不能登记更晚的周" },
    });
    expect(await submitWeeklyDocAction(doc({ weekStart: addDays(thisWeek(), 1) }))).toMatchObject({
      ok: false,
      fieldErrors: { weekStart: "请选择该周的周一" },
    });
    expect(await submitWeeklyDocAction(doc({ text: "" }))).toMatchObject({ ok: false, fieldErrors: { text: "请录入内容或上传照片" } });
    expect(await written()).toEqual(before);
  });

  it("a photographed menu is enough; the same week twice is refused; a replay answers once", async () => {
    const photo = await uploadedFile(world.users.SUPERVISOR, world.siteA);
    const input = doc({ text: "", photoFileIds: [photo] });
    const first = await submitWeeklyDocAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(await submitWeeklyDocAction(input)).toEqual(first);
    expect(await submitWeeklyDocAction(doc())).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { weekStart: "该周的这份文件已登记" },
    });
    expect(await db.canteenWeeklyDoc.count()).toBe(1);
  });

  it("another site is not found; the front desk may not record", async () => {
    expect(await submitWeeklyDocAction(doc({ siteId: world.siteB }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.FRONT_DESK);
    expect(await submitWeeklyDocAction(doc())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.canteenWeeklyDoc.count()).toBe(0);
  });
});
