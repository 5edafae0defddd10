/**
 * Inspection compliance (R-INS-4) and checklist versions against PostgreSQL: due / done / missed for
 * a past working day with one missed slot, a day without rounds counts nothing, another site's checks
 * never counted, the day grid, the printable sheet, template versioning, and refusals for non-managers.
 * Dates are picked relative to today on site A's calendar, so the test holds whatever day it runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { AccessError } from "@/lib/auth/guard";
import { addDays, type Calendar, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { saveChecklistTemplateAction as saveChecklistTemplateActionAsSent } from "@/lib/checklists/actions";
import { db } from "@/lib/db";
import { complianceReport, supervisorDailySheet } from "@/lib/inspections/compliance.queries";
import { dailyWindows } from "@/lib/inspections/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";
import { asLoadedNow } from "../support/versions";

/** As the form sends it: with the version it was loaded with (lib/versioning.ts). */
const saveChecklistTemplateAction = async (input: Record<string, unknown>) =>
  saveChecklistTemplateActionAsSent(await asLoadedNow("saveChecklistTemplateAction", input));

let world: World;
let calendar: Calendar;
let workday: LocalDate;
let holiday: LocalDate;
let templateV1: string;
let oldInspection: string;

const site = {
  timeZone: "Asia/Shanghai",
  slot1Start: "09:00",
  slot1End: "12:00",
  slot2Start: "14:00",
  slot2End: "17:30",
  inspectOnWeekends: false,
};

async function check(siteId: string, areaId: string, periodKey: string, checkedAt: Date, fail = false) {
  const items = await db.checklistItem.findMany({ where: { templateId: templateV1 }, orderBy: { position: "asc" } });
  const inspection = await db.inspection.create({
    data: {
      requestId: newRequestId(),
      siteId,
      areaId,
      templateId: templateV1,
      periodKey,
      supervisorId: world.users.SUPERVISOR,
      checkedAt,
      failures: fail ? 1 : 0,
      results: {
        create: items.map((it, i) => ({
          itemId: it.id,
          result: fail && i === 0 ? "FAIL" : "PASS",
          note: fail && i === 0 ? "地面湿滑" : null,
        })),
      },
    },
  });
  return inspection.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  // Site A closes on rest days: it switched daily rounds on rest days off (R-INS-1).
  await db.site.update({ where: { id: world.siteA }, data: { inspectOnWeekends: false } });
  calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
  const today = calendar.localDateOf(new Date());
  workday = addDays(today, -3);
  while (!calendar.isWorkingDay(workday)) workday = addDays(workday, -1);
  holiday = addDays(today, -3);
  while (calendar.isWorkingDay(holiday)) holiday = addDays(holiday, -1);

  const v1 = await db.checklistTemplate.create({
    data: {
      areaType: "LOBBY",
      version: 1,
      items: {
        create: [
          { position: 0, label: "地面清洁干燥" },
          { position: 1, label: "大堂照明正常", equipment: true },
        ],
      },
    },
  });
  templateV1 = v1.id;

  // Site A, the working day: slot 1 done (with a failure), slot 2 missed.
  const [w1] = dailyWindows(calendar, site, workday);
  oldInspection = await check(world.siteA, world.a.area, `${workday}#1`, new Date(w1.start.getTime() + 30 * 60_000), true);
  // Site B: both slots done — must never show in site A's numbers.
  const [b1, b2] = dailyWindows(calendar, site, workday);
  await check(world.siteB, world.b.area, `${workday}#1`, new Date(b1.start.getTime() + 60_000));
  await check(world.siteB, world.b.area, `${workday}#2`, new Date(b2.start.getTime() + 60_000));
});

describe("compliance report", () => {
  it("counts due, done and missed for a past working day with one missed slot", async () => {
    await signInAs(world.users.MANAGER);
    const r = await complianceReport({ site: world.siteA, date: workday, period: "day" });
    expect(r.site.id).toBe(world.siteA);
    expect(r.totals).toMatchObject({ due: 2, done: 1, missed: 1, failures: 1, rate: 0.5 });
    const area = r.byArea.find((a) => a.id === world.a.area)!;
    expect(area.tally).toMatchObject({ due: 2, done: 1, missed: 1 });
    const sup = r.bySupervisor.find((s) => s.id === world.users.SUPERVISOR)!;
    expect(sup.tally).toMatchObject({ due: 2, done: 1, missed: 1 });
    // Day grid: one row for the lobby, slot 1 done with its failure, slot 2 missed.
    const row = r.grid.flatMap((g) => g.rows).find((x) => x.area.id === world.a.area)!;
    expect(row.cells.map((c) => c.state)).toEqual(["done", "missed"]);
    expect(row.cells[0].check?.failures).toBe(1);
    expect(row.cells[0].supervisorName).toBe("测试SUPERVISOR");
  });

  it("a rest day of a site without rounds on rest days counts nothing", async () => {
    await signInAs(world.users.MANAGER);
    const r = await complianceReport({ site: world.siteA, date: holiday, period: "day" });
    expect(r.totals).toMatchObject({ due: 0, done: 0, missed: 0, rate: null });
    const row = r.grid.flatMap((g) => g.rows).find((x) => x.area.id === world.a.area)!;
    expect(row.cells.map((c) => c.state)).toEqual(["none", "none"]);
  });

  it("the month includes the working day and excludes site B", async () => {
    await signInAs(world.users.MANAGER);
    const r = await complianceReport({ site: world.siteA, date: workday, period: "month" });
    expect(r.totals.done).toBe(1);
    expect(r.byDay.find((d) => d.day === workday)?.tally).toMatchObject({ due: 2, done: 1, missed: 1 });
    expect(r.byArea.some((a) => a.id === world.b.area)).toBe(false);
    // Site B is not the manager's: asking for it falls back to their own site.
    const other = await complianceReport({ site: world.siteB, date: workday, period: "day" });
    expect(other.site.id).toBe(world.siteA);
  });

  it("prints one supervisor's day with the missed slot", async () => {
    await signInAs(world.users.MANAGER);
    const sheet = await supervisorDailySheet({ site: world.siteA, date: workday, supervisor: world.users.SUPERVISOR });
    expect(sheet.checks).toHaveLength(1);
    expect(sheet.checks[0].results.find((x) => x.result === "FAIL")?.note).toBe("地面湿滑");
    expect(sheet.missed.map((m) => m.periodKey)).toEqual([`${workday}#2`]);
    await expect(supervisorDailySheet({ site: world.siteB, date: workday, supervisor: world.users.SUPERVISOR })).rejects.toThrow(
      AccessError,
    );
  });

  it("is refused to non-managers", async () => {
    await signInAs(world.users.SUPERVISOR);
    await expect(complianceReport({ site: world.siteA })).rejects.toThrow(AccessError);
    await signInAs(world.users.ADMIN);
    await expect(complianceReport({ site: world.siteA })).rejects.toThrow(AccessError);
  });
});

describe("checklist versions", () => {
  it("saving makes version 2 current; the old check keeps version 1's items", async () => {
    await signInAs(world.users.ADMIN);
    const res = await saveChecklistTemplateAction({
      areaType: "LOBBY",
      items: [
        { label: "地面清洁干燥", equipment: false },
        { label: "玻璃清洁无手印", equipment: false },
        { label: "大堂照明正常", equipment: true },
      ],
    });
    expect(res).toMatchObject({ ok: true, data: { version: 2 } });
    const templates = await db.checklistTemplate.findMany({ where: { areaType: "LOBBY" }, orderBy: { version: "asc" } });
    expect(templates.map((t) => [t.version, t.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const old = await db.inspection.findUniqueOrThrow({ where: { id: oldInspection }, include: { results: { include: { item: true } } } });
    expect(old.templateId).toBe(templateV1);
    expect(old.results.map((r) => r.item.label).sort()).toEqual(["地面清洁干燥", "大堂照明正常"].sort());
    const audit = await db.auditLog.findFirst({ where: { entity: "ChecklistTemplate", entityId: templates[1].id } });
    expect(audit?.action).toBe("CREATE");
  });

  it("refuses duplicate labels, empty lists and non-managers", async () => {
    await signInAs(world.users.ADMIN);
    const dup = await saveChecklistTemplateAction({ areaType: "LOBBY", items: [{ label: "甲" }, { label: " 甲 " }] });
    expect(dup).toMatchObject({ ok: false, code: "invalid" });
    expect(dup.ok ? null : dup.fieldErrors?.["items.1.label"]).toBeTruthy();
    expect(await saveChecklistTemplateAction({ areaType: "LOBBY", items: [] })).toMatchObject({ ok: false, code: "invalid" });
    for (const role of ["SUPERVISOR", "MANAGER"] as const) {
      // A manager of one site must not change what every site checks.
      await signInAs(world.users[role]);
      expect(await saveChecklistTemplateAction({ areaType: "LOBBY", items: [{ label: "甲" }] })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await db.checklistTemplate.count({ where: { areaType: "LOBBY" } })).toBe(2);
  });
});
