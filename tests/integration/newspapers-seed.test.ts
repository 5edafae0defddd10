/**
 * The demo newspapers (prisma/seed/newspapers.ts): 30 closed days that each reconcile (received =
 * delivered + held + returned), no day for today, papers still held, and a second run adds nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { reconcileDifference, tallyDeliveries } from "@/lib/newspapers/rules";
import { seedNewspapers } from "../../prisma/seed/newspapers";
import { resetDatabase } from "../support/reset-db";

const NOW = new Date("2026-12-01T01:30:00Z"); // 09:30 on 1 December in Shanghai
let siteId: string;

beforeAll(async () => {
  await resetDatabase();
  const site = await db.site.create({ data: { code: "HQ", name: "汇金中心" } });
  siteId = site.id;
  await db.user.create({ data: { username: "frontdesk", name: "赵婷", role: "FRONT_DESK", passwordHash: "x" } });
  for (let i = 1; i <= 30; i++) {
    const tenant = await db.tenant.create({ data: { siteId, name: `测试公司${i}` } });
    await db.unit.create({
      data: {
        siteId,
        code: `A-${String(i).padStart(2, "0")}01`,
        building: "A座",
        floor: `${String(i).padStart(2, "0")}F`,
        status: "OCCUPIED",
        tenantId: tenant.id,
      },
    });
  }
  await seedNewspapers(db, { now: NOW, log: () => {} });
});

describe("seeded newspaper days", () => {
  it("30 closed days up to yesterday in the site's time zone, none today", async () => {
    const today = localDateInZone(NOW, "Asia/Shanghai");
    expect(today).toBe("2026-12-01");
    const days = await db.newspaperDay.findMany({ where: { siteId }, select: { date: true, closedAt: true }, orderBy: { date: "asc" } });
    expect(days).toHaveLength(30);
    expect(days[0].date.toISOString().slice(0, 10)).toBe(addDays(today, -30));
    expect(days.at(-1)!.date.toISOString().slice(0, 10)).toBe(addDays(today, -1));
    expect(days.every((d) => d.closedAt)).toBe(true);
    expect(await db.newspaperTitle.count({ where: { siteId } })).toBe(5);
  });

  it("every title of every day reconciles; some papers are still held, others picked up", async () => {
    const lines = await db.newspaperReceiptLine.findMany({ select: { dayId: true, titleId: true, received: true, returned: true } });
    const deliveries = await db.newspaperDelivery.findMany({ select: { dayId: true, titleId: true, state: true, copies: true } });
    for (const l of lines) {
      const tally = tallyDeliveries(deliveries.filter((d) => d.dayId === l.dayId && d.titleId === l.titleId));
      expect(tally.pending).toBe(0);
      expect(reconcileDifference({ ...l, ...tally })).toBe(0);
    }
    const states = new Set(deliveries.map((d) => d.state));
    expect(states.has("DELIVERED") && states.has("HELD") && states.has("PICKED_UP")).toBe(true);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const count = async () => [
      await db.newspaperDay.count(),
      await db.newspaperDelivery.count(),
      await db.newspaperSubscription.count(),
      await db.storedFile.count(),
    ];
    const before = await count();
    await seedNewspapers(db, { now: NOW, log: () => {} });
    expect(await count()).toEqual(before);
  });
});
