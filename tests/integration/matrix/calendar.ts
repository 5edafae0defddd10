import { provisionalDaysOff } from "@/lib/calendar";
import * as calendarActions from "@/lib/calendar-admin/actions";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** The working-day calendar: a site's overrides, and the national holiday table (company-wide). */
export const calendarMatrix: MatrixModule = {
  actions: [calendarActions],
  inputs: {
    setCalendarOverrideAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, date: "2026-12-31", kind: "HOLIDAY", note: uniq() }),
    deleteCalendarOverrideAction: (w, s) => ({ id: w[s].override }),
    saveOfficialYearAction: () => ({ year: 2027, reference: "测试", holidays: provisionalDaysOff(2027), workdays: [] }),
    previewOfficialYearAction: () => ({ year: 2027, reference: "测试", holidays: provisionalDaysOff(2027), workdays: [] }),
  },
  prepare,
  unscoped: ["saveOfficialYearAction", "previewOfficialYearAction"],
  /** A preview reads only. */
  noAudit: ["previewOfficialYearAction"],
};

/** Deleting needs an override to delete on each call. */
async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (name !== "deleteCalendarOverrideAction") return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  await db.calendarOverride.deleteMany({ where: { siteId, date: new Date("2026-12-26T00:00:00Z") } });
  world[site].override = (
    await db.calendarOverride.create({ data: { siteId, date: new Date("2026-12-26T00:00:00Z"), kind: "WORKDAY" } })
  ).id;
}
