/**
 * The demo cleaning supervision (prisma/seed/cleaning-supervision.ts): days only on working days of the
 * site calendar (none on National Day, one on the make-up Saturday), some missed steps, late and missing
 * plans, one monthly summary with the manager's instruction, nothing for today, and a rerun adds nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dateColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { seedCleaningSupervision } from "../../prisma/seed/cleaning-supervision";
import { resetDatabase } from "../support/reset-db";

const NOW = new Date("2026-11-02T01:30:00Z"); // 09:30 on Monday 2 November in Shanghai
let siteId: string;

beforeAll(async () => {
  await resetDatabase();
  siteId = (await db.site.create({ data: { code: "HQ", name: "汇金中心" } })).id;
  await db.user.create({ data: { username: "supervisor", name: "李秀英", role: "SUPERVISOR", duty: "CLEANING", passwordHash: "x" } });
  await db.user.create({ data: { username: "manager", name: "王建国", role: "MANAGER", passwordHash: "x" } });
  await seedCleaningSupervision(db, { now: NOW, log: () => {} });
});

describe("seeded cleaning supervision", () => {
  it("two months of working days: none on a holiday, one on a make-up Saturday, none today; some steps missed", async () => {
    const days = await db.cleaningDay.findMany({ where: { siteId }, select: { date: true, _count: { select: { steps: true } } } });
    const dates = days.map((d) => d.date.toISOString().slice(0, 10));
    expect(days.length).toBeGreaterThan(35);
    expect(dates).not.toContain("2026-10-01");
    expect(dates).toContain("2026-10-10");
    expect(dates).not.toContain("2026-11-02");
    expect(days.some((d) => d._count.steps < 4)).toBe(true);
  });

  it("plans with a late and a missing week, and last month's summary with an instruction", async () => {
    const weekly = await db.cleaningPlan.findMany({ where: { siteId, kind: "WEEKLY" } });
    expect(weekly.length).toBe(7);
    expect(weekly.some((p) => p.late)).toBe(true);
    const report = await db.cleaningMonthlyReport.findUniqueOrThrow({
      where: { siteId_month: { siteId, month: dateColumn("2026-10-01") } },
    });
    expect(report.instruction).toBeTruthy();
    await seedCleaningSupervision(db, { now: NOW, log: () => {} });
    expect(await db.cleaningPlan.count({ where: { siteId, kind: "WEEKLY" } })).toBe(7);
  });
});
