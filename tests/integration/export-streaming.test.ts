/**
 * The streamed Excel exports against PostgreSQL: rows read in keyset batches come out once each and in
 * the list's order across batch boundaries (ties on the order's first columns straddling a boundary);
 * the limit cuts the file and says so in X-Export-Truncated; the file's cells are what the list shows
 * (typed text stays text, local times are real dates); a refusal comes before anything is streamed.
 * The limits are made small here (5 deadlines, 4 goods passes) so the tests cross them.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as deadlineExportRoute } from "@/app/(staff)/dashboard/export/route";
import { GET as goodsExportRoute } from "@/app/(staff)/goods-passes/export/route";
import { formatInZone } from "@/lib/calendar";
import { exportOpenDeadlines, listOpenDeadlines } from "@/lib/complaints/dashboard.queries";
import { db } from "@/lib/db";
import type { ComplaintSeverity, ComplaintState } from "@/lib/generated/prisma/enums";
import { exportGoodsPasses, listGoodsPasses } from "@/lib/goods-passes/lists.queries";
import { translator } from "@/lib/i18n/server";
import { exportOpenServiceRevisits, listOpenServiceRevisits } from "@/lib/special-services/dashboard.queries";
import { DATE_TIME_FORMAT } from "@/lib/xlsx/xlsx";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";

vi.mock("@/lib/complaints/dashboard.rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/complaints/dashboard.rules")>()),
  EXPORT_MAX_ROWS: 5,
}));
vi.mock("@/lib/goods-passes/rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/goods-passes/rules")>()),
  GOODS_EXPORT_MAX_ROWS: 4,
}));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const at = (ms: number) => new Date(now + ms);
const t = translator("zh-CN");
/** What a local date-time cell reads back as: the site's wall-clock minute, as a zone-less date. */
const wallClock = (instant: Date) => new Date(`${formatInZone(instant, "Asia/Shanghai").replace(" ", "T")}:00Z`);

let world: World;
let typedTenant: string;

async function complaint(c: {
  number: string;
  state: ComplaintState;
  due: Date;
  severity?: ComplaintSeverity;
  site?: "a" | "b";
  tenant?: string;
}) {
  const site = c.site ?? "a";
  const revisit = c.state === "RECTIFIED";
  const rectificationDueAt = revisit ? at(-5 * DAY) : c.due;
  await db.complaint.create({
    data: {
      number: c.number,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: c.tenant ?? world[site].tenant,
      unitId: world[site].unit,
      departmentId: world[site].department,
      source: "PHONE",
      category: "REPAIR",
      severity: c.severity ?? "GENERAL",
      description: "测试投诉",
      receivedAt: at(-6 * DAY),
      receivedById: world.users.FRONT_DESK,
      state: c.state,
      rectificationDueAt,
      rectifiedAt: revisit || c.state === "CLOSED" ? at(-5 * DAY - HOUR) : null,
      revisitDueAt: revisit ? c.due : null,
      rectifications: { create: { round: 1, dueAt: rectificationDueAt } },
    },
  });
}

async function goodsPass(p: { number: string; start: Date; createdAt: Date; site?: "a" | "b"; carrier?: string; routeId: string }) {
  const site = p.site ?? "a";
  await db.goodsPass.create({
    data: {
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: world[site].tenant,
      unitId: world[site].unit,
      direction: "IN",
      carrierName: p.carrier ?? "王师傅",
      carrierIdLast4: "1234",
      routeId: p.routeId,
      windowStart: p.start,
      windowEnd: new Date(p.start.getTime() + HOUR),
      state: "APPROVED",
      number: p.number,
      createdById: world.users.FRONT_DESK,
      createdAt: p.createdAt,
      items: { create: [{ position: 1, name: "办公桌", quantity: "2", unit: "张" }] },
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  typedTenant = (await db.tenant.create({ data: { siteId: world.siteA, name: "=1+1" }, select: { id: true } })).id;

  // Seven open deadlines of site A; three fall due at the same instant (inserted out of number order).
  const tie = at(-DAY);
  await complaint({ number: "SA-X-04", state: "RECEIVED", due: tie });
  await complaint({ number: "SA-X-01", state: "IN_RECTIFICATION", due: at(-3 * DAY), severity: "MAJOR" });
  await complaint({ number: "SA-X-03", state: "RECEIVED", due: tie });
  await complaint({ number: "SA-X-02", state: "RECEIVED", due: tie });
  await complaint({ number: "SA-X-05", state: "RECTIFIED", due: at(2 * DAY) });
  await complaint({ number: "SA-X-06", state: "IN_RECTIFICATION", due: at(3 * DAY), tenant: typedTenant });
  await complaint({ number: "SA-X-07", state: "RECEIVED", due: at(10 * DAY) });
  // Not in the file: closed, and another site's.
  await complaint({ number: "SA-X-99", state: "CLOSED", due: at(-20 * DAY) });
  await complaint({ number: "SB-X-01", state: "RECEIVED", due: at(-DAY), site: "b" });

  // Six passes of site A: three with one window start, two of those created at the same instant.
  const routeA = (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "1号货梯" } })).id;
  const routeB = (await db.loadingRoute.create({ data: { siteId: world.siteB, name: "1号货梯" } })).id;
  const start = new Date("2026-11-27T02:00:00Z");
  const created = new Date("2026-11-20T01:00:00Z");
  for (const [number, hours, createdHours] of [
    ["GP-06", -48, 0],
    ["GP-03", 0, 0],
    ["GP-01", 24, 0],
    ["GP-04", 0, 0],
    ["GP-02", 0, 5],
    ["GP-05", -24, 0],
  ] as const)
    await goodsPass({
      number,
      start: new Date(start.getTime() + hours * HOUR),
      createdAt: new Date(created.getTime() + createdHours * HOUR),
      routeId: routeA,
    });
  await goodsPass({ number: "GP-B1", start, createdAt: created, site: "b", routeId: routeB, carrier: "@SUM(A1)" });
  await db.goodsPass.update({ where: { number: "GP-01" }, data: { carrierName: "@SUM(A1)" } });

  // Three open phone revisits of special services, two due at the same instant.
  const service = await db.specialService.create({ data: { siteId: world.siteA, name: "地毯清洗", unitLabel: "次", priceFen: 12000 } });
  for (const [notice, due] of [
    ["JF-3", at(-DAY)],
    ["JF-1", at(-2 * DAY)],
    ["JF-2", at(-DAY)],
  ] as const)
    await db.specialServiceOrder.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        serviceId: service.id,
        serviceName: "地毯清洗",
        tenantId: world.a.tenant,
        agreedPriceFen: 12000,
        scheduledAt: at(-5 * DAY),
        orderedById: world.users.MANAGER,
        state: "DONE",
        doneAt: at(-4 * DAY),
        noticeNumber: notice,
        revisitDueAt: due,
      },
    });
});

async function all<T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const everything = { page: 1, skip: 0, take: 100 };

describe("rows read in keyset batches", () => {
  it("deadlines: every row once, in the list's order, across batch boundaries inside a tie", async () => {
    await signInAs(world.users.MANAGER);
    const list = (await listOpenDeadlines({}, everything)).rows.map((r) => r.number);
    expect(list).toEqual(["SA-X-01", "SA-X-02", "SA-X-03", "SA-X-04", "SA-X-05", "SA-X-06", "SA-X-07"]);
    for (const batchSize of [1, 2, 3]) {
      const exported = await exportOpenDeadlines({}, { batchSize, maxRows: 100 });
      expect(exported.truncated).toBe(false);
      expect((await all(exported.rows)).map((r) => r.number)).toEqual(list);
    }
    // The limit: the first rows of the list, and the count knows there are more.
    const cut = await exportOpenDeadlines({}, { batchSize: 2, maxRows: 5 });
    expect(cut.truncated).toBe(true);
    expect((await all(cut.rows)).map((r) => r.number)).toEqual(list.slice(0, 5));
    const exact = await exportOpenDeadlines({}, { batchSize: 2, maxRows: 7 });
    expect(exact.truncated).toBe(false);
    expect(await all(exact.rows)).toHaveLength(7);
  });

  it("deadlines: classified and ordered once per export, so a deadline that moves while the file is written is written once, where it stood", async () => {
    await signInAs(world.users.MANAGER);
    const exported = await exportOpenDeadlines({}, { batchSize: 2, maxRows: 100 });
    const rows = (async function* () {
      yield* exported.rows;
    })();
    const first = [(await rows.next()).value!.number, (await rows.next()).value!.number];
    expect(first).toEqual(["SA-X-01", "SA-X-02"]);
    // While the first batch is written: an exported deadline moves to the end of the list, an unread one
    // to its start. Read again batch by batch from the list, the first would come twice and the second never.
    const moved = { "SA-X-02": at(30 * DAY), "SA-X-07": at(-30 * DAY) };
    const before = await db.complaint.findMany({
      where: { number: { in: Object.keys(moved) } },
      select: { id: true, rectificationDueAt: true },
    });
    try {
      for (const [number, due] of Object.entries(moved))
        await db.complaint.update({ where: { number }, data: { rectificationDueAt: due } });
      const rest: string[] = [];
      for (let next = await rows.next(); !next.done; next = await rows.next()) rest.push(next.value.number);
      expect([...first, ...rest]).toEqual(["SA-X-01", "SA-X-02", "SA-X-03", "SA-X-04", "SA-X-05", "SA-X-06", "SA-X-07"]);
    } finally {
      for (const c of before) await db.complaint.update({ where: { id: c.id }, data: { rectificationDueAt: c.rectificationDueAt } });
    }
  });

  it("goods passes: every pass once, in the list's order (window ↓, created ↓, id ↑), across batch boundaries", async () => {
    await signInAs(world.users.SUPERVISOR);
    const list = (await listGoodsPasses({}, everything)).rows.map((r) => r.number);
    expect(list).toHaveLength(6);
    expect(list.slice(0, 2)).toEqual(["GP-01", "GP-02"]);
    for (const batchSize of [1, 2, 4]) {
      const exported = await exportGoodsPasses({}, { batchSize, maxRows: 100 });
      expect(exported.truncated).toBe(false);
      expect((await all(exported.rows)).map((r) => r.number)).toEqual(list);
    }
  });

  it("special-service revisits: every row once, in the list's order", async () => {
    await signInAs(world.users.MANAGER);
    const list = (await listOpenServiceRevisits({}, everything)).rows.map((r) => r.number);
    expect(list[0]).toBe("JF-1");
    expect(
      await all(await exportOpenServiceRevisits({}, { batchSize: 1, maxRows: 100 })).then((rows) => rows.map((r) => r.number)),
    ).toEqual(list);
  });
});

describe("the streamed file", () => {
  it("cuts the deadlines at the limit and says so in X-Export-Truncated", async () => {
    await signInAs(world.users.MANAGER);
    const response = await deadlineExportRoute(new Request("http://localhost/dashboard/export"));
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Export-Truncated")).toBe("5");
    const [sheet] = await readXlsx(await response.arrayBuffer());
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(["SA-X-01", "SA-X-02", "SA-X-03", "SA-X-04", "SA-X-05"]);

    const within = await deadlineExportRoute(new Request("http://localhost/dashboard/export?severity=MAJOR"));
    expect(within.headers.get("X-Export-Truncated")).toBeNull();
    expect((await readXlsx(await within.arrayBuffer()))[0].rows).toHaveLength(2);
  });

  it("cuts the goods passes at the limit and says so in X-Export-Truncated", async () => {
    await signInAs(world.users.SUPERVISOR);
    const response = await goodsExportRoute(new Request("http://localhost/goods-passes/export"));
    expect(response.headers.get("X-Export-Truncated")).toBe("4");
    const [sheet] = await readXlsx(await response.arrayBuffer());
    expect(sheet.rows).toHaveLength(5);
  });

  it("has the list's cells: typed text as text, local times as real dates", async () => {
    await signInAs(world.users.MANAGER);
    const [listed] = (await listOpenDeadlines({ q: "SA-X-06" }, everything)).rows;
    const response = await deadlineExportRoute(new Request("http://localhost/dashboard/export?q=SA-X-06"));
    const [sheet] = await readXlsx(await response.arrayBuffer());
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[1]).toEqual([
      "SA-X-06",
      "测试项目A",
      "=1+1",
      "U-A",
      "工程部A",
      t("complaints.categories.REPAIR"),
      t("complaints.severities.GENERAL"),
      t("complaints.states.IN_RECTIFICATION"),
      t("complaints.deadlineKinds.rectification"),
      wallClock(at(3 * DAY)),
      t(`complaints.deadlineStates.${listed.dueState}`),
      null,
      wallClock(at(-6 * DAY)),
    ]);
    const row = sheet.worksheet.getRow(2);
    expect(row.getCell(3).formula).toBeUndefined();
    expect(row.getCell(10).numFmt).toBe(DATE_TIME_FORMAT);

    await signInAs(world.users.SUPERVISOR);
    const goods = await goodsExportRoute(new Request("http://localhost/goods-passes/export?q=GP-01"));
    const [goodsSheet] = await readXlsx(await goods.arrayBuffer());
    expect(goodsSheet.rows[1]).toEqual([
      "GP-01",
      "测试项目A",
      "业户A",
      "U-A",
      t("goodsLists.directions.IN"),
      t("goodsLists.states.APPROVED"),
      "1号货梯",
      new Date("2026-11-28T10:00:00Z"),
      new Date("2026-11-28T11:00:00Z"),
      "@SUM(A1)",
      "办公桌 ×2张",
      null,
      null,
      null,
      null,
    ]);
    expect(goodsSheet.worksheet.getRow(2).getCell(10).formula).toBeUndefined();
  });

  it("is refused before anything is streamed: a plain 401/403, no file", async () => {
    for (const [role, route, path] of [
      ["CLERK", deadlineExportRoute, "dashboard/export"],
      ["FRONT_DESK", goodsExportRoute, "goods-passes/export"],
    ] as const) {
      await signInAs(world.users[role]);
      const refused = await route(new Request(`http://localhost/${path}`));
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toContain("application/json");
      expect(refused.headers.get("content-disposition")).toBeNull();
      expect(await refused.json()).toEqual({ error: "forbidden" });
      await signInAs(null);
      expect((await route(new Request(`http://localhost/${path}`))).status).toBe(401);
    }
  });
});
