/**
 * Goods-pass lists and settings against PostgreSQL: today's moves per route in the site's own day
 * (R-GP-5), the filtered list (paginated in SQL), the .xlsx export, another site never shown; the
 * managers' hazard list (R-GP-4) and loading routes, with their audit rows and refusals.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(staff)/goods-passes/export/route";
import { db } from "@/lib/db";
import type { GoodsDirection, GoodsPassState } from "@/lib/generated/prisma/enums";
import { listGoodsPasses, parseGoodsPassFilter, todayTimeline } from "@/lib/goods-passes/lists.queries";
import {
  saveHazardTermsAction as saveHazardTermsActionAsSent,
  saveLoadingRouteAction as saveLoadingRouteActionAsSent,
} from "@/lib/goods-settings/actions";
import { pageRequest } from "@/lib/pagination";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";
import { newRequestId } from "@/lib/request-id";
import { asLoadedNow } from "../support/versions";

/** As the form sends it: with the version it was loaded with (lib/versioning.ts). */
const saveHazardTermsAction = async (input: Record<string, unknown>) =>
  saveHazardTermsActionAsSent(await asLoadedNow("saveHazardTermsAction", input));
const saveLoadingRouteAction = async (input: Record<string, unknown>) =>
  saveLoadingRouteActionAsSent(await asLoadedNow("saveLoadingRouteAction", input));

/** 2026-11-27 00:45 in Shanghai, while it is still the 26th in UTC (and on a UTC server). */
const NOW = new Date("2026-11-26T16:45:00Z");
const sh = (local: string) => new Date(`${local}+08:00`);

let world: World;
const routes: Record<string, string> = {};
const passes: Record<string, string> = {};

async function pass(p: {
  key: string;
  site?: "a" | "b";
  route: string;
  start: string;
  end: string;
  state: GoodsPassState;
  direction?: GoodsDirection;
  number?: string;
  tenant?: string;
  carrier?: string;
}) {
  const site = p.site ?? "a";
  const created = await db.goodsPass.create({
    data: {
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: p.tenant ?? world[site].tenant,
      unitId: world[site].unit,
      direction: p.direction ?? "IN",
      carrierName: p.carrier ?? "王师傅",
      carrierIdLast4: "1234",
      routeId: routes[p.route],
      windowStart: sh(p.start),
      windowEnd: sh(p.end),
      state: p.state,
      number: p.number ?? null,
      createdById: world.users.FRONT_DESK,
      items: { create: [{ position: 1, name: "办公桌", quantity: "2", unit: "张" }] },
    },
    select: { id: true },
  });
  passes[p.key] = created.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  for (const [key, site, name, active] of [
    ["lift1", world.siteA, "1号货梯", true],
    ["lift2", world.siteA, "2号货梯", true],
    ["old", world.siteA, "旧坡道", false],
    ["oldBusy", world.siteA, "旧货梯", false],
    ["b1", world.siteB, "1号货梯", true],
  ] as const)
    routes[key] = (await db.loadingRoute.create({ data: { siteId: site, name, active } })).id;
  const other = await db.tenant.create({ data: { siteId: world.siteA, name: "绿叶科技有限公司" }, select: { id: true } });

  await pass({
    key: "midnight",
    route: "lift1",
    start: "2026-11-27T00:30:00",
    end: "2026-11-27T01:00:00",
    state: "APPROVED",
    number: "SA-20261127-001",
  });
  await pass({
    key: "released",
    route: "lift1",
    start: "2026-11-27T09:00:00",
    end: "2026-11-27T10:00:00",
    state: "RELEASED",
    number: "SA-20261127-002",
    direction: "OUT",
  });
  await pass({
    key: "pending",
    route: "lift1",
    start: "2026-11-27T14:00:00",
    end: "2026-11-27T15:00:00",
    state: "PENDING",
    carrier: "李四",
  });
  await pass({
    key: "overnight",
    route: "lift2",
    start: "2026-11-26T23:30:00",
    end: "2026-11-27T00:15:00",
    state: "APPROVED",
    number: "SA-20261126-009",
  });
  await pass({ key: "rejected", route: "lift2", start: "2026-11-27T10:00:00", end: "2026-11-27T11:00:00", state: "REJECTED" });
  await pass({
    key: "inactiveRoute",
    route: "oldBusy",
    start: "2026-11-27T16:00:00",
    end: "2026-11-27T17:00:00",
    state: "APPROVED",
    number: "SA-20261127-003",
  });
  await pass({
    key: "yesterday",
    route: "lift1",
    start: "2026-11-26T22:00:00",
    end: "2026-11-26T23:00:00",
    state: "RELEASED",
    number: "SA-20261126-001",
    tenant: other.id,
    direction: "OUT",
  });
  await pass({
    key: "tomorrow",
    route: "lift1",
    start: "2026-11-28T00:30:00",
    end: "2026-11-28T01:00:00",
    state: "APPROVED",
    number: "SA-20261128-001",
  });
  await pass({
    key: "siteB",
    site: "b",
    route: "b1",
    start: "2026-11-27T09:00:00",
    end: "2026-11-27T10:00:00",
    state: "APPROVED",
    number: "SB-20261127-001",
  });
});

describe("today's moves per route (R-GP-5)", () => {
  it("takes today in the site's zone: a move at 00:30 Shanghai is today, not yesterday", async () => {
    await signInAs(world.users.FRONT_DESK);
    const [site, ...others] = await todayTimeline({}, NOW);
    expect(others).toHaveLength(0); // site B is not the front desk's
    expect(site.date).toBe("2026-11-27");
    const byName = Object.fromEntries(site.routes.map((r) => [r.name, r.moves.map((m) => m.id)]));
    // Ordered by start; rejected, yesterday's and tomorrow's moves are not on the route today.
    expect(byName["1号货梯"]).toEqual([passes.midnight, passes.released, passes.pending]);
    expect(byName["2号货梯"]).toEqual([passes.overnight]);
    // An inactive route shows only while something still moves on it.
    expect(byName["旧货梯"]).toEqual([passes.inactiveRoute]);
    expect(byName).not.toHaveProperty("旧坡道");
    const midnight = site.routes[0].moves[0];
    expect(midnight).toMatchObject({ startTime: "00:30", endTime: "01:00", startMinute: 30, endMinute: 60, startsBeforeToday: false });
    const overnight = site.routes.find((r) => r.name === "2号货梯")!.moves[0];
    expect(overnight).toMatchObject({ startsBeforeToday: true, startMinute: 0, endMinute: 15, startTime: "23:30" });
    expect(site.routes[0].moves[2]).toMatchObject({ state: "PENDING", number: null, carrierName: "李四" });
  });

  it("a site in another zone counts its own day", async () => {
    await db.site.update({ where: { id: world.siteA }, data: { timeZone: "Europe/London" } });
    try {
      await signInAs(world.users.MANAGER);
      const [site] = await todayTimeline({}, NOW);
      // 16:45 in London on the 26th: yesterday's and the overnight move are today there.
      expect(site.date).toBe("2026-11-26");
      expect(site.routes.find((r) => r.name === "1号货梯")!.moves.map((m) => m.id)).toEqual([passes.yesterday, passes.midnight]);
    } finally {
      await db.site.update({ where: { id: world.siteA }, data: { timeZone: "Asia/Shanghai" } });
    }
  });
});

describe("a window lasts at most a day (R-GP-5), and the day's moves rely on it", () => {
  it("shows a day-long move that began yesterday morning, the longest that can still be open today", async () => {
    // The query reads only windows that started at most a day before today began (earliestOpenStart).
    await pass({
      key: "dayLong",
      route: "old",
      start: "2026-11-26T00:30:00",
      end: "2026-11-27T00:30:00",
      state: "APPROVED",
      number: "SA-20261126-010",
    });
    try {
      await signInAs(world.users.MANAGER);
      const [site] = await todayTimeline({}, NOW);
      expect(site.routes.find((r) => r.name === "旧坡道")?.moves).toMatchObject([
        { id: passes.dayLong, startsBeforeToday: true, startMinute: 0, endMinute: 30 },
      ]);
    } finally {
      await db.goodsPass.delete({ where: { id: passes.dayLong } });
    }
  });

  it("is refused by the database for any writer: longer than a day, or ending before it starts", async () => {
    await expect(
      pass({ key: "tooLong", route: "old", start: "2026-11-26T00:30:00", end: "2026-11-27T00:31:00", state: "PENDING" }),
    ).rejects.toThrow(/GoodsPass_window_length/);
    await expect(
      pass({ key: "backwards", route: "old", start: "2026-11-26T10:00:00", end: "2026-11-26T09:00:00", state: "PENDING" }),
    ).rejects.toThrow(/GoodsPass_window_length/);
    expect(await db.goodsPass.count({ where: { routeId: routes.old } })).toBe(0);
  });
});

describe("the list of passes", () => {
  const ids = async (sp: Record<string, string>, page = "1") =>
    (await listGoodsPasses(parseGoodsPassFilter(sp), pageRequest(page))).rows.map((r) => r.id);

  it("shows the user's sites only, latest window first", async () => {
    await signInAs(world.users.FRONT_DESK);
    const all = await listGoodsPasses({}, pageRequest("1"));
    expect(all.total).toBe(8);
    expect(all.rows.map((r) => r.id)).not.toContain(passes.siteB);
    expect(all.rows[0].id).toBe(passes.tomorrow);
    expect(all.rows.find((r) => r.id === passes.pending)).toMatchObject({
      number: null,
      tenantName: "业户A",
      unitCode: "U-A",
      direction: "IN",
      state: "PENDING",
      window: "2026-11-27 14:00–15:00",
      routeName: "1号货梯",
    });
    // ?site= of a site not assigned is ignored (all own sites), never widened.
    expect(await ids({ site: world.siteB })).not.toContain(passes.siteB);
  });

  it("filters by state, direction, tenant, text and local date range, in SQL", async () => {
    await signInAs(world.users.MANAGER);
    expect(await ids({ state: "PENDING" })).toEqual([passes.pending]);
    expect(await ids({ direction: "OUT" })).toEqual([passes.released, passes.yesterday]);
    const other = await db.tenant.findFirstOrThrow({ where: { name: "绿叶科技有限公司" }, select: { id: true } });
    expect(await ids({ tenant: other.id })).toEqual([passes.yesterday]);
    expect(await ids({ q: "李四" })).toEqual([passes.pending]);
    expect(await ids({ q: "20261128" })).toEqual([passes.tomorrow]);
    // Local dates of the site: the 00:30 move belongs to the 27th, the 23:30 one to the 26th.
    expect((await ids({ from: "2026-11-27", to: "2026-11-27" })).sort()).toEqual(
      [passes.midnight, passes.released, passes.pending, passes.rejected, passes.inactiveRoute].sort(),
    );
    expect((await ids({ to: "2026-11-26" })).sort()).toEqual([passes.overnight, passes.yesterday].sort());
    expect(await ids({ state: "BOGUS", direction: "UP", from: "2026-13-01" })).toHaveLength(8);
    const page2 = await listGoodsPasses({}, { page: 2, skip: 3, take: 3 });
    expect(page2).toMatchObject({ total: 8, page: 2, pageCount: 3 });
    expect(page2.rows).toHaveLength(3);
  });

  it("is refused to roles without goodspass:read", async () => {
    await signInAs(world.users.ENGINEER);
    await expect(listGoodsPasses({}, pageRequest("1"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(todayTimeline({})).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("Excel export", () => {
  it("downloads the filtered passes as a valid .xlsx", async () => {
    await signInAs(world.users.SUPERVISOR);
    const response = await exportRoute(new Request("http://localhost/goods-passes/export?from=2026-11-27&to=2026-11-27&page=2"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="goods-passes-\d{8}\.xlsx"/);
    const file = Buffer.from(await response.arrayBuffer());
    expect(file.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    const [sheet] = await readXlsx(file);
    expect(sheet.rows[0]).toContain("编号");
    const cells = sheet.rows.flat();
    for (const value of ["业户A", "待盖章", "SA-20261127-002", "办公桌 ×2张"]) expect(cells).toContain(value);
    expect(cells.some((v) => v instanceof Date)).toBe(true); // the time window as real dates
    expect(sheet.text).not.toContain("SB-20261127-001");
    expect(sheet.text).not.toContain("SA-20261128-001");
    expect(sheet.rows).toHaveLength(6); // header + 5 (all rows, not a page)
  });

  it("refuses roles without goodspass:export and anonymous users", async () => {
    await signInAs(world.users.FRONT_DESK);
    expect((await exportRoute(new Request("http://localhost/goods-passes/export"))).status).toBe(403);
    await signInAs(null);
    expect((await exportRoute(new Request("http://localhost/goods-passes/export"))).status).toBe(401);
  });
});

describe("hazard list (R-GP-4)", () => {
  const audits = () => db.auditLog.findMany({ where: { entity: "HazardTerm" }, orderBy: { id: "asc" } });

  it("replaces the company-wide list and audits before and after", async () => {
    await signInAs(world.users.ADMIN);
    expect(await saveHazardTermsAction({ terms: [" 汽油 ", "酒精", "油漆"] })).toMatchObject({ ok: true, data: { count: 3, added: 3 } });
    expect(await saveHazardTermsAction({ terms: ["酒精", "油漆", "硫酸"] })).toMatchObject({ ok: true, data: { added: 1, removed: 1 } });
    const terms = await db.hazardTerm.findMany({ select: { term: true }, orderBy: [{ createdAt: "asc" }, { term: "asc" }] });
    expect(terms.map((t) => t.term)).toEqual(["酒精", "油漆", "硫酸"]);
    const rows = await audits();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actorId: world.users.ADMIN,
      siteId: null,
      action: "UPDATE",
      changes: { terms: { before: ["汽油", "酒精", "油漆"], after: ["酒精", "油漆", "硫酸"] } },
    });
    // Saving the same list again changes nothing and writes no audit row.
    expect(await saveHazardTermsAction({ terms: ["酒精", "油漆", "硫酸"] })).toMatchObject({ ok: true });
    expect(await audits()).toHaveLength(2);
  });

  it("refuses duplicates (ignoring case and spaces), empty, too long and too many terms", async () => {
    await signInAs(world.users.ADMIN);
    for (const terms of [["汽油", " 汽油"], ["TNT", "tnt"], [], [""], ["很".repeat(31)], Array.from({ length: 201 }, (_, i) => `词${i}`)]) {
      const result = await saveHazardTermsAction({ terms });
      expect(result, JSON.stringify(terms)).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok || result.fieldErrors).toBeTruthy();
    }
    const dup = await saveHazardTermsAction({ terms: ["汽油", "汽油"] });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { terms: "词表中有重复的词" } });
    expect((await db.hazardTerm.findMany()).map((t) => t.term).sort()).toEqual(["油漆", "硫酸", "酒精"].sort());
  });

  it("is company-wide: refused to other roles and to a manager of only some sites", async () => {
    for (const role of ["FRONT_DESK", "SUPERVISOR", "CLERK", "MANAGER"] as const) {
      await signInAs(world.users[role]);
      expect(await saveHazardTermsAction({ terms: ["鞭炮"] })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await db.hazardTerm.count({ where: { term: "鞭炮" } })).toBe(0);
  });
});

describe("loading routes (R-GP-5)", () => {
  it("creates, renames and deactivates a route of the user's site, with audit rows", async () => {
    await signInAs(world.users.MANAGER);
    const created = await saveLoadingRouteAction({ siteId: world.siteA, name: " 地下车库坡道 ", active: true });
    expect(created).toMatchObject({ ok: true, data: { plannedPasses: 0 } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await db.loadingRoute.findUniqueOrThrow({ where: { id } })).toMatchObject({
      siteId: world.siteA,
      name: "地下车库坡道",
      active: true,
    });

    // Deactivating lift 1 says how many planned passes still use it.
    const off = await saveLoadingRouteAction({ siteId: world.siteA, id: routes.lift1, name: "1号货梯（北）", active: false });
    expect(off).toMatchObject({ ok: true, data: { id: routes.lift1 } });
    expect(await db.loadingRoute.findUniqueOrThrow({ where: { id: routes.lift1 } })).toMatchObject({
      name: "1号货梯（北）",
      active: false,
    });
    await db.loadingRoute.update({ where: { id: routes.lift1 }, data: { name: "1号货梯", active: true } });

    const rows = await db.auditLog.findMany({ where: { entity: "LoadingRoute" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      entityId: id,
      siteId: world.siteA,
      action: "CREATE",
      changes: { name: { before: null, after: "地下车库坡道" } },
    });
    expect(rows[1]).toMatchObject({
      entityId: routes.lift1,
      action: "UPDATE",
      changes: { name: { before: "1号货梯", after: "1号货梯（北）" }, active: { before: true, after: false } },
    });
  });

  it("refuses a name the site already has, another site's route, and a site not assigned", async () => {
    await signInAs(world.users.MANAGER);
    const auditsBefore = await db.auditLog.count();
    expect(await saveLoadingRouteAction({ siteId: world.siteA, name: "2号货梯", active: true })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: "本项目已有同名路线" },
    });
    expect(await saveLoadingRouteAction({ siteId: world.siteB, name: "新路线", active: true })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await saveLoadingRouteAction({ siteId: world.siteB, id: routes.b1, name: "改名", active: false })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    // Site B's route named under the user's own site A: still not found.
    expect(await saveLoadingRouteAction({ siteId: world.siteA, id: routes.b1, name: "改名", active: false })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.loadingRoute.findUniqueOrThrow({ where: { id: routes.b1 } })).toMatchObject({ name: "1号货梯", active: true });
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it("is refused to the front desk and other roles", async () => {
    for (const role of ["FRONT_DESK", "SUPERVISOR", "CLERK"] as const) {
      await signInAs(world.users[role]);
      expect(await saveLoadingRouteAction({ siteId: world.siteA, name: "前台路线", active: true })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await db.loadingRoute.count({ where: { name: "前台路线" } })).toBe(0);
  });

  it("keeps each route's opening hours: new routes open 07:00–22:00; closing must follow opening", async () => {
    await signInAs(world.users.MANAGER);
    const created = await saveLoadingRouteAction({ siteId: world.siteA, name: "营业时间通道", active: true });
    const id = (created as { data: { id: string } }).data.id;
    expect(await db.loadingRoute.findUniqueOrThrow({ where: { id } })).toMatchObject({ opensAt: "07:00", closesAt: "22:00" });
    const reversed = await saveLoadingRouteAction({
      siteId: world.siteA,
      id,
      name: "营业时间通道",
      active: true,
      opensAt: "18:00",
      closesAt: "08:00",
    });
    expect(reversed).toMatchObject({ ok: false, fieldErrors: { closesAt: "关闭时间须晚于开放时间" } });
    expect(
      await saveLoadingRouteAction({ siteId: world.siteA, id, name: "营业时间通道", active: true, opensAt: "06:30", closesAt: "24:00" }),
    ).toMatchObject({
      ok: true,
    });
    // Left out, the hours stay as they are.
    expect(await saveLoadingRouteAction({ siteId: world.siteA, id, name: "营业时间通道", active: false })).toMatchObject({ ok: true });
    expect(await db.loadingRoute.findUniqueOrThrow({ where: { id } })).toMatchObject({
      opensAt: "06:30",
      closesAt: "24:00",
      active: false,
    });
  });
});
