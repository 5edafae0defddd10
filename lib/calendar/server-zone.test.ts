/**
 * R-CAL-2: the server's zone must never leak into an answer. We switch process.env.TZ inside the
 * test process (Node re-reads it on assignment) and recompute; also run the whole suite with e.g.
 * `TZ=America/New_York npx vitest run --project unit lib/calendar`.
 */
import { describe, expect, it } from "vitest";
import { createCalendar } from "./index";
import { dayOfWeek, formatInZone } from "./local-date";
import { provisionalHolidays, qingmingDate } from "./provisional";
import { serverLocalDay, withServerZone } from "./test-support";

const SERVER_ZONES = ["America/New_York", "Pacific/Pago_Pago", "Pacific/Kiritimati", "Europe/London", "Asia/Shanghai", "UTC"];

function sample() {
  const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
  const london = createCalendar({ timeZone: "Europe/London", overrides: [], officialYears: [] });
  const lateSunday = new Date("2026-03-01T17:00:00Z");
  return {
    localDate: shanghai.localDateOf(lateSunday),
    londonLocalDate: london.localDateOf(lateSunday),
    endOfDay: shanghai.endOfLocalDay("2026-03-02").toISOString(),
    saturdayWorking: shanghai.isWorkingDay("2026-03-07"),
    mondayWorking: shanghai.isWorkingDay("2026-03-09"),
    makeUpDay: shanghai.dayInfo("2026-02-14"),
    fridayMajor: shanghai.addWorkingDays(new Date("2026-02-13T02:00:00Z"), 1).dueAt.toISOString(),
    beforeNationalDay: shanghai.addWorkingDays(new Date("2026-09-30T07:00:00Z"), 3).dueAt.toISOString(),
    oneWeek: shanghai.addCalendarWeeks(new Date("2026-09-30T07:00:00Z"), 1).dueAt.toISOString(),
    londonDue: london.addWorkingDays(lateSunday, 1).dueAt.toISOString(),
    shown: formatInZone(lateSunday, "Asia/Shanghai"),
    weekday: dayOfWeek("2026-03-07"),
    qingming2027: qingmingDate(2027),
    springFestival2027: provisionalHolidays(2027)
      .filter((h) => h.name === "春节")
      .map((h) => h.date),
  };
}

const EXPECTED = {
  localDate: "2026-03-02",
  londonLocalDate: "2026-03-01",
  endOfDay: "2026-03-02T15:59:59.999Z",
  saturdayWorking: false,
  mondayWorking: true,
  makeUpDay: { working: true, provisional: false, source: "package", makeUpFor: "春节" },
  fridayMajor: "2026-02-14T15:59:59.999Z",
  beforeNationalDay: "2026-10-10T15:59:59.999Z",
  oneWeek: "2026-10-07T15:59:59.999Z",
  londonDue: "2026-03-02T23:59:59.999Z",
  shown: "2026-03-02 01:00",
  weekday: 6,
  qingming2027: "2027-04-05",
  springFestival2027: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
};

describe("answers do not depend on the server's time zone", () => {
  it.each(SERVER_ZONES)("server zone %s", (zone) => {
    withServerZone(zone, () => {
      expect(sample()).toEqual(EXPECTED);
    });
  });

  it("really changes the server zone (or the test above would prove nothing)", () => {
    const instant = new Date("2026-03-01T17:00:00Z");
    expect(withServerZone("Pacific/Kiritimati", () => serverLocalDay(instant))).toBe(2); // UTC+14
    expect(withServerZone("Pacific/Pago_Pago", () => serverLocalDay(instant))).toBe(1); // UTC−11
  });
});
