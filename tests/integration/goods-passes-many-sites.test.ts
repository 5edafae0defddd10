/**
 * The goods-pass page for a manager of many sites (decision 020, lib/many-sites.ts), against PostgreSQL:
 * with more than MANY_SITES sites and none chosen, today's moves are one row per site (R-GP-5, each in
 * its site's own day) instead of every route's timeline; with a site chosen, that site's routes only; a
 * manager of two sites keeps each site's timeline. The page shows todayMoves: each site's timeline
 * (todayTimeline) or the rows counted per site in SQL (todayBySite); the same calls here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { GoodsPassState } from "@/lib/generated/prisma/enums";
import { todayBySite, todayMoves, todayTimeline } from "@/lib/goods-passes/lists.queries";
import { goodsSettings } from "@/lib/goods-settings/queries";
import { MANY_SITES, showsEachSite } from "@/lib/many-sites";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { addManySites, managerOf, type ExtraSite } from "../support/many-sites";
import { resetDatabase } from "../support/reset-db";

/** 2026-11-27 00:45 in Shanghai; still 16:45 on the 26th in London (Z08's zone). */
const NOW = new Date("2026-11-26T16:45:00Z");

let world: World;
let extra: ExtraSite[];
let bigManager: string;
const site = (code: string) => extra.find((s) => s.code === code)!;
const routes: Record<string, string> = {};
const passes: Record<string, string> = {};

/** A pass on `route` of `where`, its window in the site's local time. */
async function pass(
  key: string,
  where: { id: string; tenant: string; unit: string },
  route: string,
  start: string,
  end: string,
  state: GoodsPassState,
  offset = "+08:00",
) {
  const created = await db.goodsPass.create({
    data: {
      requestId: newRequestId(),
      siteId: where.id,
      tenantId: where.tenant,
      unitId: where.unit,
      direction: "IN",
      carrierName: "王师傅",
      carrierIdLast4: "1234",
      routeId: routes[route],
      windowStart: new Date(`${start}${offset}`),
      windowEnd: new Date(`${end}${offset}`),
      state,
      createdById: world.users.FRONT_DESK,
      items: { create: [{ position: 1, name: "办公桌", quantity: "2", unit: "张" }] },
    },
    select: { id: true },
  });
  passes[key] = created.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = await addManySites({ Z08: "Europe/London" });
  bigManager = await managerOf("big.manager", [world.siteA, ...extra.map((s) => s.id)]);
  const a = { id: world.siteA, tenant: world.a.tenant, unit: world.a.unit };
  const b = { id: world.siteB, tenant: world.b.tenant, unit: world.b.unit };
  // Z02 has a route and nothing on it today; Z03…Z07 have no route at all.
  for (const [key, siteId, name] of [
    ["sa1", world.siteA, "1号货梯"],
    ["sa2", world.siteA, "2号货梯"],
    ["z01", site("Z01").id, "货梯"],
    ["z02", site("Z02").id, "货梯"],
    ["z08", site("Z08").id, "Goods lift"],
    ["b1", world.siteB, "1号货梯"],
  ] as const)
    routes[key] = (await db.loadingRoute.create({ data: { siteId, name } })).id;

  // Site A, today the 27th: one move begun last night, one released, one stamped, one waiting for the
  // stamp; a rejected one and tomorrow's are not today's moves.
  await pass("overnight", a, "sa2", "2026-11-26T23:30:00", "2026-11-27T00:15:00", "APPROVED");
  await pass("released", a, "sa1", "2026-11-27T09:00:00", "2026-11-27T10:00:00", "RELEASED");
  await pass("stamped", a, "sa1", "2026-11-27T11:00:00", "2026-11-27T12:00:00", "APPROVED");
  await pass("waiting", a, "sa1", "2026-11-27T14:00:00", "2026-11-27T15:00:00", "PENDING");
  await pass("rejected", a, "sa1", "2026-11-27T16:00:00", "2026-11-27T17:00:00", "REJECTED");
  await pass("tomorrow", a, "sa1", "2026-11-28T09:00:00", "2026-11-28T10:00:00", "PENDING");
  await pass("z01", site("Z01"), "z01", "2026-11-27T08:00:00", "2026-11-27T09:00:00", "PENDING");
  // London, today the 26th: the evening move is today; the 27th's is tomorrow there.
  await pass("london", site("Z08"), "z08", "2026-11-26T20:00:00", "2026-11-26T21:00:00", "PENDING", "+00:00");
  await pass("londonTomorrow", site("Z08"), "z08", "2026-11-27T10:00:00", "2026-11-27T11:00:00", "APPROVED", "+00:00");
  // Site B is not the big manager's.
  await pass("siteB", b, "b1", "2026-11-27T10:00:00", "2026-11-27T11:00:00", "PENDING");
});

describe("a manager of many sites, no site chosen: one row per site", () => {
  it("counts each site's moves of its own day, a site without any showing zeros", async () => {
    await signInAs(bigManager);
    const today = await todayMoves({}, NOW);
    expect(today.eachSite).toBe(false);
    const counted = today.eachSite ? [] : today.rows;
    expect(counted).toHaveLength(MANY_SITES + 1);
    const rows = counted.map((r) => [r.code, r.date, r.moves, r.pending, r.approved, r.released, r.next]);
    expect(rows).toEqual([
      // The overnight move is one of today's, stamped; the next start today is the stamped 11:00.
      ["SA", "2026-11-27", 4, 1, 2, 1, "11:00"],
      // The sites with the most awaiting the stamp first (SA has as many as Z01 and Z08, and more stamped),
      // equal ones by code.
      ["Z01", "2026-11-27", 1, 1, 0, 0, "08:00"],
      ["Z08", "2026-11-26", 1, 1, 0, 0, "20:00"],
      ...["Z02", "Z03", "Z04", "Z05", "Z06", "Z07"].map((code) => [code, "2026-11-27", 0, 0, 0, 0, "—"]),
    ]);
  });

  it("never shows a site that is not the manager's, even when asked for it", async () => {
    await signInAs(bigManager);
    for (const timeline of [await todayTimeline({}, NOW), await todayTimeline({ site: world.siteB }, NOW)]) {
      expect(timeline.map((s) => s.id)).not.toContain(world.siteB);
      expect(timeline.flatMap((s) => s.routes.flatMap((r) => r.moves.map((m) => m.id)))).not.toContain(passes.siteB);
      expect(showsEachSite(timeline.length)).toBe(false);
    }
    // Asked for site B: still the summary of their own sites, site B neither a row nor counted.
    const asked = await todayMoves({ site: world.siteB }, NOW);
    expect(asked.eachSite).toBe(false);
    const rows = await todayBySite({ site: world.siteB }, NOW);
    expect(rows.map((r) => r.id)).not.toContain(world.siteB);
    expect(rows.reduce((n, r) => n + r.moves, 0)).toBe(6);
  });
});

describe("a manager of many sites, a site chosen: that site's routes only", () => {
  it("shows the chosen site's timeline, route by route, and nothing of the other sites", async () => {
    await signInAs(bigManager);
    const today = await todayMoves({ site: world.siteA }, NOW);
    expect(today.eachSite).toBe(true);
    const timeline = today.eachSite ? today.sites : [];
    expect(timeline.map((s) => s.code)).toEqual(["SA"]);
    expect(showsEachSite(timeline.length)).toBe(true);
    expect(Object.fromEntries(timeline[0].routes.map((r) => [r.name, r.moves.map((m) => m.id)]))).toEqual({
      "1号货梯": [passes.released, passes.stamped, passes.waiting],
      "2号货梯": [passes.overnight],
    });
  });

  it("shows a chosen site in another zone in its own day", async () => {
    await signInAs(bigManager);
    const [london, ...others] = await todayTimeline({ site: site("Z08").id }, NOW);
    expect(others).toEqual([]);
    expect(london.date).toBe("2026-11-26");
    expect(london.routes.map((r) => [r.name, r.moves.map((m) => [m.id, m.startTime])])).toEqual([
      ["Goods lift", [[passes.london, "20:00"]]],
    ]);
  });

  it("shows a chosen site with nothing today as its routes, empty", async () => {
    await signInAs(bigManager);
    const timeline = await todayTimeline({ site: site("Z02").id }, NOW);
    expect(timeline.map((s) => [s.code, s.routes.map((r) => [r.name, r.moves.length])])).toEqual([["Z02", [["货梯", 0]]]]);
  });
});

describe("a manager of few sites", () => {
  it("sees each site's timeline, as before", async () => {
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    await signInAs(world.users.MANAGER);
    const today = await todayMoves({}, NOW);
    expect(today.eachSite).toBe(true);
    const timeline = today.eachSite ? today.sites : [];
    expect(timeline.map((s) => [s.code, s.routes.map((r) => [r.name, r.moves.map((m) => m.id)])])).toEqual([
      [
        "SA",
        [
          ["1号货梯", [passes.released, passes.stamped, passes.waiting]],
          ["2号货梯", [passes.overnight]],
        ],
      ],
      ["SB", [["1号货梯", [passes.siteB]]]],
    ]);
  });
});

describe("the goods settings' loading routes for many sites (R-GP-5)", () => {
  it("a manager of many sites with none chosen gets each site's number of routes and no route forms", async () => {
    await signInAs(bigManager);
    const settings = await goodsSettings({});
    expect(settings.site).toBeUndefined();
    expect(settings.sites.every((s) => s.loadingRoutes === null)).toBe(true);
    expect(Object.fromEntries(settings.sites.map((s) => [s.code, s.routeCount]))).toMatchObject({ SA: 2, Z01: 1, Z02: 1, Z03: 0, Z08: 1 });
    // A site that is not theirs shows the same summary, never its routes.
    const other = await goodsSettings({ site: world.siteB });
    expect(other.site).toBeUndefined();
    expect(other.sites.map((s) => s.id)).not.toContain(world.siteB);
    expect(other.sites.every((s) => s.loadingRoutes === null)).toBe(true);
  });

  it("a chosen site shows its routes only", async () => {
    await signInAs(bigManager);
    const settings = await goodsSettings({ site: world.siteA });
    expect(settings.site).toBe(world.siteA);
    expect(settings.sites.filter((s) => s.loadingRoutes !== null).map((s) => [s.code, s.loadingRoutes!.map((r) => r.name)])).toEqual([
      ["SA", ["1号货梯", "2号货梯"]],
    ]);
  });

  it("a manager of few sites sees every site's routes", async () => {
    await signInAs(world.users.MANAGER);
    const settings = await goodsSettings({});
    expect(settings.sites.map((s) => [s.code, s.loadingRoutes?.map((r) => r.name)])).toEqual([
      ["SA", ["1号货梯", "2号货梯"]],
      ["SB", ["1号货梯"]],
    ]);
  });
});
