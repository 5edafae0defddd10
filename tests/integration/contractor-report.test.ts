/**
 * The monthly contractor report (cleaning and catering) against PostgreSQL, on 2026-06-17 16:00 Shanghai:
 * violations by kind with the charges at cost (§6.7 照价赔偿, exact sums), trainings, canteen checks with
 * their short dish counts (R-CAT-1), menus and weekly summaries on time / late / missing, the cleaning
 * supervisor's days and missed items (R-CLN-1) from the first recorded day on; the Excel file read
 * back; managers of the site only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(staff)/contractors/report/export/route";
import { AccessError } from "@/lib/auth/guard";
import { contractorMonthlyReport } from "@/lib/contractors/report.queries";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";

const NOW = new Date("2026-06-17T08:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const at = (local: string) => new Date(`${local}+08:00`);
let world: World;
let cleanerCoId: string;
let catererId: string;

async function violation(
  contractorId: string,
  kind: "TOOLS_LOST_OR_DAMAGED" | "NO_UNIFORM_OR_BADGE" | "IMPOLITE",
  occurredOn: string,
  charge?: string,
  answered = false,
) {
  await db.contractorViolation.create({
    data: {
      requestId: newRequestId(),
      siteId: world.siteA,
      contractorId,
      kind,
      occurredOn: day(occurredOn),
      description: kind === "TOOLS_LOST_OR_DAMAGED" ? "遗失拖把" : "违规",
      chargeAmount: charge ?? null,
      response: answered ? "已赔偿" : null,
      respondedAt: answered ? NOW : null,
      createdById: world.users.SUPERVISOR,
    },
  });
}

async function canteenCheck(
  checkedOn: string,
  counts: Partial<Record<"lunchMainDishes" | "dinnerKinds", number>>,
  resolution: "NONE" | "CORRECTED" | "ESCALATED",
) {
  await db.canteenCheck.create({
    data: {
      requestId: newRequestId(),
      siteId: world.siteA,
      checkedOn: day(checkedOn),
      checkedById: world.users.SUPERVISOR,
      breakfastKinds: 9,
      lunchMainDishes: 5,
      lunchStaples: 4,
      dinnerKinds: 8,
      ...counts,
      failures: resolution === "NONE" ? 0 : 1,
      expiredCertificates: [],
      resolution,
    },
  });
}

const doc = (kind: "WEEKLY_MENU" | "WEEKLY_SUMMARY", weekStart: string, receivedAt: string) => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  kind,
  weekStart: day(weekStart),
  receivedAt: at(receivedAt),
  createdById: world.users.CLERK,
});

async function cleaningDay(date: string, steps: [string, string][], reportAt?: string) {
  await db.cleaningDay.create({
    data: {
      siteId: world.siteA,
      date: day(date),
      reportSentAt: reportAt ? at(`${date}T${reportAt}`) : null,
      reportSentById: reportAt ? world.users.SUPERVISOR : null,
      steps: {
        create: steps.map(([step, time]) => ({
          requestId: newRequestId(),
          step: step as "PLAN_HEARD",
          recordedAt: at(`${date}T${time}`),
          recordedById: world.users.SUPERVISOR,
        })),
      },
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const contractor = (kind: "CLEANING" | "CATERING", name: string) =>
    db.contractor.create({
      data: {
        siteId: world.siteA,
        kind,
        name,
        contractStart: day("2026-01-01"),
        contractEnd: day("2027-12-31"),
        contactName: "经理",
        contactPhone: "13900000000",
      },
    });
  cleanerCoId = (await contractor("CLEANING", "洁净保洁公司")).id;
  catererId = (await contractor("CATERING", "美味送餐公司")).id;
  const staff = await db.cleaner.create({ data: { siteId: world.siteA, contractorId: cleanerCoId, name: "周保洁", post: "保洁员" } });

  // §6, §7: two tools charged at cost (35.50 + 120.00, one answered), one uniform; May's does not count.
  await violation(cleanerCoId, "TOOLS_LOST_OR_DAMAGED", "2026-06-03", "35.50", true);
  await violation(cleanerCoId, "TOOLS_LOST_OR_DAMAGED", "2026-06-12", "120");
  await violation(cleanerCoId, "NO_UNIFORM_OR_BADGE", "2026-06-16");
  await violation(catererId, "IMPOLITE", "2026-06-10");
  await violation(cleanerCoId, "NO_UNIFORM_OR_BADGE", "2026-05-29");
  await db.contractorTraining.create({
    data: {
      requestId: newRequestId(),
      siteId: world.siteA,
      contractorId: cleanerCoId,
      heldOn: day("2026-06-05"),
      trainer: "王主管",
      content: "垃圾房安全与分类",
      createdById: world.users.SUPERVISOR,
      attendees: { create: [{ cleanerId: staff.id }] },
    },
  });

  // R-CAT-1: a short lunch corrected, a short dinner escalated, one clean day.
  await canteenCheck("2026-06-15", { lunchMainDishes: 3 }, "CORRECTED");
  await canteenCheck("2026-06-16", {}, "NONE");
  await canteenCheck("2026-06-17", { dinnerKinds: 7 }, "ESCALATED");
  // Menus: 06-01 on time, 06-08 after noon (late), 06-15 on time, 06-22 and 06-29 not yet due.
  // Summaries: 06-01's on Friday (on time), 06-08's never (missing), the rest not yet due (06-15's by Thursday: Friday is a holiday).
  await db.canteenWeeklyDoc.createMany({
    data: [
      doc("WEEKLY_MENU", "2026-06-01", "2026-06-01T09:00:00"),
      doc("WEEKLY_MENU", "2026-06-08", "2026-06-08T12:30:00"),
      doc("WEEKLY_MENU", "2026-06-15", "2026-06-15T11:00:00"),
      doc("WEEKLY_SUMMARY", "2026-06-01", "2026-06-05T17:00:00"),
    ],
  });

  // R-CLN-1 from the first recorded day (06-15) on; the lobby is never patrolled (both patrols missed).
  const all: [string, string][] = [
    ["PLAN_HEARD", "09:00"],
    ["LUNCH_CHECK", "12:30"],
    ["OPINIONS_HEARD", "15:00"],
    ["LAST_PATROL", "17:45"],
  ];
  await cleaningDay("2026-06-15", all, "18:10");
  await cleaningDay("2026-06-16", [["PLAN_HEARD", "09:10"]]);
  await cleaningDay("2026-06-17", [["PLAN_HEARD", "09:00"]]);
});

describe("the monthly contractor report", () => {
  it("June: violations by kind and charges, trainings, canteen, weekly papers, the supervisor's days", async () => {
    await signInAs(world.users.MANAGER);
    const report = await contractorMonthlyReport({ month: "2026-06" }, NOW);
    expect(report.site.id).toBe(world.siteA);
    expect(report.month).toBe("2026-06");
    const cleaning = report.contractors.find((c) => c.id === cleanerCoId)!;
    expect(cleaning).toMatchObject({ violations: 3, open: 2, charges: "155.50" });
    expect(cleaning.byKind).toEqual([
      { kind: "NO_UNIFORM_OR_BADGE", count: 1, charges: "0.00" },
      { kind: "TOOLS_LOST_OR_DAMAGED", count: 2, charges: "155.50" },
    ]);
    expect(cleaning.charged.map((v) => [v.occurredOn, v.amount, v.answered, v.staff])).toEqual([
      ["2026-06-03", "35.50", true, null],
      ["2026-06-12", "120.00", false, null],
    ]);
    expect(cleaning.trainings).toEqual([expect.objectContaining({ heldOn: "2026-06-05", trainer: "王主管", attendees: 1 })]);
    expect(report.contractors.find((c) => c.id === catererId)).toMatchObject({ violations: 1, open: 1, charges: "0.00", trainings: [] });

    expect(report.canteen).toMatchObject({ done: 3, failed: 2, escalated: 1, shortDays: 2 });
    expect(report.canteen.short.lunchMainDishes).toEqual({ days: 1, lowest: 3 });
    expect(report.canteen.short.dinnerKinds).toEqual({ days: 1, lowest: 7 });
    expect(report.canteen.menus).toMatchObject({ onTime: 2, late: 1, missing: 0, pending: 2 });
    expect(report.canteen.summaries).toMatchObject({ onTime: 1, late: 0, missing: 1, pending: 3 });

    // 06-15: two patrols missed; 06-16: all but the plan; 06-17 at 16:00: the first patrol and lunch.
    expect(report.cleaning).toEqual({
      workingDays: 3,
      recordedDays: 3,
      reportsSent: 1,
      daysWithMissed: 3,
      missed: 10,
      missedByItem: { PATROL_1: 3, PATROL_2: 2, LUNCH_CHECK: 2, OPINIONS_HEARD: 1, LAST_PATROL: 1, REPORT: 1 },
    });
    expect(report.vacant?.score ?? null).toBeNull();
  });

  it("May: before the first supervisor's day the module was not used; no menu came (all missing)", async () => {
    await signInAs(world.users.MANAGER);
    const report = await contractorMonthlyReport({ month: "2026-05" }, NOW);
    expect(report.cleaning).toBeNull();
    expect(report.canteen.menus).toMatchObject({ onTime: 0, late: 0, missing: 4, pending: 0 });
    expect(report.contractors.find((c) => c.id === cleanerCoId)).toMatchObject({ violations: 1, charges: "0.00" });
    // A month after the current one is not a report yet: the current month is shown.
    expect((await contractorMonthlyReport({ month: "2026-08" }, NOW)).month).toBe("2026-06");
  });

  it("exports the same figures to Excel", async () => {
    await signInAs(world.users.MANAGER);
    // The route reads the real clock: the figures checked here do not depend on today.
    const response = await exportRoute(new Request(`http://localhost/contractors/report/export?site=${world.siteA}&month=2026-06`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain(encodeURIComponent("外包单位月报-SA-2026-06.xlsx"));
    const [summary, violations, charged, trainings, weekly] = await readXlsx(await response.arrayBuffer());
    expect(summary!.name).toBe("汇总");
    expect(summary!.rows).toContainEqual(["洁净保洁公司 · 赔偿（元）", 155.5]);
    expect(summary!.rows).toContainEqual(["检查次数", 3]);
    expect(violations!.rows.slice(1)).toEqual([
      ["洁净保洁公司", "保洁公司", "未穿工作服或未戴工作牌", 1, 0],
      ["洁净保洁公司", "保洁公司", "损坏、遗失工具（照价赔偿）", 2, 155.5],
      ["美味送餐公司", "送餐公司", "服务不文明、不礼貌", 1, 0],
    ]);
    expect(charged!.rows.slice(1).map((r) => r[5])).toEqual([35.5, 120]);
    expect(trainings!.text).toContain("垃圾房安全与分类");
    expect(weekly!.rows).toHaveLength(6);
  });

  it("managers only, and only their sites", async () => {
    for (const role of ["SUPERVISOR", "CLERK", "ADMIN"] as const) {
      await signInAs(world.users[role]);
      await expect(contractorMonthlyReport({}, NOW)).rejects.toBeInstanceOf(AccessError);
      expect((await exportRoute(new Request("http://localhost/contractors/report/export"))).status).toBe(403);
    }
    await signInAs(world.users.MANAGER);
    await expect(contractorMonthlyReport({ site: world.siteB }, NOW)).rejects.toMatchObject({ code: "not_found" });
    expect((await exportRoute(new Request(`http://localhost/contractors/report/export?site=${world.siteB}`))).status).toBe(404);
    await signInAs(null);
    expect((await exportRoute(new Request("http://localhost/contractors/report/export"))).status).toBe(401);
  });
});
