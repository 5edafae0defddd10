/**
 * The demo surveys (prisma/seed/surveys.ts): two past closed rounds per site with responses, opinion
 * items at every step of R-SUR-1..3 with some deadlines overdue now and some met late, and a second
 * run adds nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedSurveys } from "../../prisma/seed/surveys";
import { resetDatabase } from "../support/reset-db";

const NOW = new Date("2026-12-01T01:30:00Z"); // 09:30 on 1 December in Shanghai
let siteId: string;

beforeAll(async () => {
  await resetDatabase();
  const site = await db.site.create({ data: { code: "HQ", name: "汇金中心" } });
  siteId = site.id;
  for (const [username, role] of [
    ["clerk", "CLERK"],
    ["manager", "MANAGER"],
  ] as const) {
    await db.user.create({ data: { username, name: username, role, passwordHash: "x", sites: { create: { siteId } } } });
  }
  for (const name of ["工程部", "保洁公司", "安保部"])
    await db.department.create({ data: { siteId, name, kind: name === "保洁公司" ? "CLEANING_CONTRACTOR" : "ENGINEERING" } });
  for (let i = 1; i <= 40; i++) {
    const tenant = await db.tenant.create({ data: { siteId, name: `测试公司${i}` } });
    await db.unit.create({
      data: {
        siteId,
        code: `${i % 2 ? "A" : "B"}-${String(i).padStart(2, "0")}01`,
        building: i % 2 ? "A座" : "B座",
        floor: "1F",
        status: "OCCUPIED",
        tenantId: tenant.id,
      },
    });
  }
  await seedSurveys(db, { now: NOW, log: () => {} });
});

describe("seeded surveys", () => {
  it("two closed half-year rounds before the current half, with responses", async () => {
    const rounds = await db.surveyRound.findMany({
      where: { siteId },
      orderBy: { periodStart: "asc" },
      include: { _count: { select: { responses: true } } },
    });
    expect(rounds.map((r) => [r.title, r.state])).toEqual([
      ["2025年下半年满意度调查", "CLOSED"],
      ["2026年上半年满意度调查", "CLOSED"],
    ]);
    for (const r of rounds) expect(r._count.responses).toBeGreaterThan(20);
  });

  it("opinion items at every step, some overdue now, some met late, each with its deadlines", async () => {
    const items = await db.surveyOpinionItem.findMany({ where: { siteId } });
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(["SUMMARISED", "DELIVERED", "ANSWERED", "RECTIFIED", "REVISITED"]));
    const overdue = items.filter(
      (i) =>
        (i.state === "SUMMARISED" && i.deliveryDueAt < NOW) ||
        (i.state === "DELIVERED" && i.answerDueAt! < NOW) ||
        (i.state === "RECTIFIED" && i.revisitDueAt! < NOW),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const late = items.filter((i) => (i.deliveredAt && i.deliveredAt > i.deliveryDueAt) || (i.answeredAt && i.answeredAt > i.answerDueAt!));
    expect(late.length).toBeGreaterThanOrEqual(1);
    const revisited = await db.surveyRevisit.count({ where: { item: { siteId }, completedAt: { not: null } } });
    expect(revisited).toBe(items.filter((i) => i.state === "REVISITED").length);
  });

  it("a second run adds nothing", async () => {
    const before = await db.surveyOpinionItem.count();
    await seedSurveys(db, { now: NOW, log: () => {} });
    expect(await db.surveyOpinionItem.count()).toBe(before);
    expect(await db.surveyQuestionnaire.count()).toBe(1);
  });
});
