/**
 * The vacant-unit month view for a manager of many sites (decision 020, lib/many-sites.ts), against
 * PostgreSQL: with more than MANY_SITES sites and none chosen, one line per site with its counts and
 * score (R-VAC-1, R-VAC-3) and no unit rows; with a site chosen, that site's due units only; a manager
 * of few sites keeps every site's units. The page renders vacantMonthView(?site): the same call here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MANY_SITES } from "@/lib/many-sites";
import { vacantMonthView } from "@/lib/vacant-units/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { addManySites, managerOf, type ExtraSite } from "../support/many-sites";
import { resetDatabase } from "../support/reset-db";

let world: World;
let extra: ExtraSite[];
let bigManager: string;
const byCode = (code: string) => extra.find((s) => s.code === code)!;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = await addManySites();
  bigManager = await managerOf("big.vacant.manager", [world.siteA, ...extra.map((s) => s.id)]);
  // Z01 and Z03 each have one vacant unit (due this month, R-VAC-1), Z03's without a dedicated cleaner.
  const cleaner = await db.cleaner.create({ data: { siteId: byCode("Z01").id, name: "王保洁" }, select: { id: true } });
  await db.unit.update({ where: { id: byCode("Z01").unit }, data: { status: "VACANT", tenantId: null, cleanerId: cleaner.id } });
  await db.unit.update({ where: { id: byCode("Z03").unit }, data: { status: "VACANT", tenantId: null } });
});

describe("a manager of many sites, no site chosen", () => {
  it("lists each site once with its due units and none of the units", async () => {
    await signInAs(bigManager);
    const view = await vacantMonthView({});
    expect(view.bySite).toBe(true);
    expect(view.rows).toEqual([]);
    expect(view.siteScores).toHaveLength(MANY_SITES + 1);
    const line = (code: string) => view.siteScores.find((s) => s.site.id === byCode(code).id)!;
    expect(line("Z01").current).toMatchObject({ due: 1, done: 0, verified: 0 });
    expect(line("Z01").withoutCleaner).toBe(0);
    expect(line("Z03").current).toMatchObject({ due: 1, done: 0 });
    expect(line("Z03").withoutCleaner).toBe(1);
    expect(line("Z02").current.due).toBe(0);
    // Site B is not this manager's.
    expect(view.siteScores.some((s) => s.site.id === world.siteB)).toBe(false);
  });

  it("treats a site that is not theirs as none chosen: the summary, not every site's units", async () => {
    await signInAs(bigManager);
    const view = await vacantMonthView({ site: world.siteB });
    expect(view.bySite).toBe(true);
    expect(view.site).toBeUndefined();
    expect(view.rows).toEqual([]);
    expect(view.siteScores).toHaveLength(MANY_SITES + 1);
  });
});

describe("a manager of many sites, a site chosen", () => {
  it("shows that site's due units only", async () => {
    await signInAs(bigManager);
    const view = await vacantMonthView({ site: byCode("Z03").id });
    expect(view.bySite).toBe(false);
    expect(view.rows.map((r) => r.code)).toEqual(["U-Z03"]);
    expect(view.rows[0].noCleaner).toBe(true);
    expect(view.siteScores.map((s) => s.site.id)).toEqual([byCode("Z03").id]);
  });

  it("with a search term, lists the matching units only and still scores every due unit", async () => {
    await signInAs(bigManager);
    const none = await vacantMonthView({ site: byCode("Z03").id, q: "不存在的单元" });
    expect(none.rows).toEqual([]);
    expect(none.siteScores[0].current.due).toBe(1);
    const found = await vacantMonthView({ site: byCode("Z03").id, q: "u-z03" });
    expect(found.rows.map((r) => r.code)).toEqual(["U-Z03"]);
  });
});

describe("a manager of few sites", () => {
  it("keeps every site's units, as before", async () => {
    await signInAs(world.users.MANAGER);
    const view = await vacantMonthView({});
    expect(view.bySite).toBe(false);
    expect(new Set(view.rows.map((r) => r.siteId)).size).toBeLessThanOrEqual(2);
    expect(view.siteScores.length).toBeLessThanOrEqual(MANY_SITES);
  });
});
