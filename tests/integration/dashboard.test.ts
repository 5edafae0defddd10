/**
 * The managers' deadline dashboard against PostgreSQL: counts per category, site and
 * department; the list oldest overdue first, filtered and paginated in SQL; the on-time rates; the
 * .xlsx export; another site's complaints never shown; other roles refused. Complaints are inserted
 * directly with deadlines relative to now, so the test holds whatever day it runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(staff)/dashboard/export/route";
import { AccessError } from "@/lib/auth/guard";
import type { Calendar } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { companyDeadlines, deadlineCounts, listOpenDeadlines, onTimeRates } from "@/lib/complaints/dashboard.queries";
import { monthPeriods, parseDashboardFilter, weekPeriods, type DashboardFilter } from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import type { ComplaintSeverity, ComplaintState } from "@/lib/generated/prisma/enums";
import { pageRequest } from "@/lib/pagination";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";
import { newRequestId } from "@/lib/request-id";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);
const ahead = (ms: number) => new Date(now + ms);

let world: World;
let calendarA: Calendar;
let cleaningA: string;
let greenLeaf: string;

interface Seed {
  number: string;
  site?: "a" | "b";
  tenant?: string;
  department?: string;
  severity?: ComplaintSeverity;
  state: ComplaintState;
  receivedAt: Date;
  rectificationDueAt: Date;
  rectificationDueProvisional?: boolean;
  rectifiedAt?: Date;
  revisitDueAt?: Date;
  /** A recorded revisit (its row), for the on-time rate. */
  revisitedAt?: Date;
}

/** Deadlines of site A that the on-time rate must count: [dueAt, doneAt]. */
const rateDeadlines: { kind: "rectification" | "revisit"; dueAt: Date; doneAt: Date | null }[] = [];

async function seed(c: Seed) {
  const site = c.site ?? "a";
  const complaint = await db.complaint.create({
    data: {
      number: c.number,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: c.tenant ?? world[site].tenant,
      departmentId: c.department ?? world[site].department,
      source: "PHONE",
      category: "REPAIR",
      severity: c.severity ?? "GENERAL",
      description: "测试投诉",
      receivedAt: c.receivedAt,
      receivedById: world.users.FRONT_DESK,
      state: c.state,
      rectificationDueAt: c.rectificationDueAt,
      rectificationDueProvisional: c.rectificationDueProvisional ?? false,
      rectifiedAt: c.rectifiedAt ?? null,
      revisitDueAt: c.revisitDueAt ?? null,
      revisitedAt: c.revisitedAt ?? null,
      closedAt: c.state === "CLOSED" ? c.revisitedAt : null,
      rectifications: { create: { round: 1, dueAt: c.rectificationDueAt, rectifiedAt: c.rectifiedAt ?? null } },
      revisits:
        c.revisitedAt && c.revisitDueAt
          ? {
              create: {
                round: 1,
                dueAt: c.revisitDueAt,
                method: "PHONE",
                revisitedAt: c.revisitedAt,
                completedAt: c.revisitedAt, // signed by the client at the revisit (R-CMP-4)
                satisfaction: "SATISFIED",
                clientName: "李四",
                byId: world.users.CLERK,
              },
            }
          : undefined,
    },
  });
  if (site === "a") {
    rateDeadlines.push({ kind: "rectification", dueAt: c.rectificationDueAt, doneAt: c.rectifiedAt ?? null });
    if (c.revisitDueAt) rateDeadlines.push({ kind: "revisit", dueAt: c.revisitDueAt, doneAt: c.revisitedAt ?? null });
  }
  return complaint.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  calendarA = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
  cleaningA = (await db.department.create({ data: { siteId: world.siteA, name: "保洁公司A", kind: "CLEANING_CONTRACTOR" } })).id;
  greenLeaf = (await db.tenant.create({ data: { siteId: world.siteA, name: "绿叶科技有限公司" } })).id;
  const today = calendarA.localDateOf(new Date(now));
  const nextWorkingDayEnd = calendarA.addWorkingDays(new Date(now), 1).dueAt;

  // Open, site A — in the order the list must show them.
  ids.oldest = await seed({
    number: "SA-T-001",
    severity: "MAJOR",
    state: "IN_RECTIFICATION",
    receivedAt: ago(4 * DAY),
    rectificationDueAt: ago(3 * DAY),
  });
  ids.revisitOverdue = await seed({
    number: "SA-T-002",
    severity: "MAJOR",
    state: "RECTIFIED",
    receivedAt: ago(12 * DAY),
    rectificationDueAt: ago(10 * DAY),
    rectifiedAt: ago(11 * DAY),
    revisitDueAt: ago(2 * DAY),
  });
  ids.newest = await seed({
    number: "SA-T-003",
    tenant: greenLeaf,
    department: cleaningA,
    state: "RECEIVED",
    receivedAt: ago(2 * DAY),
    rectificationDueAt: ago(HOUR),
  });
  ids.today = await seed({
    number: "SA-T-004",
    state: "RECEIVED",
    receivedAt: ago(DAY),
    rectificationDueAt: calendarA.endOfLocalDay(today),
  });
  ids.soon = await seed({
    number: "SA-T-005",
    department: cleaningA,
    state: "RECTIFIED",
    receivedAt: ago(8 * DAY),
    rectificationDueAt: ago(9 * DAY),
    rectifiedAt: ago(8 * DAY), // a day late: counts as missed in the rate
    revisitDueAt: nextWorkingDayEnd,
  });
  ids.onTrack = await seed({
    number: "SA-T-006",
    state: "RECEIVED",
    receivedAt: ahead(-5 * 60_000),
    rectificationDueAt: ahead(30 * DAY),
    rectificationDueProvisional: true,
  });
  // Done, site A: not in the list, but in the on-time rate.
  await seed({
    number: "SA-T-007",
    state: "CLOSED",
    receivedAt: ago(22 * DAY),
    rectificationDueAt: ago(20 * DAY),
    rectifiedAt: ago(21 * DAY),
    revisitDueAt: ago(14 * DAY),
    revisitedAt: ago(15 * DAY),
  });
  await seed({
    number: "SA-T-008",
    state: "REVISITED",
    receivedAt: ago(8 * DAY),
    rectificationDueAt: ago(6 * DAY),
    rectifiedAt: ago(7 * DAY),
    revisitDueAt: ago(DAY),
    revisitedAt: ago(DAY + HOUR),
  });
  // Site B: overdue, but the manager (site A only) must never see it.
  await seed({
    number: "SB-T-001",
    site: "b",
    severity: "MAJOR",
    state: "RECEIVED",
    receivedAt: ago(5 * DAY),
    rectificationDueAt: ago(4 * DAY),
  });
});

const numbers = async (filter: DashboardFilter, page = pageRequest("1")) =>
  (await listOpenDeadlines(filter, page)).rows.map((r) => r.number);

describe("counts per category (R-CMP-5)", () => {
  it("counts open rectifications and revisits overdue / due today / due soon, per site and per department", async () => {
    await signInAs(world.users.MANAGER);
    const counts = await deadlineCounts({});
    expect(counts.bySite).toEqual([
      {
        id: world.siteA,
        label: "测试项目A",
        cells: { rectification: { overdue: 2, due_today: 1, due_soon: 0 }, revisit: { overdue: 1, due_today: 0, due_soon: 1 } },
      },
    ]);
    expect(counts.total).toEqual(counts.bySite[0].cells);
    // In Chinese (pinyin) order: 保洁 before 工程.
    expect(counts.byDepartment).toEqual([
      {
        id: cleaningA,
        label: "保洁公司A",
        cells: { rectification: { overdue: 1, due_today: 0, due_soon: 0 }, revisit: { overdue: 0, due_today: 0, due_soon: 1 } },
      },
      {
        id: world.a.department,
        label: "工程部A",
        cells: { rectification: { overdue: 1, due_today: 1, due_soon: 0 }, revisit: { overdue: 1, due_today: 0, due_soon: 0 } },
      },
    ]);
  });

  it("follows the filters", async () => {
    await signInAs(world.users.MANAGER);
    const major = await deadlineCounts({ severity: "MAJOR" });
    expect(major.total).toEqual({
      rectification: { overdue: 1, due_today: 0, due_soon: 0 },
      revisit: { overdue: 1, due_today: 0, due_soon: 0 },
    });
    expect(major.byDepartment.map((d) => d.label)).toEqual(["工程部A"]);
  });
});

describe("the list", () => {
  it("shows open deadlines only, oldest overdue first, then by due date, each with its state", async () => {
    await signInAs(world.users.MANAGER);
    const result = await listOpenDeadlines({}, pageRequest("1"));
    expect(result.total).toBe(6);
    expect(result.rows.map((r) => [r.number, r.kind, r.dueState])).toEqual([
      ["SA-T-001", "rectification", "overdue"],
      ["SA-T-002", "revisit", "overdue"],
      ["SA-T-003", "rectification", "overdue"],
      ["SA-T-004", "rectification", "due_today"],
      ["SA-T-005", "revisit", "due_soon"],
      ["SA-T-006", "rectification", "on_track"],
    ]);
    const newest = result.rows[2];
    expect(newest).toMatchObject({
      id: ids.newest,
      tenantName: "绿叶科技有限公司",
      departmentName: "保洁公司A",
      severity: "GENERAL",
      state: "RECEIVED",
      site: { code: "SA", name: "测试项目A" },
      provisional: false,
    });
    expect(newest.dueAt.getTime()).toBe(now - HOUR);
    // Shown in the site's local time (Asia/Shanghai, UTC+8 all year).
    expect(newest.dueLocal).toBe(new Date(now - HOUR + 8 * HOUR).toISOString().slice(0, 16).replace("T", " "));
    expect(result.rows[5].provisional).toBe(true);
  });

  it("paginates in SQL", async () => {
    await signInAs(world.users.MANAGER);
    const page2 = await listOpenDeadlines({}, pageRequest("2", 2));
    expect(page2).toMatchObject({ total: 6, page: 2, pageCount: 3 });
    expect(page2.rows.map((r) => r.number)).toEqual(["SA-T-003", "SA-T-004"]);
    expect((await listOpenDeadlines({}, pageRequest("4", 2))).rows).toEqual([]);
  });

  it("filters by department, severity, state, kind, deadline state and text", async () => {
    await signInAs(world.users.MANAGER);
    expect(await numbers({ department: cleaningA })).toEqual(["SA-T-003", "SA-T-005"]);
    expect(await numbers({ severity: "MAJOR" })).toEqual(["SA-T-001", "SA-T-002"]);
    expect(await numbers({ state: "RECTIFIED" })).toEqual(["SA-T-002", "SA-T-005"]);
    expect(await numbers({ kind: "rectification", due: "overdue" })).toEqual(["SA-T-001", "SA-T-003"]);
    expect(await numbers({ due: "due_today" })).toEqual(["SA-T-004"]);
    expect(await numbers({ q: "绿叶" })).toEqual(["SA-T-003"]);
    expect(await numbers({ q: "t-00" })).toHaveLength(6);
    expect(await numbers({ q: "%" })).toEqual([]); // searched literally
    expect(await numbers({ q: "U-A" })).toHaveLength(0); // no unit on these complaints
  });

  it("filters by received date, in the site's local days (both ends included)", async () => {
    await signInAs(world.users.MANAGER);
    const local = (d: Date) => calendarA.localDateOf(d);
    const filter = parseDashboardFilter({ from: local(ago(12 * DAY)), to: local(ago(4 * DAY)) });
    expect(await numbers(filter)).toEqual(["SA-T-001", "SA-T-002", "SA-T-005"]);
    expect(await numbers({ from: local(ago(4 * DAY)), to: local(ago(4 * DAY)) })).toEqual(["SA-T-001"]);
  });

  it("never shows another site's complaint, even when asked for that site", async () => {
    await signInAs(world.users.MANAGER);
    expect(await numbers({})).not.toContain("SB-T-001");
    expect(await numbers({ site: world.siteB })).not.toContain("SB-T-001");
    expect(await numbers({ department: world.b.department })).toEqual([]);
    expect((await deadlineCounts({ site: world.siteB })).bySite.map((s) => s.id)).toEqual([world.siteA]);
  });
});

describe("on-time rate", () => {
  /** Independent count: each deadline of site A that fell due by now, in the period holding its local due date. */
  function expected(periods: { key: string; start: string; end: string }[], kind?: "rectification" | "revisit") {
    return periods.map((p) => {
      const inPeriod = rateDeadlines.filter((d) => {
        const day = calendarA.localDateOf(d.dueAt);
        return (!kind || d.kind === kind) && d.dueAt.getTime() <= now && day >= p.start && day < p.end;
      });
      const met = inPeriod.filter((d) => d.doneAt && d.doneAt <= d.dueAt).length;
      return { key: p.key, due: inPeriod.length, met };
    });
  }

  it("weekly and monthly: of the deadlines that fell due, the share met on time", async () => {
    await signInAs(world.users.MANAGER);
    const rates = await onTimeRates({});
    const today = calendarA.localDateOf(new Date());
    expect(rates.weeks.map((p) => ({ key: p.key, due: p.due, met: p.met }))).toEqual(expected(weekPeriods(today, 4)));
    expect(rates.months.map((p) => ({ key: p.key, due: p.due, met: p.met }))).toEqual(expected(monthPeriods(today, 6)));
    // Everything seeded fell due within the last 3 weeks: 9 deadlines, 5 on time (site B's not counted).
    const sum = (ps: { due: number; met: number }[]) => ps.reduce((s, p) => [s[0] + p.due, s[1] + p.met], [0, 0]);
    expect(sum(rates.weeks)).toEqual([9, 5]);
    expect(sum(rates.months)).toEqual([9, 5]);
    for (const p of rates.months) expect(p.rate).toBe(p.due ? p.met / p.due : null);
  });

  it("follows the deadline-kind filter", async () => {
    await signInAs(world.users.MANAGER);
    const revisits = await onTimeRates({ kind: "revisit" });
    const today = calendarA.localDateOf(new Date());
    expect(revisits.months.map((p) => ({ key: p.key, due: p.due, met: p.met }))).toEqual(expected(monthPeriods(today, 6), "revisit"));
    expect(revisits.months.reduce((s, p) => s + p.due, 0)).toBe(3);
  });
});

describe("Excel export", () => {
  it("downloads every matching row as a valid .xlsx", async () => {
    await signInAs(world.users.MANAGER);
    const response = await exportRoute(new Request("http://localhost/dashboard/export?severity=MAJOR&site=" + world.siteB));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="complaints-\d{8}\.xlsx"; filename\*=UTF-8''complaints-\d{8}\.xlsx$/,
    );
    const file = Buffer.from(await response.arrayBuffer());
    expect(file.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    const [sheet] = await readXlsx(file);
    expect(sheet.rows[0]).toContain("编号");
    const cells = sheet.rows.flat();
    for (const value of ["业户A", "SA-T-001", "SA-T-002", "回访期限"]) expect(cells).toContain(value);
    expect(sheet.text).not.toContain("SA-T-003"); // filtered out (general)
    expect(sheet.text).not.toContain("SB-T-001"); // another site
    expect(sheet.rows).toHaveLength(3); // header + 2
  });

  it("has the survey-opinion deadlines and the special services' phone revisits on their own sheets (same sites)", async () => {
    const service = await db.specialService.create({ data: { siteId: world.siteA, name: "地毯清洗", unitLabel: "次", priceFen: 12000 } });
    for (const [site, notice] of [
      ["a", "JF-SA-EXPORT-1"],
      ["b", "JF-SB-EXPORT-1"],
    ] as const)
      await db.specialServiceOrder.create({
        data: {
          requestId: newRequestId(),
          siteId: site === "a" ? world.siteA : world.siteB,
          serviceId: service.id,
          serviceName: "地毯清洗",
          tenantId: world[site].tenant,
          agreedPriceFen: 12000,
          scheduledAt: ago(5 * DAY),
          orderedById: world.users.MANAGER,
          state: "DONE",
          doneAt: ago(4 * DAY),
          noticeNumber: notice,
          revisitDueAt: ago(DAY),
        },
      });
    await signInAs(world.users.MANAGER);
    const response = await exportRoute(new Request("http://localhost/dashboard/export"));
    const sheets = await readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(sheets.map((s) => s.name)).toEqual(["投诉期限", "满意度调查意见期限", "特约服务电话回访"]);
    const services = sheets[2];
    expect(services.text).toContain("JF-SA-EXPORT-1");
    expect(services.rows.flat()).toContain("已逾期");
    expect(services.text).not.toContain("JF-SB-EXPORT-1"); // the manager's sites only
  });

  it("exports all rows, not one page", async () => {
    await signInAs(world.users.MANAGER);
    const response = await exportRoute(new Request("http://localhost/dashboard/export?page=2"));
    const [sheet] = await readXlsx(await response.arrayBuffer());
    expect(sheet.rows).toHaveLength(7);
  });
});

describe("access", () => {
  it("refuses other roles and anonymous users, in the data layer and the export", async () => {
    for (const role of ["ADMIN", "SUPERVISOR", "CLERK", "FRONT_DESK"] as const) {
      await signInAs(world.users[role]);
      await expect(listOpenDeadlines({}, pageRequest("1"))).rejects.toMatchObject({ code: "forbidden" });
      await expect(deadlineCounts({})).rejects.toBeInstanceOf(AccessError);
      await expect(companyDeadlines({}, pageRequest("1"))).rejects.toMatchObject({ code: "forbidden" });
      await expect(onTimeRates({})).rejects.toBeInstanceOf(AccessError);
      expect((await exportRoute(new Request("http://localhost/dashboard/export"))).status).toBe(403);
    }
    await signInAs(null);
    await expect(listOpenDeadlines({}, pageRequest("1"))).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(companyDeadlines({}, pageRequest("1"))).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await exportRoute(new Request("http://localhost/dashboard/export"))).status).toBe(401);
  });
});
