/**
 * Settings pages for a manager of many sites (lib/many-sites.ts), against PostgreSQL: with more than
 * MANY_SITES sites and none chosen, each site's counts and none of its records (the chat channels, the
 * special-service catalogue); a chosen site (one of theirs) shows its records; a manager of few sites sees
 * every site's, as before. (The goods settings' routes: goods-passes-many-sites.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getActor } from "@/lib/auth/actor";
import { chatChannelSettings } from "@/lib/chat-channels/queries";
import { db } from "@/lib/db";
import { listCatalogue } from "@/lib/special-services/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { addManySites, managerOf, type ExtraSite } from "../support/many-sites";
import { resetDatabase } from "../support/reset-db";

let world: World;
let extra: ExtraSite[];
let bigManager: string;

async function channel(siteId: string, name: string, lastError: string | null = null) {
  await db.chatChannel.create({
    data: { siteId, kind: "WECOM", name, urlEncrypted: "x", urlHost: "qyapi.weixin.qq.com", topics: [], locale: "zh-CN", lastError },
  });
}

async function actor() {
  return (await getActor())!;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  extra = await addManySites();
  bigManager = await managerOf("big.manager", [world.siteA, ...extra.map((s) => s.id)]);
  // The world's manager: two sites, each shown in full.
  await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
  await channel(world.siteA, "客务群");
  await channel(world.siteA, "工程群", "HTTP 500");
  await channel(extra[0]!.id, "分公司群");
  await channel(world.siteB, "B 项目群");
  await db.specialService.createMany({
    data: [
      { siteId: world.siteA, name: "地毯清洗", unitLabel: "平方米", priceFen: 1500 },
      { siteId: world.siteA, name: "空调清洗", unitLabel: "台", priceFen: 8000, active: false },
      { siteId: extra[0]!.id, name: "搬家协助", unitLabel: "次", priceFen: 20000 },
      { siteId: world.siteB, name: "B 项目保洁", unitLabel: "次", priceFen: 10000 },
    ],
  });
});

describe("chat-channel settings for many sites", () => {
  it("none chosen: each site's channels and failing ones counted, no channel read", async () => {
    await signInAs(bigManager);
    const settings = await chatChannelSettings(await actor());
    expect(settings.site).toBeUndefined();
    expect(settings.sites.every((s) => s.channels === null)).toBe(true);
    expect(settings.sites.find((s) => s.id === extra[0]!.id)).toMatchObject({ channelCount: 1, failingCount: 0 });
    expect(settings.sites.find((s) => s.id === extra[1]!.id)).toMatchObject({ channelCount: 0, failingCount: 0 });
    expect(settings.sites.find((s) => s.id === world.siteA)).toMatchObject({ channelCount: 2, failingCount: 1 });
    // A site that is not theirs is neither counted nor shown.
    const other = await chatChannelSettings(await actor(), { site: world.siteB });
    expect(other.site).toBeUndefined();
    expect(other.sites.map((s) => s.id)).not.toContain(world.siteB);
  });

  it("a chosen site shows its channels, never the URL or the secret", async () => {
    await signInAs(bigManager);
    const settings = await chatChannelSettings(await actor(), { site: world.siteA });
    const shown = settings.sites.filter((s) => s.channels !== null);
    expect(shown.map((s) => [s.id, s.channels!.map((c) => c.name)])).toEqual([[world.siteA, ["客务群", "工程群"]]]);
    expect(shown[0]!.channels![0]).not.toHaveProperty("urlEncrypted");
    expect(shown[0]!.channels![0]).not.toHaveProperty("secretEncrypted");
  });

  it("a manager of few sites sees every site's channels", async () => {
    await signInAs(world.users.MANAGER);
    const settings = await chatChannelSettings(await actor());
    expect(settings.sites.map((s) => s.channels?.map((c) => c.name))).toEqual([["客务群", "工程群"], ["B 项目群"]]);
  });
});

describe("the special-service catalogue for many sites (R-SVC-1)", () => {
  it("none chosen: each site's services counted, none read", async () => {
    await signInAs(bigManager);
    const catalogue = await listCatalogue();
    expect(catalogue.site).toBeUndefined();
    expect(catalogue.sites.every((s) => s.services === null)).toBe(true);
    expect(catalogue.sites.find((s) => s.id === world.siteA)).toMatchObject({ serviceCount: 2, activeCount: 1 });
    expect(catalogue.sites.find((s) => s.id === extra[0]!.id)).toMatchObject({ serviceCount: 1, activeCount: 1 });
    expect(catalogue.sites.map((s) => s.id)).not.toContain(world.siteB);
  });

  it("a chosen site shows its services; a site not theirs shows the counts", async () => {
    await signInAs(bigManager);
    const chosen = await listCatalogue({ site: world.siteA });
    expect(chosen.sites.filter((s) => s.services !== null).map((s) => [s.id, s.services!.map((x) => x.name)])).toEqual([
      [world.siteA, ["地毯清洗", "空调清洗"]],
    ]);
    const other = await listCatalogue({ site: world.siteB });
    expect(other.site).toBeUndefined();
    expect(other.sites.every((s) => s.services === null)).toBe(true);
  });

  it("a manager of few sites sees every site's services", async () => {
    await signInAs(world.users.MANAGER);
    const catalogue = await listCatalogue();
    expect(catalogue.sites.map((s) => s.services?.map((x) => x.name))).toEqual([["地毯清洗", "空调清洗"], ["B 项目保洁"]]);
  });
});
