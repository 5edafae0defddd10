/**
 * The chat-channel settings for a manager of many sites (lib/many-sites.ts), against PostgreSQL: with
 * more than MANY_SITES sites and none chosen, each site's number of channels and of failing ones and no
 * channel read; a chosen site (one of theirs) shows its channels; a manager of few sites sees every
 * site's channels, as before.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getActor } from "@/lib/auth/actor";
import { chatChannelSettings } from "@/lib/chat-channels/queries";
import { db } from "@/lib/db";
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
  await channel(world.siteA, "客务群");
  await channel(world.siteA, "工程群", "HTTP 500");
  await channel(extra[0]!.id, "分公司群");
  await channel(world.siteB, "B 项目群");
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
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    await signInAs(world.users.MANAGER);
    const settings = await chatChannelSettings(await actor());
    expect(settings.sites.map((s) => s.channels?.map((c) => c.name))).toEqual([["客务群", "工程群"], ["B 项目群"]]);
  });
});
