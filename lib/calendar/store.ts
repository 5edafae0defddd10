import "server-only";
import { versionedCache } from "@/lib/cache-version";
import { db } from "@/lib/db";
import type { Calendar } from "./calendar";
import * as load from "./load";
import type { OfficialYearTable } from "./site-input";

/**
 * The app's reads of the stored calendars (lib/calendar/load.ts with the app's database client),
 * kept in memory between requests under the 'calendar' row of `CacheVersion` (lib/cache-version.ts),
 * bumped by triggers on the calendar tables and on `Site` in the writing transaction, whoever writes:
 * so an edit is seen by the next read of every app instance, and a stale instance never serves an old
 * calendar.
 */

interface CalendarCache {
  sites: Map<string, Calendar>;
  officialYears?: OfficialYearTable[];
}

const stored = versionedCache<CalendarCache>("calendar", () => ({ sites: new Map() }));

/** Empties this instance's cache (tests simulate a fresh instance with it). */
export function forgetCalendars() {
  stored.forget();
}

/** Every year table a manager entered (company-wide: the State Council's table is national). */
export async function loadOfficialYears(): Promise<OfficialYearTable[]> {
  const cache = await stored.fresh();
  cache.officialYears ??= await load.loadOfficialYears(db);
  return cache.officialYears;
}

/**
 * The working-day calendars of several sites (R-CAL-1..2), in a fixed number of queries. Callers must
 * already have checked that the user may see these sites.
 */
export async function loadSiteCalendars(siteIds: string[]): Promise<Map<string, Calendar>> {
  const cache = await stored.fresh();
  const missing = siteIds.filter((id) => !cache.sites.has(id));
  if (missing.length > 0) for (const [id, calendar] of await load.loadSiteCalendars(db, missing)) cache.sites.set(id, calendar);
  return new Map(siteIds.flatMap((id) => (cache.sites.has(id) ? [[id, cache.sites.get(id)!] as const] : [])));
}

/** One site's calendar (undefined for an unknown site). */
export async function loadSiteCalendar(siteId: string): Promise<Calendar | undefined> {
  return (await loadSiteCalendars([siteId])).get(siteId);
}
