/**
 * The managers' dashboard for a manager of many sites, against PostgreSQL: with no site chosen, the
 * company view (one line per site, no department rows, no department options); with a site chosen,
 * that site's departments only; the other modules' cards follow the chosen site. A manager of few
 * sites keeps every site's departments.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { companyDeadlines, dashboardOptions, deadlineCounts, listOpenDeadlines, onTimeRates } from "@/lib/complaints/dashboard.queries";
import { MANY_SITES } from "@/lib/many-sites";
import { db } from "@/lib/db";
import type { ComplaintState } from "@/lib/generated/prisma/enums";
import { missingMeetingsSummary } from "@/lib/meetings/report.queries";
import { pageRequest } from "@/lib/pagination";
import { newRequestId } from "@/lib/request-id";
import { surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";
import { openWorkOrderAges } from "@/lib/work-orders/dashboard.queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();

let world: World;
/** The many-site manager's sites: site A and the extra ones, by code. */
const sites = new Map<string, { id: string; department: string; tenant: string }>();
let bigManager: string;
let sequence = 0;

async function complaint(code: string, state: ComplaintState, rectificationDueAt: Date, revisitDueAt: Date | null = null) {
  const site = sites.get(code)!;
  sequence += 1;
  await db.complaint.create({
    data: {
      number: `${code}-T-${String(sequence).padStart(3, "0")}`,
      requestId: newRequestId(),
      siteId: site.id,
      tenantId: site.tenant,
      departmentId: site.department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "测试投诉",
      receivedAt: new Date(now - 10 * DAY),
      receivedById: world.users.FRONT_DESK,
      state,
      rectificationDueAt,
      rectifiedAt: state === "RECTIFIED" ? new Date(now - 5 * DAY) : null,
      revisitDueAt,
      rectifications: { create: { round: 1, dueAt: rectificationDueAt } },
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  sites.set("SA", { id: world.siteA, department: world.a.department, tenant: world.a.tenant });
  // MANY_SITES + 1 sites in all: site A and these.
  for (let i = 1; i <= MANY_SITES; i++) {
    const code = `Z${String(i).padStart(2, "0")}`;
    const site = await db.site.create({ data: { code, name: `分公司${i}` } });
    const department = await db.department.create({ data: { siteId: site.id, name: `工程部${code}`, kind: "ENGINEERING" } });
    await db.department.create({ data: { siteId: site.id, name: `保洁${code}`, kind: "CLEANING_CONTRACTOR" } });
    const tenant = await db.tenant.create({ data: { siteId: site.id, name: `业户${code}` } });
    sites.set(code, { id: site.id, department: department.id, tenant: tenant.id });
  }
  bigManager = (
    await db.user.create({
      data: {
        username: "big.manager",
        name: "集团经理",
        role: "MANAGER",
        passwordHash: "x",
        sites: { create: [...sites.values()].map((s) => ({ siteId: s.id })) },
      },
    })
  ).id;
  // Z02: two overdue rectifications; Z01: one overdue revisit and one on track; SA: one due in 30 days.
  await complaint("Z02", "RECEIVED", new Date(now - 2 * DAY));
  await complaint("Z02", "IN_RECTIFICATION", new Date(now - DAY));
  await complaint("Z01", "RECTIFIED", new Date(now - 6 * DAY), new Date(now - HOUR));
  await complaint("Z01", "RECEIVED", new Date(now + 30 * DAY));
  await complaint("SA", "RECEIVED", new Date(now + 30 * DAY));
  // Site B is not the manager's: never counted.
  sites.set("SB", { id: world.siteB, department: world.b.department, tenant: world.b.tenant });
  await complaint("SB", "RECEIVED", new Date(now - 3 * DAY));
});

describe("a manager of many sites, no site chosen: the company view", () => {
  it("offers the sites but no department, and says so", async () => {
    await signInAs(bigManager);
    const options = await dashboardOptions({});
    expect(options.view).toBe("company");
    expect(options.site).toBeUndefined();
    expect(options.sites).toHaveLength(MANY_SITES + 1);
    expect(options.departments).toEqual([]);
    // A site that is not the manager's chooses nothing.
    expect((await dashboardOptions({ site: world.siteB })).view).toBe("company");
  });

  it("counts one line per site, the most overdue first, with all open deadlines — no department rows", async () => {
    await signInAs(bigManager);
    const { counts } = await companyDeadlines({}, pageRequest("1"));
    expect(counts.rows).toHaveLength(MANY_SITES + 1);
    expect(counts.rows.slice(0, 3).map((r) => [r.code, r.cells])).toEqual([
      ["Z02", { overdue: 2, due_today: 0, due_soon: 0, open: 2 }],
      ["Z01", { overdue: 1, due_today: 0, due_soon: 0, open: 2 }],
      ["SA", { overdue: 0, due_today: 0, due_soon: 0, open: 1 }],
    ]);
    expect(counts.rows.map((r) => r.id)).not.toContain(world.siteB);
    expect(Object.keys(counts)).toEqual(["rows", "total"]);
    expect(counts.total).toEqual({ overdue: 3, due_today: 0, due_soon: 0, open: 5 });
    // The kind filter narrows the counts: only Z01's revisit is a revisit.
    expect((await companyDeadlines({ kind: "revisit" }, pageRequest("1"))).counts.total).toEqual({
      overdue: 1,
      due_today: 0,
      due_soon: 0,
      open: 1,
    });
  });

  it("lists the open deadlines of every site, oldest overdue first, paginated", async () => {
    await signInAs(bigManager);
    const list = await listOpenDeadlines({}, pageRequest("1", 2));
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => [r.site.code, r.kind, r.dueState, r.tenantName])).toEqual([
      ["Z02", "rectification", "overdue", "业户Z02"],
      ["Z02", "rectification", "overdue", "业户Z02"],
    ]);
    // Then Z01's overdue revisit, and the two due in 30 days (same instant: by number).
    const rest = [...(await listOpenDeadlines({}, pageRequest("2", 2))).rows, ...(await listOpenDeadlines({}, pageRequest("3", 2))).rows];
    expect(rest.map((r) => [r.number, r.kind, r.dueState])).toEqual([
      ["Z01-T-003", "revisit", "overdue"],
      ["SA-T-005", "rectification", "on_track"],
      ["Z01-T-004", "rectification", "on_track"],
    ]);
  });

  it("pages the company list without counting it again: its length is the counts' (R-CMP-5)", async () => {
    await signInAs(bigManager);
    for (const filter of [
      {},
      { kind: "revisit" as const },
      { due: "overdue" as const },
      { due: "on_track" as const },
      { kind: "rectification" as const, due: "overdue" as const },
    ]) {
      // Every page as the counted list gives it, past the last one too.
      for (const page of ["1", "2", "3", "4"]) {
        const { list } = await companyDeadlines(filter, pageRequest(page, 2));
        const counted = await listOpenDeadlines(filter, pageRequest(page, 2));
        expect({ ...list, rows: list.rows.map((r) => r.number) }).toEqual({ ...counted, rows: counted.rows.map((r) => r.number) });
      }
    }
    expect((await companyDeadlines({ due: "overdue" }, pageRequest("1", 2))).list.total).toBe(3);
    expect((await companyDeadlines({ due: "on_track" }, pageRequest("1", 2))).list.total).toBe(2);
  });

  it("gives each site's on-time rate beside the company's", async () => {
    await signInAs(bigManager);
    const rates = await onTimeRates({});
    // Z02's two rectifications fell due within the last days and are not done: 0 of 2 on time.
    expect(rates.bySite.get(sites.get("Z02")!.id)).toEqual({ due: 2, met: 0, rate: 0 });
    expect(rates.bySite.has(world.siteB)).toBe(false);
  });
});

describe("a site chosen", () => {
  it("offers only that site's departments and counts per department of that site", async () => {
    await signInAs(bigManager);
    const z01 = sites.get("Z01")!;
    const options = await dashboardOptions({ site: z01.id });
    expect(options.view).toBe("sites");
    expect(options.site).toBe(z01.id);
    expect(options.departments.map((d) => d.name).sort()).toEqual(["保洁Z01", "工程部Z01"]);
    const counts = await deadlineCounts({ site: z01.id });
    expect(counts.bySite.map((s) => s.id)).toEqual([z01.id]);
    expect(counts.byDepartment.map((d) => [d.id, d.label])).toEqual([[z01.department, "工程部Z01"]]);
  });

  it("the other modules' cards follow the site", async () => {
    await signInAs(bigManager);
    const z01 = sites.get("Z01")!.id;
    await db.workOrder.create({
      data: {
        number: "WO-Z02-1",
        siteId: sites.get("Z02")!.id,
        areaId: (
          await db.area.create({ data: { siteId: sites.get("Z02")!.id, name: "大堂", type: "LOBBY", building: "A座", floor: "1F" } })
        ).id,
        description: "灯坏了",
        createdById: bigManager,
      },
    });
    expect((await openWorkOrderAges({})).open).toBe(1);
    expect((await openWorkOrderAges({ site: z01 })).open).toBe(0);
    expect((await vacantScoreSummary(undefined, { site: z01 })).map((s) => s.site.id)).toEqual([z01]);
    expect((await vacantScoreSummary()).length).toBe(MANY_SITES + 1);
    expect((await missingMeetingsSummary(new Date(), { site: z01 })).manySites).toBe(false);
    expect(await surveyOpenDeadlines({ site: z01 })).toMatchObject({ rows: [], total: 0, overdueBySite: [] });
  });
});

describe("a manager of few sites", () => {
  it("sees every site's departments, as before", async () => {
    await db.userSite.create({ data: { userId: world.users.MANAGER, siteId: world.siteB } });
    await signInAs(world.users.MANAGER);
    const options = await dashboardOptions({});
    expect(options.view).toBe("sites");
    expect(options.departments.map((d) => d.name).sort()).toEqual(["工程部A", "工程部B"]);
    const counts = await deadlineCounts({});
    expect(counts.bySite.map((s) => s.id).sort()).toEqual([world.siteA, world.siteB].sort());
    expect(counts.byDepartment.map((d) => d.label)).toEqual(["工程部B（SB）"]);
  });
});
