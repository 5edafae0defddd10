/**
 * The calendars kept in memory (lib/calendar/store.ts, R-CAL-1..2): an edit of an override, an
 * official year table or a site's time zone is seen by the next read, also by a second app instance
 * (a second copy of the module) that cached the calendar before the edit.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { buildWorld, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

type Store = typeof import("@/lib/calendar/store");

let world: World;
let first: Store;
let second: Store;

/** A Wednesday far enough ahead that no seeded override touches it. */
const DAY = "2031-06-11";

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  first = await import("@/lib/calendar/store");
  vi.resetModules();
  second = await import("@/lib/calendar/store");
  expect(second).not.toBe(first);
});

describe("calendar cache", () => {
  it("an override added by one instance is seen by both", async () => {
    for (const store of [first, second]) expect((await store.loadSiteCalendar(world.siteA))!.isWorkingDay(DAY)).toBe(true);
    await db.calendarOverride.create({ data: { siteId: world.siteA, date: new Date(`${DAY}T00:00:00Z`), kind: "HOLIDAY" } });
    for (const store of [first, second]) expect((await store.loadSiteCalendar(world.siteA))!.isWorkingDay(DAY)).toBe(false);
    // The other site's calendar is unchanged.
    expect((await first.loadSiteCalendar(world.siteB))!.isWorkingDay(DAY)).toBe(true);
  });

  it("a removed override and a new time zone are seen by the next read", async () => {
    await db.calendarOverride.deleteMany({ where: { siteId: world.siteA, date: new Date(`${DAY}T00:00:00Z`) } });
    expect((await second.loadSiteCalendar(world.siteA))!.isWorkingDay(DAY)).toBe(true);
    await db.site.update({ where: { id: world.siteA }, data: { timeZone: "Asia/Urumqi" } });
    for (const store of [first, second]) expect((await store.loadSiteCalendar(world.siteA))!.timeZone).toBe("Asia/Urumqi");
  });

  it("an official year table entered later replaces the cached years", async () => {
    const before = await first.loadOfficialYears();
    expect(before.some((y) => y.year === 2031)).toBe(false);
    await second.loadOfficialYears();
    await db.officialCalendarYear.create({
      data: { year: 2031, days: { create: [{ date: new Date(`${DAY}T00:00:00Z`), kind: "HOLIDAY", name: "测试假日" }] } },
    });
    for (const store of [first, second]) {
      expect((await store.loadOfficialYears()).find((y) => y.year === 2031)?.holidays).toEqual([{ date: DAY, name: "测试假日" }]);
      expect((await store.loadSiteCalendar(world.siteB))!.isWorkingDay(DAY)).toBe(false);
    }
  });

  it("a database where no calendar was ever written (no version row) keeps its calendars cached too", async () => {
    await db.cacheVersion.deleteMany({});
    const a = await first.loadSiteCalendar(world.siteB);
    expect(await first.loadSiteCalendar(world.siteB)).toBe(a);
    // The first write adds the row: the cached calendar is dropped and the edit is seen.
    await db.calendarOverride.create({ data: { siteId: world.siteB, date: new Date(`${DAY}T00:00:00Z`), kind: "WORKDAY" } });
    const b = await first.loadSiteCalendar(world.siteB);
    expect(b).not.toBe(a);
    expect(b!.dayInfo(DAY).source).toBe("override");
  });

  it("reads stay cached while nothing changes", async () => {
    const a = await first.loadSiteCalendar(world.siteB);
    expect(await first.loadSiteCalendar(world.siteB)).toBe(a);
    first.forgetCalendars();
    expect(await first.loadSiteCalendar(world.siteB)).not.toBe(a);
  });
});
