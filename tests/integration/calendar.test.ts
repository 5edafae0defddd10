/** R-CAL-1: a site's overrides and a manager-entered year table, through the actions and the store. */
import { beforeAll, describe, expect, it } from "vitest";
import { provisionalDaysOff } from "@/lib/calendar";
import {
  deleteCalendarOverrideAction,
  previewOfficialYearAction,
  saveOfficialYearAction,
  setCalendarOverrideAction as setCalendarOverrideActionAsSent,
} from "@/lib/calendar-admin/actions";
import { provisionalYearsAhead } from "@/lib/calendar-admin/queries";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { asLoadedNow } from "../support/versions";

/** As the form sends it: with the version it was loaded with (lib/versioning.ts). */
const setCalendarOverrideAction = async (input: Record<string, unknown>) =>
  setCalendarOverrideActionAsSent(await asLoadedNow("setCalendarOverrideAction", input));

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("site overrides", () => {
  it("a manager's override changes that site's calendar only, and setting it twice changes nothing twice", async () => {
    await signInAs(world.users.MANAGER);
    // Wed 2 Dec 2026 is a working day; the site closes for a local event.
    const input = { siteId: world.siteA, date: "2026-12-02", kind: "HOLIDAY", note: "园区停电检修" };
    expect(await setCalendarOverrideAction(input)).toMatchObject({ ok: true });
    expect(await setCalendarOverrideAction(input)).toMatchObject({ ok: true });
    expect(await db.calendarOverride.count({ where: { siteId: world.siteA, date: new Date("2026-12-02T00:00:00Z") } })).toBe(1);

    const calendars = await loadSiteCalendars([world.siteA, world.siteB]);
    expect(calendars.get(world.siteA)!.dayInfo("2026-12-02")).toMatchObject({ working: false, source: "override" });
    expect(calendars.get(world.siteB)!.dayInfo("2026-12-02")).toMatchObject({ working: true, source: "package" });
    // A major complaint received on Tue 1 Dec at site A is now due Thu 3 Dec.
    expect(calendars.get(world.siteA)!.addWorkingDays(new Date("2026-12-01T10:00:00+08:00"), 1).dueAt.toISOString()).toBe(
      "2026-12-03T15:59:59.999Z",
    );
  });

  it("an override of another site or a bad date is refused and writes nothing", async () => {
    await signInAs(world.users.MANAGER);
    const before = await db.calendarOverride.count();
    expect(await setCalendarOverrideAction({ siteId: world.siteB, date: "2026-12-03", kind: "HOLIDAY" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await setCalendarOverrideAction({ siteId: world.siteA, date: "2026-02-30", kind: "HOLIDAY" })).toMatchObject({
      ok: false,
      fieldErrors: { date: "请输入日期，如 2026-01-31" },
    });
    expect(await deleteCalendarOverrideAction({ id: world.b.override })).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.calendarOverride.count()).toBe(before);
  });
});

describe("the provisional-year banner", () => {
  it("asks each of the user's sites for its own year, in the site's zone (R-CAL-2)", async () => {
    const newYork = await db.site.create({ data: { code: "NY", name: "纽约项目", timeZone: "America/New_York" }, select: { id: true } });
    // 20:00 UTC on 31 Dec 2026: already 1 Jan 2027 in Shanghai, still 31 Dec 2026 (15:00) in New York.
    const now = new Date("2026-12-31T20:00:00Z");
    expect(await provisionalYearsAhead([world.siteA], now)).toEqual([2027, 2028]);
    // In New York it is still 2026 (official data), so only 2027 is ahead and provisional.
    expect(await provisionalYearsAhead([newYork.id], now)).toEqual([2027]);
    expect(await provisionalYearsAhead([world.siteA, newYork.id], now)).toEqual([2027, 2028]);
    expect(await provisionalYearsAhead([], now)).toEqual([]);
  });
});

describe("the provisional year follows the law", () => {
  it("gives the 补假 days off at every site and shows them as such on the month", async () => {
    const calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
    // 国庆 2027: Fri Oct 1, Sat 2, Sun 3 → 补假 Mon 4 and Tue 5.
    expect(calendar.dayInfo("2027-10-04")).toEqual({
      working: false,
      provisional: true,
      source: "provisional",
      holidayName: "国庆节",
      compensatory: true,
    });
    // A major complaint received on Thu 30 Sep 2027 is due by the first working day after the break.
    expect(calendar.addWorkingDays(new Date("2027-09-30T10:00:00+08:00"), 1)).toEqual({
      dueAt: new Date("2027-10-06T23:59:59.999+08:00"),
      provisional: true,
    });
  });
});

/** The law's days off for a year (holidays and 补假) in the action's format. */
const computed = (year: number) => provisionalDaysOff(year).map(({ date, name }) => ({ date, name }));

describe("a year's official table", () => {
  it("makes 2027 official instead of provisional, with its make-up working days", async () => {
    let calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
    expect(calendar.dayInfo("2027-02-05")).toMatchObject({ working: false, provisional: true });

    await signInAs(world.users.ADMIN);
    const result = await saveOfficialYearAction({
      year: 2027,
      reference: "国办发明电〔2026〕X号",
      holidays: [...computed(2027), { date: "2027-02-11", name: "春节" }],
      workdays: [{ date: "2027-02-13", name: "春节" }],
    });
    expect(result).toMatchObject({ ok: true });
    calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
    expect(calendar.dayInfo("2027-02-10")).toMatchObject({ working: false, provisional: false, source: "entered" });
    expect(calendar.dayInfo("2027-02-11")).toMatchObject({ working: false, provisional: false, source: "entered" });
    expect(calendar.dayInfo("2027-02-13")).toMatchObject({ working: true, provisional: false });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "OfficialCalendarYear", entityId: "2027" } });
    expect(audit.action).toBe("CREATE");
  });

  it("refuses a table with a date outside its year or a day both off and working", async () => {
    await signInAs(world.users.ADMIN);
    const bad = await saveOfficialYearAction({ year: 2028, holidays: [{ date: "2029-01-01" }], workdays: [] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "holidays.0.date": "日期不属于该年度" } });
    const both = await saveOfficialYearAction({ year: 2028, holidays: computed(2028), workdays: [{ date: "2028-01-01" }] });
    expect(both).toMatchObject({ ok: false, fieldErrors: { "workdays.0.date": "同一天不能既放假又上班" } });
    expect(await db.officialCalendarYear.count({ where: { year: 2028 } })).toBe(0);
  });

  it("refuses a table that leaves out a statutory holiday, naming it next to the list, and keeps the year as it was", async () => {
    await signInAs(world.users.ADMIN);
    const auditBefore = await db.auditLog.count();
    // One holiday for 2026 used to replace the package's whole year: National Day became working days.
    const single = await saveOfficialYearAction({ year: 2026, holidays: [{ date: "2026-01-01", name: "元旦" }], workdays: [] });
    expect(single).toMatchObject({ ok: false, code: "invalid" });
    if (single.ok) return;
    expect(single.fieldErrors?.holidays).toContain("国庆节 2026-10-01、2026-10-02、2026-10-03");
    expect(single.fieldErrors?.holidays).toContain("春节 2026-02-16、2026-02-17、2026-02-18、2026-02-19");

    const withoutMidAutumn = computed(2028).filter(({ name }) => !name.includes("中秋"));
    const refused = await previewOfficialYearAction({ year: 2028, holidays: withoutMidAutumn, workdays: [] });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { holidays: "缺少法定节假日：中秋节、国庆节 2028-10-03。每个法定节假日都必须列为放假日期。" },
    });
    expect(await saveOfficialYearAction({ year: 2028, holidays: withoutMidAutumn, workdays: [] })).toMatchObject({ ok: false });

    expect(await db.officialCalendarYear.count({ where: { year: { in: [2026, 2028] } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
    const calendar = (await loadSiteCalendars([world.siteB])).get(world.siteB)!;
    expect(calendar.dayInfo("2026-10-02")).toMatchObject({ working: false, source: "package" });
  });

  it("refuses a date listed twice, on its own line, holidays and make-up days alike", async () => {
    await signInAs(world.users.ADMIN);
    const holidays = computed(2028);
    const twiceOff = await saveOfficialYearAction({ year: 2028, holidays: [...holidays, holidays[3]], workdays: [] });
    expect(twiceOff).toMatchObject({ ok: false, fieldErrors: { [`holidays.${holidays.length}.date`]: "日期与前面重复" } });
    const twiceWorking = await previewOfficialYearAction({
      year: 2028,
      holidays,
      workdays: [{ date: "2028-09-30" }, { date: "2028-10-07" }, { date: "2028-09-30" }],
    });
    expect(twiceWorking).toMatchObject({ ok: false, fieldErrors: { "workdays.2.date": "日期与前面重复" } });
    expect(await db.officialCalendarYear.count({ where: { year: 2028 } })).toBe(0);
  });

  it("previews day by day what a table changes against the calendar in force, and writes nothing", async () => {
    await signInAs(world.users.ADMIN);
    const auditBefore = await db.auditLog.count();
    // 2028: a notice bridging 国庆 to Oct 1–7 with Sat Sep 30 and Sat Oct 7 as make-up working days.
    const input = {
      year: 2028,
      reference: "国办发明电〔2027〕X号",
      holidays: [...computed(2028), ...["2028-10-05", "2028-10-06"].map((date) => ({ date, name: "国庆节" }))],
      workdays: [
        { date: "2028-09-30", name: "国庆节" },
        { date: "2028-10-07", name: "国庆节" },
      ],
    };
    const preview = await previewOfficialYearAction(input);
    expect(preview).toMatchObject({ ok: true });
    if (!preview.ok) return;
    expect(preview.data.changes).toEqual([
      {
        date: "2028-09-30",
        weekday: 6,
        before: { working: false, provisional: true },
        after: { working: true, provisional: false, name: "国庆节" },
      },
      {
        date: "2028-10-05",
        weekday: 4,
        before: { working: true, provisional: true },
        after: { working: false, provisional: false, name: "国庆节" },
      },
      {
        date: "2028-10-06",
        weekday: 5,
        before: { working: true, provisional: true },
        after: { working: false, provisional: false, name: "国庆节" },
      },
      {
        date: "2028-10-07",
        weekday: 6,
        before: { working: false, provisional: true },
        after: { working: true, provisional: false, name: "国庆节" },
      },
    ]);
    expect(await db.officialCalendarYear.count({ where: { year: 2028 } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);

    // Replacing the entered 2027 table: dropping its extra 春节 day shows as that day turning back to work.
    const back = await previewOfficialYearAction({
      year: 2027,
      holidays: computed(2027),
      workdays: [{ date: "2027-02-13", name: "春节" }],
    });
    expect(back).toMatchObject({
      ok: true,
      data: { changes: [{ date: "2027-02-11", before: { working: false, provisional: false, name: "春节" }, after: { working: true } }] },
    });
  });

  it("refuses a date another year's table already lists", async () => {
    await signInAs(world.users.ADMIN);
    // The 2028 notice starts 元旦 on Fri 31 Dec 2027, so that day belongs to the 2028 table.
    const table2028 = { year: 2028, holidays: [{ date: "2027-12-31", name: "元旦" }, ...computed(2028)], workdays: [] };
    expect(await saveOfficialYearAction(table2028)).toMatchObject({ ok: true });
    const again = await previewOfficialYearAction({ year: 2027, holidays: computed(2027), workdays: [{ date: "2027-12-31" }] });
    expect(again).toMatchObject({ ok: false, fieldErrors: { workdays: "2027-12-31 已列在另一年度的安排中" } });
    expect(await saveOfficialYearAction({ year: 2027, holidays: computed(2027), workdays: [{ date: "2027-12-31" }] })).toMatchObject({
      ok: false,
    });
  });
});
