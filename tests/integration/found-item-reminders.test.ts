/**
 * R-LOST-1 reminder against PostgreSQL: once a local day per site, the managers and supervisors of a
 * site hear which unclaimed found items are kept past their period (not a claimed one, not one still
 * within it, not another site's); a second run the same day adds nothing, the next day reminds again.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { foundItemReminders } from "@/lib/found-items/reminders";
import { runReminders } from "@/lib/reminders/run";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

// Wednesday 2026-06-17, 10:00 in Shanghai.
const NOW = new Date("2026-06-17T02:00:00Z");
const NEXT_DAY = new Date("2026-06-18T02:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
let world: World;
let seq = 0;

async function foundItem(siteId: string, keepUntil: string, state: "REGISTERED" | "CLAIMED" = "REGISTERED") {
  seq += 1;
  await db.foundItem.create({
    data: {
      requestId: newRequestId(),
      siteId,
      number: `FI-T-0${seq}`,
      description: `钥匙${seq}`,
      foundPlace: "垃圾房",
      foundAt: day("2026-03-01"),
      foundOn: day("2026-03-01"),
      foundByName: "保洁员",
      keptAt: "客务部",
      keepUntil: day(keepUntil),
      state,
      registeredById: world.users.MANAGER,
    },
  });
}

const foundRows = () => db.notification.findMany({ where: { kind: "found.due" }, orderBy: { userId: "asc" } });

beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
  await foundItem(world.siteA, "2026-06-10");
  await foundItem(world.siteA, "2026-06-16");
  await foundItem(world.siteA, "2026-06-17");
  await foundItem(world.siteA, "2026-06-01", "CLAIMED");
});

describe("found items due for disposal (R-LOST-1)", () => {
  it("the source names the site's due items, for its managers and supervisors", async () => {
    const calendars = await loadSiteCalendars([world.siteA]);
    const members = [
      { userId: world.users.MANAGER, role: "MANAGER" as const, disabled: false },
      { userId: world.users.SUPERVISOR, role: "SUPERVISOR" as const, disabled: false, duty: "CLEANING" as const },
      { userId: world.users.CLERK, role: "CLERK" as const, disabled: false },
    ];
    const { rows, reminders } = await foundItemReminders.collect({
      now: NOW,
      sites: [{ id: world.siteA, name: "测试项目A" }],
      calendars,
      membersOf: () => members,
    });
    expect(reminders).toBe(1);
    expect(rows.map((r) => r.userId).sort()).toEqual([world.users.MANAGER, world.users.SUPERVISOR].sort());
    expect(rows[0]).toMatchObject({
      kind: "found.due",
      siteId: world.siteA,
      link: `/found-items?state=DUE&site=${world.siteA}`,
      title: "2 件拾遗物品保管期满待处置",
    });
    expect(rows[0]!.body).toContain("FI-T-01 钥匙1（保管至 2026-06-10）");
    expect(rows[0]!.body).toContain("FI-T-02");
    expect(rows[0]!.body).not.toContain("FI-T-03");
    expect(rows[0]!.texts).toMatchObject({ en: { title: "2 found items past their keeping period" } });
  });

  it("the reminder run notifies once a day per site and person; the next day again; site B has nothing due", async () => {
    await runReminders(NOW);
    const first = await foundRows();
    expect(first.map((r) => r.userId).sort()).toEqual([world.users.MANAGER, world.users.SUPERVISOR].sort());
    expect(first.every((r) => r.siteId === world.siteA)).toBe(true);
    await runReminders(new Date(NOW.getTime() + 3 * 3600_000));
    expect(await foundRows()).toHaveLength(2);
    await runReminders(NEXT_DAY);
    expect(await foundRows()).toHaveLength(4);
  });

  it("once claimed or disposed of, an item is no longer reminded", async () => {
    await db.foundItem.updateMany({ where: { siteId: world.siteA, state: "REGISTERED" }, data: { state: "DISPOSED" } });
    await runReminders(NOW);
    expect(await foundRows()).toHaveLength(0);
  });
});
