/**
 * The site rows kept in memory (lib/registry/site.store.ts, on the CacheVersion mechanism of
 * lib/cache-version.ts): read from memory while nothing changes, and an edit of a site's inspection
 * slots (R-INS-1) on the settings page is seen by the next read, by the supervisor's rounds and by a
 * second app instance (a second copy of the module) that cached the sites before the edit.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { todayRounds } from "@/lib/inspections/queries";
import { createSiteAction, updateSiteAction } from "@/lib/registry/site.actions";
import * as first from "@/lib/registry/site.store";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

type Store = typeof import("@/lib/registry/site.store");

let world: World;
let second: Store;

/** The supervisor's first daily window of site A today, as the rounds page shows it: "HH:mm–HH:mm". */
async function firstSlotOnRounds(): Promise<string> {
  await signInAs(world.users.SUPERVISOR);
  const [site] = await todayRounds();
  const slot1 = site.groups[0].areas[0].windows.find((w) => w.slot === 1)!;
  return `${slot1.startLocal}–${slot1.endLocal}`;
}

/** What the site settings form sends (lib/registry/site.schema.ts), with the row's edit version. */
async function siteForm(siteId: string, slots: { slot1Start: string; slot1End: string }) {
  const { version, name } = await db.site.findUniqueOrThrow({ where: { id: siteId }, select: { version: true, name: true } });
  return {
    id: siteId,
    version,
    name,
    address: null,
    timeZone: "Asia/Shanghai",
    ...slots,
    slot2Start: "14:00",
    slot2End: "17:30",
    inspectOnWeekends: true,
  };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  vi.resetModules();
  second = await import("@/lib/registry/site.store");
  expect(second).not.toBe(first);
});

describe("site settings in memory", () => {
  it("are read from memory while the version stays: a change no trigger announces is not seen", async () => {
    const before = await first.siteSettings(world.siteA);
    expect(before?.slot1Start).toBe("09:00");
    expect(await firstSlotOnRounds()).toBe("09:00–12:00");
    // Changed behind the cache's back (the version trigger off): a read that went to the database would see it.
    await db.$executeRaw`ALTER TABLE "Site" DISABLE TRIGGER "Site_site_version"`;
    try {
      await db.$executeRaw`UPDATE "Site" SET "slot1Start" = '07:00' WHERE id = ${world.siteA}`;
    } finally {
      await db.$executeRaw`ALTER TABLE "Site" ENABLE TRIGGER "Site_site_version"`;
    }
    expect(await first.siteSettings(world.siteA)).toBe(before);
    expect(await firstSlotOnRounds()).toBe("09:00–12:00");
    await db.$executeRaw`UPDATE "Site" SET "slot1Start" = '09:00' WHERE id = ${world.siteA}`;
  });

  it("an edit of the inspection slots on the settings page is seen at once by the rounds and every instance (R-INS-1)", async () => {
    expect((await second.siteSettings(world.siteA))?.slot1Start).toBe("09:00");
    expect(await firstSlotOnRounds()).toBe("09:00–12:00");
    await signInAs(world.users.ADMIN);
    expect(await updateSiteAction(await siteForm(world.siteA, { slot1Start: "08:30", slot1End: "11:30" }))).toMatchObject({ ok: true });
    expect(await firstSlotOnRounds()).toBe("08:30–11:30");
    for (const store of [first, second])
      expect(await store.siteSettings(world.siteA)).toMatchObject({ slot1Start: "08:30", slot1End: "11:30" });
    // The other site is unchanged.
    expect((await second.siteSettings(world.siteB))?.slot1Start).toBe("09:00");
  });

  it("a new site is in every instance's list at once (the admin's site picker)", async () => {
    expect((await second.allSites()).map((s) => s.code)).toEqual(["SA", "SB"]);
    await signInAs(world.users.ADMIN);
    const created = await createSiteAction({
      code: "SC",
      name: "测试项目C",
      address: null,
      timeZone: "Asia/Urumqi",
      slot1Start: "10:00",
      slot1End: "12:00",
      slot2Start: "15:00",
      slot2End: "18:00",
      inspectOnWeekends: false,
    });
    expect(created).toMatchObject({ ok: true });
    for (const store of [first, second]) expect((await store.allSites()).map((s) => s.code)).toEqual(["SA", "SB", "SC"]);
    expect(await second.sitesByIds([world.siteB, (created as { data: { id: string } }).data.id])).toMatchObject([
      { code: "SB" },
      { code: "SC", timeZone: "Asia/Urumqi", inspectOnWeekends: false },
    ]);
  });

  it("are kept also where no site was written since the database began (no version yet)", async () => {
    await db.$executeRaw`DELETE FROM "CacheVersion"`;
    first.forgetSites();
    const sites = await first.allSites();
    expect(await db.cacheVersion.findUnique({ where: { id: "site" } })).not.toBeNull();
    expect(await first.allSites()).toBe(sites);
    await db.site.update({ where: { id: world.siteB }, data: { name: "测试项目B2" } });
    expect((await first.siteSettings(world.siteB))?.name).toBe("测试项目B2");
  });
});
