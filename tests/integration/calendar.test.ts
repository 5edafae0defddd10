/** R-CAL-1: a site's overrides and a manager-entered year table, through the actions and the store. */
import { beforeAll, describe, expect, it } from "vitest";
import { deleteCalendarOverrideAction, saveOfficialYearAction, setCalendarOverrideAction } from "@/lib/calendar-admin/actions";
import { loadSiteCalendars } from "@/lib/calendar-admin/store";
import { db } from "@/lib/db";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

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

describe("a year's official table", () => {
  it("makes 2027 official instead of provisional, with its make-up working days", async () => {
    let calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
    expect(calendar.dayInfo("2027-02-05")).toMatchObject({ working: false, provisional: true });

    await signInAs(world.users.ADMIN);
    const result = await saveOfficialYearAction({
      year: 2027,
      reference: "国办发明电〔2026〕X号",
      holidays: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"].map((date) => ({
        date,
        name: "春节",
      })),
      workdays: [{ date: "2027-02-13", name: "春节" }],
    });
    expect(result).toMatchObject({ ok: true });
    calendar = (await loadSiteCalendars([world.siteA])).get(world.siteA)!;
    expect(calendar.dayInfo("2027-02-10")).toMatchObject({ working: false, provisional: false, source: "entered" });
    expect(calendar.dayInfo("2027-02-13")).toMatchObject({ working: true, provisional: false });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "OfficialCalendarYear", entityId: "2027" } });
    expect(audit.action).toBe("CREATE");
  });

  it("refuses a table with a date outside its year or a day both off and working", async () => {
    await signInAs(world.users.ADMIN);
    const bad = await saveOfficialYearAction({ year: 2028, holidays: [{ date: "2029-01-01" }], workdays: [] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "holidays.0.date": "日期不属于该年度" } });
    const both = await saveOfficialYearAction({ year: 2028, holidays: [{ date: "2028-01-01" }], workdays: [{ date: "2028-01-01" }] });
    expect(both).toMatchObject({ ok: false, fieldErrors: { workdays: "同一天不能既放假又上班" } });
    expect(await db.officialCalendarYear.count({ where: { year: 2028 } })).toBe(0);
  });
});
