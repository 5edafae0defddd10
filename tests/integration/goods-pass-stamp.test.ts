/**
 * Stamping and gate release of goods passes against PostgreSQL (R-GP-3, R-GP-5, R-GP-7): gapless
 * numbers under concurrency, rejections that consume none, double clicks, one release per pass,
 * refusals at the gate, and another site's pass.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { GoodsPassState } from "@/lib/generated/prisma/enums";
import { approveGoodsPassAction, rejectGoodsPassAction, releaseGoodsPassAction } from "@/lib/goods-passes/actions";
import { lookupPass } from "@/lib/goods-passes/gate.queries";
import { competingPasses } from "@/lib/goods-passes/competing.queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const HOUR = 60 * 60 * 1000;
let world: World;
let routeA: string;
let routeB: string;
let n = 0;

/** One pass, registered by the front desk, each in its own hour on its route unless told otherwise. */
async function pass(
  over: { site?: "a" | "b"; state?: GoodsPassState; start?: number; end?: number; route?: string; number?: string } = {},
) {
  const site = over.site ?? "a";
  const slot = n++;
  const start = over.start ?? Date.now() + (slot + 1) * HOUR;
  const created = await db.goodsPass.create({
    data: {
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: world[site].tenant,
      unitId: world[site].unit,
      direction: "IN",
      carrierName: "李四",
      carrierIdLast4: "1234",
      routeId: over.route ?? (site === "a" ? routeA : routeB),
      windowStart: new Date(start),
      windowEnd: new Date(over.end ?? start + HOUR),
      state: over.state ?? "PENDING",
      number: over.number ?? null,
      approvedAt: over.state === "APPROVED" ? new Date() : null,
      createdById: world.users.FRONT_DESK,
      items: {
        create: [
          { position: 1, name: "办公椅", quantity: 4, unit: "把" },
          { position: 2, name: "文件柜", quantity: 1, unit: "个" },
        ],
      },
    },
    select: { id: true },
  });
  return created.id;
}

const numberOf = async (id: string) => (await db.goodsPass.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
const counter = async () =>
  (await db.dailyCounter.findMany({ where: { siteId: world.siteA, scope: "GOODS_PASS" } })).reduce((s, c) => s + c.last, 0);

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  routeA = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "货梯1" } })).id;
  routeB = (await db.loadingRoute.create({ data: { siteId: world.siteB, name: "货梯B" } })).id;
});

describe("stamping (R-GP-3)", () => {
  it("approval gives the next number of the site's local day and writes an audit row", async () => {
    await signInAs(world.users.SUPERVISOR);
    const id = await pass();
    const result = await approveGoodsPassAction({ passId: id });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const row = await db.goodsPass.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("APPROVED");
    expect(row.number).toMatch(/^SA-\d{8}-001$/);
    expect(row.approvedById).toBe(world.users.SUPERVISOR);
    expect(row.approvedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { entity: "GoodsPass", entityId: id } })).toBe(1);
  });

  it("a rejection needs a reason and consumes no number", async () => {
    await signInAs(world.users.MANAGER);
    const before = await counter();
    const id = await pass();
    expect(await rejectGoodsPassAction({ passId: id, reason: "  " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await rejectGoodsPassAction({ passId: id, reason: "x".repeat(501) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await rejectGoodsPassAction({ passId: id, reason: "物品清单与实物不符" })).toMatchObject({ ok: true });
    const row = await db.goodsPass.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "REJECTED", number: null, rejectedReason: "物品清单与实物不符" });
    expect(await counter()).toBe(before);
    // The next approval continues the sequence without a gap.
    const next = await pass();
    expect(await approveGoodsPassAction({ passId: next })).toMatchObject({ ok: true });
    expect(await numberOf(next)).toMatch(new RegExp(`-${String(before + 1).padStart(3, "0")}$`));
  });

  it("20 approvals at once get 20 distinct consecutive numbers", async () => {
    await signInAs(world.users.SUPERVISOR);
    const before = await counter();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await pass());
    const results = await Promise.all(ids.map((passId) => approveGoodsPassAction({ passId })));
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const sequences = (await Promise.all(ids.map(numberOf))).map((num) => Number(num!.split("-").at(-1))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(await counter()).toBe(before + 20);
  });

  it("a double approval changes nothing twice", async () => {
    await signInAs(world.users.SUPERVISOR);
    const before = await counter();
    const id = await pass();
    const [first, second] = await Promise.all([approveGoodsPassAction({ passId: id }), approveGoodsPassAction({ passId: id })]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const again = await approveGoodsPassAction({ passId: id });
    expect(again).toMatchObject({ ok: false, code: "conflict", message: "该出入证当前状态不能执行此操作，请刷新" });
    expect(await counter()).toBe(before + 1);
    expect(await db.auditLog.count({ where: { entity: "GoodsPass", entityId: id } })).toBe(1);
    // Nor can an approved pass be rejected afterwards.
    expect(await rejectGoodsPassAction({ passId: id, reason: "晚了" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("the front desk cannot stamp; nobody stamps the pass they registered", async () => {
    const id = await pass();
    await signInAs(world.users.FRONT_DESK);
    expect(await approveGoodsPassAction({ passId: id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rejectGoodsPassAction({ passId: id, reason: "不符" })).toMatchObject({ ok: false, code: "forbidden" });
    await db.goodsPass.update({ where: { id }, data: { createdById: world.users.SUPERVISOR } });
    await signInAs(world.users.SUPERVISOR);
    expect(await approveGoodsPassAction({ passId: id })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.goodsPass.findUniqueOrThrow({ where: { id } })).state).toBe("PENDING");
  });

  it("R-GP-5: a pass whose route is now taken by a stamped move is refused, and uses no number", async () => {
    await signInAs(world.users.SUPERVISOR);
    const route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "货梯2" } })).id;
    const start = Date.now() + 30 * HOUR;
    const first = await pass({ route, start, end: start + 2 * HOUR });
    const clashing = await pass({ route, start: start + HOUR, end: start + 3 * HOUR });
    const touching = await pass({ route, start: start + 2 * HOUR, end: start + 3 * HOUR });
    expect(await approveGoodsPassAction({ passId: first })).toMatchObject({ ok: true });
    const before = await counter();
    const refused = await approveGoodsPassAction({ passId: clashing });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect((await db.goodsPass.findUniqueOrThrow({ where: { id: clashing } })).state).toBe("PENDING");
    expect(await counter()).toBe(before);
    expect(await approveGoodsPassAction({ passId: touching })).toMatchObject({ ok: true });
  });

  it("R-GP-5: two overlapping passes stamped at the same moment: exactly one is approved", async () => {
    await signInAs(world.users.SUPERVISOR);
    const route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "货梯3" } })).id;
    const start = Date.now() + 40 * HOUR;
    const a = await pass({ route, start });
    const b = await pass({ route, start: start + HOUR / 2 });
    const results = await Promise.all([approveGoodsPassAction({ passId: a }), approveGoodsPassAction({ passId: b })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("another site's pass does not exist for the user", async () => {
    await signInAs(world.users.SUPERVISOR);
    const id = await pass({ site: "b" });
    expect(await approveGoodsPassAction({ passId: id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await rejectGoodsPassAction({ passId: id, reason: "不符" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.FRONT_DESK);
    expect(await releaseGoodsPassAction({ passId: id })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("the gate (R-GP-7)", () => {
  async function stamped(start = Date.now() - HOUR / 2, end = start + 2 * HOUR) {
    await signInAs(world.users.SUPERVISOR);
    // Each on its own route: these windows all include "now" (R-GP-5 would refuse the second).
    const route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: `门岗${n}` } })).id;
    const id = await pass({ start, end, route });
    const result = await approveGoodsPassAction({ passId: id });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    return { id, number: (await numberOf(id))! };
  }

  it("looks a pass up by number (any case, or date-sequence only) and by id; releases it once", async () => {
    const { id, number } = await stamped();
    await signInAs(world.users.FRONT_DESK);
    const found = await lookupPass(` ${number.toLowerCase()} `);
    expect(found).toMatchObject({ id, number, state: "APPROVED", check: "ok", tenant: "业户A", unit: "U-A" });
    expect(found?.items.map((i) => [i.name, i.quantity, i.unit])).toEqual([
      ["办公椅", "4", "把"],
      ["文件柜", "1", "个"],
    ]);
    expect((await lookupPass(number.slice(3)))?.id).toBe(id);
    expect((await lookupPass(id))?.id).toBe(id);

    const released = await releaseGoodsPassAction({ passId: id });
    expect(released, JSON.stringify(released)).toMatchObject({ ok: true, data: { releasedBy: "测试FRONT_DESK" } });
    const row = await db.goodsPass.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "RELEASED", releasedById: world.users.FRONT_DESK });
    expect(await lookupPass(number)).toMatchObject({ check: "released", released: { by: "测试FRONT_DESK" } });

    const second = await releaseGoodsPassAction({ passId: id });
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect(second.ok ? "" : second.message).toContain("已放行");
  });

  it("two guards releasing one pass at the same moment: exactly one succeeds", async () => {
    const { id } = await stamped();
    await signInAs(world.users.FRONT_DESK);
    const results = await Promise.all([releaseGoodsPassAction({ passId: id }), releaseGoodsPassAction({ passId: id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "conflict", message: "已放行（不能重复使用）" });
    expect(await db.auditLog.count({ where: { entity: "GoodsPass", entityId: id, actorId: world.users.FRONT_DESK } })).toBe(1);
  });

  it("refuses expired, too early, unstamped and rejected passes with the reason", async () => {
    await signInAs(world.users.FRONT_DESK);
    const expired = await pass({ state: "APPROVED", number: "SA-20200101-001", start: Date.now() - 3 * HOUR, end: Date.now() - HOUR });
    expect(await releaseGoodsPassAction({ passId: expired })).toMatchObject({ ok: false, code: "invalid", message: "已过期" });
    const early = await pass({ state: "APPROVED", number: "SA-20200101-002", start: Date.now() + 5 * HOUR });
    expect(await releaseGoodsPassAction({ passId: early })).toMatchObject({ ok: false, code: "invalid", message: "未到放行时间" });
    const pending = await pass();
    expect(await releaseGoodsPassAction({ passId: pending })).toMatchObject({ ok: false, code: "conflict", message: "未盖章" });
    const rejected = await pass({ state: "REJECTED" });
    expect(await releaseGoodsPassAction({ passId: rejected })).toMatchObject({ ok: false, code: "conflict", message: "已驳回" });
    for (const id of [expired, early, pending, rejected]) {
      expect((await db.goodsPass.findUniqueOrThrow({ where: { id } })).releasedAt).toBeNull();
    }
    expect(await lookupPass(pending)).toMatchObject({ check: "not_approved", number: null });
  });

  it("a clerk cannot release; another site's pass is not found at the gate", async () => {
    const { id } = await stamped();
    await signInAs(world.users.CLERK);
    expect(await releaseGoodsPassAction({ passId: id })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.FRONT_DESK);
    const other = await pass({ site: "b", state: "APPROVED", number: "SB-20200101-001", start: Date.now() - HOUR / 2 });
    expect(await lookupPass("SB-20200101-001")).toBeNull();
    expect(await lookupPass(other)).toBeNull();
  });
});

describe("what stamping checks again (R-GP-4, R-GP-5)", () => {
  it("R-GP-4: checks the goods against the hazard terms in force when stamping, not only the flag set at registration", async () => {
    await signInAs(world.users.SUPERVISOR);
    const id = await pass();
    await db.goodsPassItem.create({ data: { passId: id, position: 3, name: "松香水", quantity: 2, unit: "桶" } });
    // The term is added to the list after the pass was registered.
    const term = await db.hazardTerm.create({ data: { term: "松香水" } });
    try {
      const result = await approveGoodsPassAction({ passId: id });
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect((result as { message: string }).message).toContain("松香水");
      expect(await db.goodsPass.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "PENDING", number: null });
    } finally {
      await db.hazardTerm.delete({ where: { id: term.id } });
    }
    // Once the term is gone the same pass can be stamped.
    expect(await approveGoodsPassAction({ passId: id })).toMatchObject({ ok: true });
  });

  it("R-GP-5: shows the one who stamps the other unstamped passes competing for an overlapping window", async () => {
    const route = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "货梯竞争" } })).id;
    const start = Date.now() + 50 * HOUR;
    const a = await pass({ route, start, end: start + 2 * HOUR });
    const b = await pass({ route, start: start + HOUR, end: start + 3 * HOUR });
    await pass({ route, start: start + 2 * HOUR, end: start + 3 * HOUR }); // touches a: no competition with a
    await pass({ route, start, end: start + HOUR, state: "REJECTED" });
    await signInAs(world.users.SUPERVISOR);
    expect((await competingPasses(a)).map((c) => c.id)).toEqual([b]);
    expect((await competingPasses(b)).map((c) => c.id)).toHaveLength(2);
    // Once one is stamped, the others are no longer "competing" but refused at stamping (route busy).
    expect(await approveGoodsPassAction({ passId: a })).toMatchObject({ ok: true });
    expect(await competingPasses(a)).toEqual([]);
    await signInAs(world.users.FRONT_DESK);
    await expect(competingPasses(b)).rejects.toThrow();
  });
});
