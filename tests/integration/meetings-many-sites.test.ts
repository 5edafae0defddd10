/**
 * The meetings page's series cards for a manager of many sites (decision 020, lib/many-sites.ts), against
 * PostgreSQL: with series at more than MANY_SITES sites and none chosen, no card (the page asks for a
 * site) and every site to choose from; with a site chosen, that site's cards only; a manager of two sites
 * keeps every card. The page shows seriesCardsOf(seriesOverview(), ?site): the same calls here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MeetingKind } from "@/lib/generated/prisma/enums";
import { MANY_SITES } from "@/lib/many-sites";
import { seriesOverview } from "@/lib/meetings/queries";
import { seriesCardsOf } from "@/lib/meetings/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { addManySites, managerOf, type ExtraSite } from "../support/many-sites";
import { resetDatabase } from "../support/reset-db";

let world: World;
let extra: ExtraSite[];
let bigManager: string;
const code = new Map<string, string>();
const siteOf = (c: string) => (c === "SA" ? world.siteA : c === "SB" ? world.siteB : extra.find((s) => s.code === c)!.id);

async function series(site: string, kind: MeetingKind, name: string) {
  await db.meetingSeries.create({
    data: {
      siteId: siteOf(site),
      kind,
      name,
      convenerId: world.users.MANAGER,
      minuteTakerId: world.users.CLERK,
      place: "客务部会议室",
      startsOn: new Date("2026-01-05T00:00:00Z"),
    },
  });
}

/** What a card says: site code, series name. */
const cards = (shown: { siteId: string; name: string }[]) => shown.map((s) => `${code.get(s.siteId)} ${s.name}`).sort();

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = await addManySites({ Z08: "Europe/London" });
  bigManager = await managerOf("big.manager", [world.siteA, ...extra.map((s) => s.id)]);
  code.set(world.siteA, "SA").set(world.siteB, "SB");
  for (const s of extra) code.set(s.id, s.code);
  // A department meeting at each of the big manager's sites; site A also has the cleaning meeting.
  for (const c of ["SA", ...extra.map((s) => s.code)]) await series(c, "DEPARTMENT", `部门例会${c}`);
  await series("SA", "CLEANING", "保洁工作例会SA");
  // Site B is not the big manager's.
  await series("SB", "DEPARTMENT", "部门例会SB");
  // The world's manager, of site A, also manages site B: a manager of few sites.
  await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
});

describe("a manager of many sites, no site chosen", () => {
  it("shows no series card, and offers each of the manager's sites to choose", async () => {
    await signInAs(bigManager);
    const overview = await seriesOverview();
    expect(overview).toHaveLength(MANY_SITES + 2);
    const { sites, eachSite, shown } = seriesCardsOf(overview);
    expect(eachSite).toBe(false);
    expect(shown).toEqual([]);
    expect(sites.map((s) => code.get(s.value)).sort()).toEqual(["SA", ...extra.map((s) => s.code)]);
    expect(sites.find((s) => s.value === siteOf("Z08"))?.label).toBe("分公司8");
  });
});

describe("a manager of many sites, a site chosen", () => {
  it("shows that site's cards only", async () => {
    await signInAs(bigManager);
    const overview = await seriesOverview();
    expect(cards(seriesCardsOf(overview, siteOf("SA")).shown)).toEqual(["SA 保洁工作例会SA", "SA 部门例会SA"]);
    const london = seriesCardsOf(overview, siteOf("Z08"));
    expect(cards(london.shown)).toEqual(["Z08 部门例会Z08"]);
    // The choice of site stays offered, with every site, while one is chosen.
    expect(london.sites).toHaveLength(MANY_SITES + 1);
    // Cards the manager may act on: scheduling and managing the series.
    expect(london.shown[0]).toMatchObject({ canSchedule: true, canManage: true });
  });

  it("shows nothing for a site that is not the manager's", async () => {
    await signInAs(bigManager);
    const overview = await seriesOverview();
    expect(overview.map((s) => s.siteId)).not.toContain(world.siteB);
    expect(seriesCardsOf(overview, world.siteB).shown).toEqual([]);
  });
});

describe("a manager of few sites", () => {
  it("sees every series card of each site, as before", async () => {
    await signInAs(world.users.MANAGER);
    const { sites, eachSite, shown } = seriesCardsOf(await seriesOverview());
    expect(eachSite).toBe(true);
    expect(sites).toHaveLength(2);
    expect(cards(shown)).toEqual(["SA 保洁工作例会SA", "SA 部门例会SA", "SB 部门例会SB"]);
  });

  it("with a site chosen, sees that site's cards", async () => {
    await signInAs(world.users.MANAGER);
    expect(cards(seriesCardsOf(await seriesOverview(), world.siteB).shown)).toEqual(["SB 部门例会SB"]);
  });
});
