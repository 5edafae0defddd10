/**
 * The managers' contractors card (issue 18 item 7) against PostgreSQL, on a fixed Wednesday of the 2026
 * calendar (2026-06-17, 16:00 Shanghai; Friday 06-19 is the Dragon Boat holiday): today's missed
 * cleaning-supervisor steps (R-CLN-1), late or missing contractor plans (§10.11–12), menus and weekly
 * summaries (R-CAT-1), expired and soon-expiring 健康证 (§11.3(4)), open violations (§6, §7), overdue
 * waste streams (R-WST-2) and found items due for disposal (R-LOST-1) — counted per site, only on the
 * reader's sites, managers only.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AccessError } from "@/lib/auth/guard";
import { contractorDashboard } from "@/lib/contractors/dashboard.queries";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const NOW = new Date("2026-06-17T08:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const at = (local: string) => new Date(`${local}+08:00`);
let world: World;

async function contractor(siteId: string, kind: "CLEANING" | "CATERING", name: string) {
  return db.contractor.create({
    data: {
      siteId,
      kind,
      name,
      contractStart: day("2026-01-01"),
      contractEnd: day("2027-12-31"),
      contactName: "经理",
      contactPhone: "13900000000",
    },
  });
}

async function certificate(siteId: string, cleanerId: string, expiresOn: string) {
  await db.healthCertificate.create({
    data: {
      requestId: newRequestId(),
      siteId,
      cleanerId,
      number: `JK-${expiresOn}`,
      issuedOn: day("2025-01-01"),
      expiresOn: day(expiresOn),
      createdById: world.users.MANAGER,
    },
  });
}

async function violation(siteId: string, contractorId: string, answered: boolean) {
  await db.contractorViolation.create({
    data: {
      requestId: newRequestId(),
      siteId,
      contractorId,
      kind: "NO_UNIFORM_OR_BADGE",
      occurredOn: day("2026-06-10"),
      description: "未佩戴工作牌",
      response: answered ? "已整改" : null,
      respondedAt: answered ? NOW : null,
      createdById: world.users.MANAGER,
    },
  });
}

let foundSeq = 0;
async function foundItem(siteId: string, keepUntil: string, state: "REGISTERED" | "CLAIMED" = "REGISTERED") {
  foundSeq += 1;
  await db.foundItem.create({
    data: {
      requestId: newRequestId(),
      siteId,
      number: `FI-T-${foundSeq}`,
      description: "雨伞",
      foundPlace: "垃圾房",
      foundAt: at("2026-03-01T10:00:00"),
      foundOn: day("2026-03-01"),
      foundByName: "保洁员",
      keptAt: "客务部",
      keepUntil: day(keepUntil),
      state,
      registeredById: world.users.MANAGER,
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const cleanerCo = await contractor(world.siteA, "CLEANING", "洁净保洁公司");
  const caterer = await contractor(world.siteA, "CATERING", "美味送餐公司");
  const casterB = await contractor(world.siteB, "CATERING", "乙方送餐公司");

  // R-CLN-1: the plan heard at 09:00; by 16:00 the first patrol (ends 12:00, lobby not checked) and the
  // lunchtime check (13:30) are missed; the rest is still open.
  await db.cleaningDay.create({
    data: {
      siteId: world.siteA,
      date: day("2026-06-17"),
      steps: {
        create: [
          { requestId: newRequestId(), step: "PLAN_HEARD", recordedAt: at("2026-06-17T09:00:00"), recordedById: world.users.SUPERVISOR },
        ],
      },
    },
  });
  // §10.11: last week's plan on time; May's month-end plan was never handed in (missing).
  await db.cleaningPlan.create({
    data: {
      requestId: newRequestId(),
      siteId: world.siteA,
      kind: "WEEKLY",
      period: day("2026-06-08"),
      content: "周末保洁计划",
      dueAt: at("2026-06-12T23:59:59"),
      submittedAt: at("2026-06-10T10:00:00"),
      late: false,
      recordedById: world.users.SUPERVISOR,
    },
  });

  // R-CAT-1: last week's menu came in after Monday noon (late), this week's on time; last week's
  // summary never came (missing); this week's is not due before Thursday (Friday is a holiday).
  await db.canteenWeeklyDoc.createMany({
    data: [
      {
        requestId: newRequestId(),
        siteId: world.siteA,
        kind: "WEEKLY_MENU",
        weekStart: day("2026-06-08"),
        receivedAt: at("2026-06-08T15:00:00"),
        createdById: world.users.CLERK,
      },
      {
        requestId: newRequestId(),
        siteId: world.siteA,
        kind: "WEEKLY_MENU",
        weekStart: day("2026-06-15"),
        receivedAt: at("2026-06-15T10:00:00"),
        createdById: world.users.CLERK,
      },
    ],
  });

  // §11.3(4): expired, missing, expiring in 23 days, valid; a cleaner needs none.
  const staff = async (siteId: string, contractorId: string, name: string) =>
    db.cleaner.create({ data: { siteId, contractorId, name, post: "厨师" } });
  await certificate(world.siteA, (await staff(world.siteA, caterer.id, "赵厨师")).id, "2026-06-10");
  await staff(world.siteA, caterer.id, "孙帮厨");
  await certificate(world.siteA, (await staff(world.siteA, caterer.id, "钱帮厨")).id, "2026-07-10");
  await certificate(world.siteA, (await staff(world.siteA, caterer.id, "李面点")).id, "2027-03-01");
  await staff(world.siteA, cleanerCo.id, "周保洁");
  await certificate(world.siteB, (await staff(world.siteB, casterB.id, "乙厨师")).id, "2026-06-01");

  // §6, §7: two open violations and one answered on A; one open on B.
  await violation(world.siteA, cleanerCo.id, false);
  await violation(world.siteA, caterer.id, false);
  await violation(world.siteA, cleanerCo.id, true);
  await violation(world.siteB, casterB.id, false);

  // R-WST-2: non-recyclables (1 day) last cleared 06-10: overdue; recyclables (7 days) cleared 06-15: fine.
  const point = await db.wasteCollectionPoint.create({ data: { siteId: world.siteA, name: "一号垃圾房" } });
  await db.wasteContainer.createMany({
    data: [
      { pointId: point.id, siteId: world.siteA, stream: "NON_RECYCLABLE", label: "其他垃圾桶", createdAt: at("2026-06-01T08:00:00") },
      { pointId: point.id, siteId: world.siteA, stream: "RECYCLABLE", label: "可回收桶", createdAt: at("2026-06-01T08:00:00") },
    ],
  });
  const clearance = (stream: "NON_RECYCLABLE" | "RECYCLABLE", clearedOn: string) => ({
    requestId: newRequestId(),
    siteId: world.siteA,
    stream,
    clearedOn: day(clearedOn),
    quantity: "2",
    unit: "BAG" as const,
    takenBy: "环卫所",
    recordedById: world.users.CLERK,
  });
  await db.wasteClearance.createMany({ data: [clearance("NON_RECYCLABLE", "2026-06-10"), clearance("RECYCLABLE", "2026-06-15")] });

  // R-LOST-1: kept through 06-10 (due), through today (not yet), claimed (never due); one due on B.
  await foundItem(world.siteA, "2026-06-10");
  await foundItem(world.siteA, "2026-06-17");
  await foundItem(world.siteA, "2026-06-01", "CLAIMED");
  await foundItem(world.siteB, "2026-06-12");
});

describe("the managers' contractors card", () => {
  it("counts each line of the manager's site with the modules' own rules", async () => {
    await signInAs(world.users.MANAGER);
    const sites = await contractorDashboard({}, NOW);
    expect(sites.map((s) => s.site.id)).toEqual([world.siteA]);
    expect(sites[0]).toMatchObject({
      today: "2026-06-17",
      cleaningInUse: true,
      counts: {
        missedSteps: 2,
        latePlans: 1,
        lateMenus: 1,
        lateSummaries: 1,
        expiredCertificates: 2,
        expiringCertificates: 1,
        openViolations: 2,
        overdueWaste: 1,
        dueFoundItems: 1,
      },
      total: 12,
    });
  });

  it("a manager of both sites gets each site's own counts; the site filter narrows to one", async () => {
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    try {
      await signInAs(world.users.MANAGER);
      const both = await contractorDashboard({}, NOW);
      expect(both.map((s) => s.site.id)).toEqual([world.siteA, world.siteB]);
      // Site B never recorded a supervisor's day: no missed steps or plans are counted there.
      expect(both[1]).toMatchObject({
        cleaningInUse: false,
        counts: { missedSteps: 0, latePlans: 0, expiredCertificates: 1, openViolations: 1, dueFoundItems: 1, overdueWaste: 0 },
      });
      const onlyB = await contractorDashboard({ site: world.siteB }, NOW);
      expect(onlyB.map((s) => s.site.id)).toEqual([world.siteB]);
    } finally {
      await db.userSite.deleteMany({ where: { userId: world.users.MANAGER, siteId: world.siteB } });
    }
  });

  it("another site asked for by a one-site manager falls back to the manager's own", async () => {
    await signInAs(world.users.MANAGER);
    expect((await contractorDashboard({ site: world.siteB }, NOW)).map((s) => s.site.id)).toEqual([world.siteA]);
  });

  it("is for managers only", async () => {
    for (const role of ["SUPERVISOR", "CLERK", "FRONT_DESK", "ENGINEER", "ADMIN"] as const) {
      await signInAs(world.users[role]);
      await expect(contractorDashboard({}, NOW)).rejects.toBeInstanceOf(AccessError);
    }
    await signInAs(null);
    await expect(contractorDashboard({}, NOW)).rejects.toBeInstanceOf(AccessError);
  });
});

describe("the card kept in memory (decision 026)", () => {
  /** The card's counts as a fresh instance (a second copy of the module, nothing kept) gives them at `now`. */
  async function counted(now: Date) {
    vi.resetModules();
    const fresh = await import("@/lib/contractors/dashboard.queries");
    return (await fresh.contractorDashboard({}, now))[0].counts;
  }

  it("is read from memory while nothing it reads is written; a write the trigger announces is seen by the next view", async () => {
    await signInAs(world.users.MANAGER);
    const open = async () => (await contractorDashboard({}, NOW))[0].counts.openViolations;
    expect(await open()).toBe(2);
    const cleaner = await db.contractor.findFirstOrThrow({ where: { siteId: world.siteA, kind: "CLEANING" } });
    // Written behind the memo's back (the version trigger off): a count that went to the database would see it.
    await db.$executeRaw`ALTER TABLE "ContractorViolation" DISABLE TRIGGER "ContractorViolation_contractor_version"`;
    try {
      await violation(world.siteA, cleaner.id, false);
      expect(await open()).toBe(2);
    } finally {
      await db.$executeRaw`ALTER TABLE "ContractorViolation" ENABLE TRIGGER "ContractorViolation_contractor_version"`;
    }
    // The next write the trigger sees (a violation answered) makes the next view count again: 3 open, then 2.
    expect(await counted(NOW)).toMatchObject({ openViolations: 3 });
    const last = await db.contractorViolation.findFirstOrThrow({
      where: { siteId: world.siteA, response: null },
      orderBy: { createdAt: "desc" },
    });
    await db.contractorViolation.update({ where: { id: last.id }, data: { response: "已整改", respondedAt: NOW } });
    expect(await open()).toBe(2);
  });

  it("the clock alone changes it at an open step's deadline and at the site's new day, with nothing written (R-CLN-1, R-LOST-1)", async () => {
    await signInAs(world.users.MANAGER);
    const at16 = (await contractorDashboard({}, NOW))[0].counts;
    expect(at16.missedSteps).toBe(2);
    // 17:01: the opinions (due 17:00) were not heard: missed, as a fresh count gives it.
    const evening = at("2026-06-17T17:01:00");
    const kept = (await contractorDashboard({}, evening))[0].counts;
    expect(kept).toEqual(await counted(evening));
    expect(kept.missedSteps).toBeGreaterThan(2);
    // The next morning: the umbrella kept through 06-17 is due for disposal.
    const tomorrow = at("2026-06-18T09:00:00");
    const next = (await contractorDashboard({}, tomorrow))[0].counts;
    expect(next).toEqual(await counted(tomorrow));
    expect(next.dueFoundItems).toBe(2);
    // Asked again for 16:00: the figures of 16:00, not the later ones.
    expect((await contractorDashboard({}, NOW))[0].counts).toEqual(at16);
  });
});
