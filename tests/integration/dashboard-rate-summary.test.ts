/**
 * The on-time rates' stored counts of closed periods (R-CMP-5, lib/complaints/rate-summary.ts): the
 * figures equal a direct count of the deadlines, closed periods are counted once, and a late write
 * to a closed period (a backdated rectification, a revisit that reopens the complaint, a complaint
 * moved to another department) shows on the next view.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Calendar } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { forgetFigures, onTimeRates, RATE_MONTHS, RATE_WEEKS } from "@/lib/complaints/dashboard.queries";
import { monthPeriods, weekPeriods, type DashboardFilter } from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

let world: World;
let calendar: Calendar;
let otherDepartment: string;
const ids: Record<string, string> = {};

async function complaint(
  number: string,
  data: { state: "IN_RECTIFICATION" | "RECTIFIED"; dueDaysAgo: number; rectifiedDaysAgo?: number; revisitDueDaysAgo?: number },
) {
  const due = ago(data.dueDaysAgo);
  const rectifiedAt = data.rectifiedDaysAgo === undefined ? null : ago(data.rectifiedDaysAgo);
  const created = await db.complaint.create({
    data: {
      number,
      requestId: newRequestId(),
      siteId: world.siteA,
      tenantId: world.a.tenant,
      departmentId: world.a.department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "测试投诉",
      receivedAt: ago(data.dueDaysAgo + 2),
      receivedById: world.users.FRONT_DESK,
      state: data.state,
      rectificationDueAt: due,
      rectifiedAt,
      revisitDueAt: data.revisitDueDaysAgo === undefined ? null : ago(data.revisitDueDaysAgo),
      rectifications: { create: { round: 1, dueAt: due, rectifiedAt } },
    },
  });
  return created.id;
}

/** The figures counted straight from the deadlines, without the stored summary. */
async function direct(filter: DashboardFilter) {
  const where = { siteId: world.siteA, ...(filter.department ? { departmentId: filter.department } : {}) };
  const [rectifications, revisits, pending] = await Promise.all([
    db.complaintRectification.findMany({ where: { complaint: where }, select: { dueAt: true, rectifiedAt: true } }),
    db.complaintRevisit.findMany({ where: { complaint: where }, select: { dueAt: true, completedAt: true } }),
    db.complaint.findMany({ where: { ...where, state: "RECTIFIED", revisitDueAt: { not: null } }, select: { revisitDueAt: true } }),
  ]);
  const deadlines = [
    ...(filter.kind === "revisit" ? [] : rectifications.map((r) => ({ due: r.dueAt, done: r.rectifiedAt }))),
    ...(filter.kind === "rectification" ? [] : revisits.map((v) => ({ due: v.dueAt, done: v.completedAt }))),
    ...(filter.kind === "rectification" ? [] : pending.map((c) => ({ due: c.revisitDueAt!, done: null }))),
  ];
  const today = calendar.localDateOf(new Date());
  const count = (periods: { key: string; start: string; end: string }[]) =>
    periods.map((p) => {
      const inPeriod = deadlines.filter((d) => {
        const day = calendar.localDateOf(d.due);
        return d.due.getTime() <= Date.now() && day >= p.start && day < p.end;
      });
      return { key: p.key, due: inPeriod.length, met: inPeriod.filter((d) => d.done && d.done <= d.due).length };
    });
  return { weeks: count(weekPeriods(today, RATE_WEEKS)), months: count(monthPeriods(today, RATE_MONTHS)) };
}

async function figures(filter: DashboardFilter) {
  const rates = await onTimeRates({ site: world.siteA, ...filter });
  const strip = (ps: { key: string; due: number; met: number }[]) => ps.map(({ key, due, met }) => ({ key, due, met }));
  return { weeks: strip(rates.weeks), months: strip(rates.months) };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
  otherDepartment = (await db.department.create({ data: { siteId: world.siteA, name: "保洁公司A", kind: "CLEANING_CONTRACTOR" } })).id;
  ids.late = await complaint("SA-R-001", { state: "IN_RECTIFICATION", dueDaysAgo: 20 });
  ids.onTime = await complaint("SA-R-002", { state: "RECTIFIED", dueDaysAgo: 16, rectifiedDaysAgo: 17, revisitDueDaysAgo: 9 });
  ids.recent = await complaint("SA-R-003", { state: "IN_RECTIFICATION", dueDaysAgo: 0.1 });
  await signInAs(world.users.MANAGER);
});

describe("on-time rates of closed periods", () => {
  it("equal the direct count and are stored once per site and closed period", async () => {
    expect(await figures({})).toEqual(await direct({}));
    const stored = await db.complaintRateSummary.findMany({ where: { siteId: world.siteA }, orderBy: { periodKey: "asc" } });
    // The current week and month are never stored.
    const closed = [
      ...weekPeriods(calendar.localDateOf(new Date()), RATE_WEEKS),
      ...monthPeriods(calendar.localDateOf(new Date()), RATE_MONTHS),
    ]
      .filter((p) => !p.current)
      .map((p) => p.key)
      .sort();
    expect(stored.map((s) => s.periodKey)).toEqual(closed);
    // A second view reads them: nothing is counted again.
    expect(await figures({})).toEqual(await direct({}));
    const again = await db.complaintRateSummary.findMany({ where: { siteId: world.siteA }, orderBy: { periodKey: "asc" } });
    expect(again.map((s) => s.computedAt.getTime())).toEqual(stored.map((s) => s.computedAt.getTime()));
    for (const filter of [{ kind: "rectification" }, { kind: "revisit" }, { department: otherDepartment }] as DashboardFilter[])
      expect(await figures(filter)).toEqual(await direct(filter));
  });

  it("ten views at once on an empty store: one count, the same figures for all, one row per closed period", async () => {
    await db.complaintRateSummary.deleteMany({ where: { siteId: world.siteA } });
    // The figures kept in memory (decision 026) are not what is tested here: forgotten, and ten filters,
    // so that each view reaches the stored summaries.
    forgetFigures();
    const filters: DashboardFilter[] = Array.from({ length: 10 }, (_, i) =>
      i % 3 === 0
        ? { kind: "rectification", severity: i % 2 ? "GENERAL" : undefined }
        : i % 3 === 1
          ? { kind: "revisit", q: `v${i}` }
          : { q: `x${i}` },
    );
    const expected = await Promise.all(filters.map((filter) => direct(filter)));
    const answers = await Promise.all(filters.map((filter) => figures(filter)));
    answers.forEach((answer, i) => expect(answer).toEqual(expected[i]));
    const stored = await db.complaintRateSummary.groupBy({ by: ["periodKey"], where: { siteId: world.siteA }, _count: true });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((row) => row._count === 1)).toBe(true);
    const computedAt = await db.complaintRateSummary.findMany({ where: { siteId: world.siteA }, select: { computedAt: true } });
    // All stored by one transaction: the views that came later read them or waited for them.
    expect(new Set(computedAt.map((r) => r.computedAt.getTime())).size).toBe(1);
  });

  it("a backdated rectification in a closed week shows on the next view", async () => {
    await figures({});
    const before = await db.complaintRateSummary.count({ where: { siteId: world.siteA } });
    await db.complaintRectification.updateMany({ where: { complaintId: ids.late }, data: { rectifiedAt: ago(21) } });
    expect(await db.complaintRateSummary.count({ where: { siteId: world.siteA } })).toBeLessThan(before);
    expect(await figures({})).toEqual(await direct({}));
  });

  it("a revisit that reopens the complaint moves its pending deadline into a recorded one", async () => {
    await figures({});
    const c = await db.complaint.findUniqueOrThrow({ where: { id: ids.onTime } });
    // Recorded late on paper, entered now with its real (on-time) time; unsatisfied: round 2 starts.
    await db.$transaction([
      db.complaintRevisit.create({
        data: {
          complaintId: c.id,
          round: 1,
          dueAt: c.revisitDueAt!,
          method: "PHONE",
          revisitedAt: ago(10),
          completedAt: ago(10), // signed (R-CMP-4)
          satisfaction: "UNSATISFIED",
          clientName: "李四",
          byId: world.users.CLERK,
        },
      }),
      db.complaint.update({ where: { id: c.id }, data: { state: "IN_RECTIFICATION", round: 2, rectificationDueAt: ago(-3) } }),
      db.complaintRectification.create({ data: { complaintId: c.id, round: 2, dueAt: ago(-3) } }),
    ]);
    expect(await figures({})).toEqual(await direct({}));
    expect(await figures({ kind: "revisit" })).toEqual(await direct({ kind: "revisit" }));
  });

  it("a complaint moved to another department moves its closed deadlines too", async () => {
    await figures({ department: otherDepartment });
    await db.complaint.update({ where: { id: ids.late }, data: { departmentId: otherDepartment } });
    const moved = await figures({ department: otherDepartment });
    expect(moved).toEqual(await direct({ department: otherDepartment }));
    expect(moved.weeks.reduce((s, p) => s + p.due, 0) + moved.months.reduce((s, p) => s + p.due, 0)).toBeGreaterThan(0);
    expect(await figures({ department: world.a.department })).toEqual(await direct({ department: world.a.department }));
  });
});
