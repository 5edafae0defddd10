/**
 * The newspapers' monthly report against PostgreSQL (R-NEWS-1..3): per title and per
 * tenant figures from real rows (receipt lines, deliveries by state), month edges in site time (days
 * on the 1st and the last of the month in, the days around them out), a day that does not reconcile,
 * the .xlsx export, and refusals (roles without newspaper:report, another site).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(staff)/newspapers/report/export/route";
import { db } from "@/lib/db";
import type { NewspaperDeliveryState } from "@/lib/generated/prisma/enums";
import { newspaperMonthlyReport } from "@/lib/newspapers/report.queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";
import { newRequestId } from "@/lib/request-id";

const col = (date: string) => new Date(`${date}T00:00:00Z`);
const NOV = new Date("2026-11-20T04:00:00Z");

let world: World;
const titles: Record<string, string> = {};
const subs: Record<string, { id: string; titleId: string; tenantId: string; unitId: string }> = {};
let tenantA2: string;

async function day(
  siteId: string,
  date: string,
  closed: boolean,
  lines: { title: string; received: number; expected: number; returned?: number }[],
  deliveries: { sub: string; copies: number; state: NewspaperDeliveryState }[],
) {
  const d = await db.newspaperDay.create({
    data: {
      requestId: newRequestId(),
      siteId,
      date: col(date),
      courierName: "邮局老李",
      receivedById: world.users.FRONT_DESK,
      receiptSignatureFileId: "sig",
      closedAt: closed ? new Date(`${date}T10:00:00Z`) : null,
      closedById: closed ? world.users.FRONT_DESK : null,
      lines: {
        create: lines.map((l) => ({ titleId: titles[l.title], received: l.received, expected: l.expected, returned: l.returned ?? 0 })),
      },
    },
    select: { id: true },
  });
  await db.newspaperDelivery.createMany({
    data: deliveries.map((x) => {
      const s = subs[x.sub];
      return {
        dayId: d.id,
        siteId,
        subscriptionId: s.id,
        titleId: s.titleId,
        tenantId: s.tenantId,
        unitId: s.unitId,
        copies: x.copies,
        state: x.state,
      };
    }),
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  for (const [key, siteId, name] of [
    ["rmrb", world.siteA, "人民日报"],
    ["jfrb", world.siteA, "解放日报"],
    ["b", world.siteB, "B项目晚报"],
  ] as const) {
    titles[key] = (await db.newspaperTitle.create({ data: { siteId, name }, select: { id: true } })).id;
  }
  const tenant2 = await db.tenant.create({ data: { siteId: world.siteA, name: "华东贸易有限公司" }, select: { id: true } });
  tenantA2 = tenant2.id;
  const unit2 = await db.unit.create({
    data: { siteId: world.siteA, code: "U-A2", building: "A座", floor: "2F", status: "OCCUPIED", tenantId: tenantA2 },
    select: { id: true },
  });
  const sub = async (key: string, siteId: string, title: string, tenantId: string, unitId: string, copies: number) => {
    const s = await db.newspaperSubscription.create({
      data: { siteId, titleId: titles[title], tenantId, unitId, copies, startsOn: col("2026-01-01"), createdById: world.users.CLERK },
      select: { id: true },
    });
    subs[key] = { id: s.id, titleId: titles[title], tenantId, unitId };
  };
  await sub("s1", world.siteA, "rmrb", world.a.tenant, world.a.unit, 2);
  await sub("s2", world.siteA, "rmrb", tenantA2, unit2.id, 3);
  await sub("s3", world.siteA, "jfrb", world.a.tenant, world.a.unit, 1);
  await sub("sb", world.siteB, "b", world.b.tenant, world.b.unit, 7);

  // The days either side of November: never counted in it.
  await day(
    world.siteA,
    "2026-10-31",
    true,
    [{ title: "rmrb", received: 100, expected: 100 }],
    [{ sub: "s1", copies: 50, state: "DELIVERED" }],
  );
  await day(
    world.siteA,
    "2026-12-01",
    false,
    [{ title: "rmrb", received: 100, expected: 100 }],
    [{ sub: "s1", copies: 50, state: "HELD" }],
  );
  // The 1st: everything reconciles; tenant A2's copies were held, then picked up.
  await day(
    world.siteA,
    "2026-11-01",
    true,
    [
      { title: "rmrb", received: 5, expected: 5 },
      { title: "jfrb", received: 1, expected: 1 },
    ],
    [
      { sub: "s1", copies: 2, state: "DELIVERED" },
      { sub: "s2", copies: 3, state: "PICKED_UP" },
      { sub: "s3", copies: 1, state: "DELIVERED" },
    ],
  );
  // Mid-month: two copies short of 人民日报; one surplus 解放日报 returned, tenant A's copy still held.
  await day(
    world.siteA,
    "2026-11-15",
    true,
    [
      { title: "rmrb", received: 3, expected: 5 },
      { title: "jfrb", received: 2, expected: 1, returned: 1 },
    ],
    [
      { sub: "s1", copies: 2, state: "SHORT" },
      { sub: "s2", copies: 3, state: "DELIVERED" },
      { sub: "s3", copies: 1, state: "HELD" },
    ],
  );
  // The last day, still open: A2's three copies not handed over yet → 人民日报 does not reconcile.
  await day(
    world.siteA,
    "2026-11-30",
    false,
    [
      { title: "rmrb", received: 5, expected: 5 },
      { title: "jfrb", received: 1, expected: 1 },
    ],
    [
      { sub: "s1", copies: 2, state: "DELIVERED" },
      { sub: "s2", copies: 3, state: "PENDING" },
      { sub: "s3", copies: 1, state: "HELD" },
    ],
  );
  await day(world.siteB, "2026-11-10", true, [{ title: "b", received: 7, expected: 7 }], [{ sub: "sb", copies: 7, state: "DELIVERED" }]);
});

describe("monthly report per title (R-NEWS-1..3)", () => {
  it("sums the month's days from the 1st to the last, and flags the day that does not reconcile", async () => {
    await signInAs(world.users.FRONT_DESK);
    const report = await newspaperMonthlyReport({ month: "2026-11" }, NOV);
    expect(report).toMatchObject({ month: "2026-11", from: "2026-11-01", to: "2026-11-30", days: 3, openDays: 1 });
    expect(report.titles.map((t) => t.name)).toEqual(["解放日报", "人民日报"]);
    expect(report.titles.find((t) => t.name === "人民日报")).toMatchObject({
      daysReceived: 3,
      received: 13,
      expected: 15,
      shortfall: 2,
      delivered: 7,
      held: 3,
      pickedUp: 3,
      stillHeld: 0,
      short: 2,
      pending: 3,
      returned: 0,
      discrepancyDates: ["2026-11-30"],
      openDays: 1,
    });
    expect(report.titles.find((t) => t.name === "解放日报")).toMatchObject({
      daysReceived: 3,
      received: 4,
      expected: 3,
      shortfall: 0,
      delivered: 1,
      held: 2,
      pickedUp: 0,
      stillHeld: 2,
      returned: 1,
      discrepancyDates: [],
      openDays: 1,
    });
  });

  it("per tenant: titles and copies delivered, held, picked up and still held", async () => {
    await signInAs(world.users.CLERK);
    const report = await newspaperMonthlyReport({ month: "2026-11" }, NOV);
    expect(report.tenants).toHaveLength(2);
    expect(report.tenants.find((t) => t.tenantId === world.a.tenant)).toMatchObject({
      name: "业户A",
      titles: ["人民日报", "解放日报"].sort(),
      delivered: 5,
      held: 2,
      pickedUp: 0,
      stillHeld: 2,
    });
    expect(report.tenants.find((t) => t.tenantId === tenantA2)).toMatchObject({ delivered: 3, held: 3, pickedUp: 3, stillHeld: 0 });
  });

  it("the default month is the site's: 00:30 on 1 December in Shanghai is already December", async () => {
    await signInAs(world.users.MANAGER);
    expect((await newspaperMonthlyReport({}, new Date("2026-11-30T15:30:00Z"))).month).toBe("2026-11");
    const december = await newspaperMonthlyReport({}, new Date("2026-11-30T16:30:00Z"));
    expect(december).toMatchObject({ month: "2026-12", days: 1 });
    expect(december.titles[0]).toMatchObject({ received: 100, held: 50, stillHeld: 50, discrepancyDates: ["2026-12-01"] });
  });

  it("an empty month has empty tables; a malformed month falls back to the current one", async () => {
    await signInAs(world.users.MANAGER);
    expect(await newspaperMonthlyReport({ month: "2026-09" }, NOV)).toMatchObject({ days: 0, titles: [], tenants: [] });
    expect((await newspaperMonthlyReport({ month: "2026-13" }, NOV)).month).toBe("2026-11");
  });
});

describe("export", () => {
  it("has a sheet per title and one per tenant", async () => {
    await signInAs(world.users.MANAGER);
    const response = await exportRoute(new Request(`http://localhost/newspapers/report/export?site=${world.siteA}&month=2026-11`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("2026-11.xlsx");
    const [byTitle, byTenant] = await readXlsx(await response.arrayBuffer());
    expect([byTitle.name, byTenant.name]).toEqual(["按报刊", "按业户"]);
    expect(byTitle.rows.flat()).toContain("人民日报");
    expect(byTitle.text).toContain("2026-11-30");
    expect(byTitle.rows.flat()).toContain(13); // a number, not text
    expect(byTitle.text).not.toContain("B项目晚报");
    expect(byTenant.text).toContain("华东贸易有限公司");
    expect(byTenant.rows.flat()).toContain("业户A");
    expect(byTenant.text).not.toContain("业户B");
  });
});

describe("refusals", () => {
  it("roles without newspaper:report are refused", async () => {
    for (const role of ["SUPERVISOR", "ENGINEER", "ADMIN"] as const) {
      await signInAs(world.users[role]);
      await expect(newspaperMonthlyReport({ month: "2026-11" }, NOV)).rejects.toMatchObject({ code: "forbidden" });
      expect((await exportRoute(new Request("http://localhost/newspapers/report/export?month=2026-11"))).status).toBe(403);
    }
    await signInAs(null);
    expect((await exportRoute(new Request("http://localhost/newspapers/report/export"))).status).toBe(401);
  });

  it("another site's report does not exist for the user", async () => {
    await signInAs(world.users.FRONT_DESK);
    await expect(newspaperMonthlyReport({ site: world.siteB, month: "2026-11" }, NOV)).rejects.toMatchObject({ code: "not_found" });
    expect((await exportRoute(new Request(`http://localhost/newspapers/report/export?site=${world.siteB}&month=2026-11`))).status).toBe(
      404,
    );
  });
});
