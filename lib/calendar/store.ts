import "server-only";
import { db } from "@/lib/db";
import type { Calendar } from "./calendar";
import * as load from "./load";
import type { OfficialYearTable } from "./site-input";

/** The app's reads of the stored calendars (lib/calendar/load.ts with the app's database client). */

/** Every year table a manager entered (company-wide: the State Council's table is national). */
export function loadOfficialYears(): Promise<OfficialYearTable[]> {
  return load.loadOfficialYears(db);
}

/**
 * The working-day calendars of several sites (R-CAL-1..2), in a fixed number of queries. Callers must
 * already have checked that the user may see these sites.
 */
export function loadSiteCalendars(siteIds: string[]): Promise<Map<string, Calendar>> {
  return load.loadSiteCalendars(db, siteIds);
}

/** One site's calendar (undefined for an unknown site). */
export async function loadSiteCalendar(siteId: string): Promise<Calendar | undefined> {
  return (await loadSiteCalendars([siteId])).get(siteId);
}
