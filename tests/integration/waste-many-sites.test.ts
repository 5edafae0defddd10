/**
 * The waste page for a manager of many sites (decision 020, lib/many-sites.ts), against PostgreSQL: with
 * more than MANY_SITES sites and none chosen, the streams listed are only those overdue or due today
 * (R-WST-2, each on its site's own day), the others counted; with a site chosen, every stream of that site;
 * a manager of two sites keeps every stream of each. The page lists streamsToList(wasteOverview(filter)):
 * the same calls here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dateColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { WasteStream } from "@/lib/generated/prisma/enums";
import { MANY_SITES } from "@/lib/many-sites";
import { newRequestId } from "@/lib/request-id";
import { wasteOverview } from "@/lib/waste/queries";
import { streamsToList } from "@/lib/waste/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { addManySites, managerOf, type ExtraSite } from "../support/many-sites";
import { resetDatabase } from "../support/reset-db";

/** 2026-11-27 00:45 in Shanghai; still 16:45 on the 26th in London (Z08's zone). */
const NOW = new Date("2026-11-26T16:45:00Z");
/** Six streams at every site, in use or not. */
const STREAMS_PER_SITE = 6;

let world: World;
let extra: ExtraSite[];
let bigManager: string;
const code = new Map<string, string>();
const siteOf = (c: string) => (c === "SA" ? world.siteA : c === "SB" ? world.siteB : extra.find((s) => s.code === c)!.id);

/** `stream` in use at the site for 30 days (an active container), last cleared on `clearedOn` (local date) if given. */
async function inUse(site: string, stream: WasteStream, clearedOn?: string) {
  const siteId = siteOf(site);
  const point = await db.wasteCollectionPoint.upsert({
    where: { siteId_name: { siteId, name: "B1 垃圾房" } },
    create: { siteId, name: "B1 垃圾房" },
    update: {},
    select: { id: true },
  });
  await db.wasteContainer.create({
    data: { pointId: point.id, siteId, stream, label: `${stream}-1`, createdAt: new Date(NOW.getTime() - 30 * 86_400_000) },
  });
  if (clearedOn)
    await db.wasteClearance.create({
      data: {
        requestId: newRequestId(),
        siteId,
        stream,
        clearedOn: dateColumn(clearedOn),
        quantity: "10",
        unit: "KG",
        takenBy: "绿源再生资源回收站",
        recordedById: world.users.FRONT_DESK,
      },
    });
}

/** What a row of the streams table says: site, stream, state (days overdue). */
const seen = (streams: { siteId: string; stream: string; state: string; daysOverdue: number }[]) =>
  streams.map((s) => `${code.get(s.siteId)} ${s.stream} ${s.state}${s.daysOverdue ? ` ${s.daysOverdue}` : ""}`);

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = await addManySites({ Z08: "Europe/London" });
  bigManager = await managerOf("big.manager", [world.siteA, ...extra.map((s) => s.id)]);
  code.set(world.siteA, "SA").set(world.siteB, "SB");
  for (const s of extra) code.set(s.id, s.code);
  // Recyclables every 7 days, batteries every 90, general waste every day (R-WST-1 defaults).
  await inUse("SA", "RECYCLABLE", "2026-11-18"); // due the 25th: 2 days overdue on the 27th
  await inUse("SA", "BATTERIES"); // in use since 28 Oct, due in January
  await inUse("Z01", "RECYCLABLE", "2026-11-20"); // due today, the 27th
  await inUse("Z02", "RECYCLABLE", "2026-11-25"); // due 2 Dec
  await inUse("Z03", "NON_RECYCLABLE"); // never cleared since 28 Oct
  // London's today is the 26th: due today there (in Shanghai's day it would be a day overdue).
  await inUse("Z08", "RECYCLABLE", "2026-11-19");
  // Site B is not the big manager's.
  await inUse("SB", "RECYCLABLE", "2026-11-01");
});

describe("a manager of many sites, no site chosen: only what needs someone today", () => {
  it("lists the streams overdue or due today, each on its site's own day, and counts the others", async () => {
    await signInAs(bigManager);
    const streams = await wasteOverview({}, NOW);
    const { sitesInView, shown } = streamsToList(streams);
    expect(sitesInView).toBe(MANY_SITES + 1);
    expect(seen(shown)).toEqual([
      "SA RECYCLABLE OVERDUE 2",
      "Z01 RECYCLABLE DUE_TODAY",
      "Z03 NON_RECYCLABLE OVERDUE 29",
      "Z08 RECYCLABLE DUE_TODAY",
    ]);
    // The page says how many it leaves out: on time (SA's batteries, Z02's recyclables) or not in use.
    expect(streams.length - shown.length).toBe((MANY_SITES + 1) * STREAMS_PER_SITE - 4);
    expect(seen(streams.filter((s) => s.state === "OK"))).toEqual(["SA BATTERIES OK", "Z02 RECYCLABLE OK"]);
  });

  it("never lists a site that is not the manager's, even when asked for it", async () => {
    await signInAs(bigManager);
    for (const streams of [await wasteOverview({}, NOW), await wasteOverview({ site: world.siteB }, NOW)]) {
      expect(streams.map((s) => s.siteId)).not.toContain(world.siteB);
      expect(streamsToList(streams).sitesInView).toBe(MANY_SITES + 1);
    }
  });
});

describe("a manager of many sites, a site chosen: every stream of that site", () => {
  it("lists the chosen site's streams on time and not in use as well, and no other site's", async () => {
    await signInAs(bigManager);
    const { sitesInView, shown } = streamsToList(await wasteOverview({ site: siteOf("Z02") }, NOW));
    expect(sitesInView).toBe(1);
    expect(seen(shown)).toEqual([
      "Z02 RECYCLABLE OK",
      ...["NON_RECYCLABLE", "BATTERIES", "TONER", "PACKAGING", "HAZARDOUS"].map((s) => `Z02 ${s} NOT_IN_USE`),
    ]);
  });

  it("takes the chosen site's own day", async () => {
    await signInAs(bigManager);
    const { shown } = streamsToList(await wasteOverview({ site: siteOf("Z08") }, NOW));
    expect(shown.find((s) => s.stream === "RECYCLABLE")).toMatchObject({ today: "2026-11-26", dueOn: "2026-11-26", state: "DUE_TODAY" });
  });
});

describe("a manager of few sites", () => {
  it("sees every stream of each site, as before", async () => {
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    await signInAs(world.users.MANAGER);
    const streams = await wasteOverview({}, NOW);
    const { sitesInView, shown } = streamsToList(streams);
    expect(sitesInView).toBe(2);
    expect(shown).toEqual(streams);
    expect(shown).toHaveLength(2 * STREAMS_PER_SITE);
    expect(seen(shown.filter((s) => s.state !== "NOT_IN_USE"))).toEqual([
      "SA RECYCLABLE OVERDUE 2",
      "SA BATTERIES OK",
      "SB RECYCLABLE OVERDUE 19",
    ]);
  });
});
