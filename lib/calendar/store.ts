import "server-only";
import { db } from "@/lib/db";
import type { Calendar } from "./calendar";
import * as load from "./load";
import type { OfficialYearTable } from "./site-input";

/**
 * The app's reads of the stored calendars (lib/calendar/load.ts with the app's database client),
 * kept in memory between requests. Every read first asks the database for the calendars' version
 * (one row of `CacheVersion`, bumped by triggers on the calendar tables and on `Site` in the writing
 * transaction, whoever writes): a different version empties the cache. So an edit is seen by the
 * next read of every app instance, and a stale instance never serves an old calendar.
 */

interface CalendarCache {
  version: bigint;
  sites: Map<string, Calendar>;
  officialYears?: OfficialYearTable[];
}

let cached: CalendarCache = { version: -1n, sites: new Map() };

/**
 * The version a database has before any calendar write: no row yet. The first write inserts one at its
 * clock time in microseconds (never 0), so the calendars cached at this version are dropped then.
 */
const NEVER_WRITTEN = 0n;

/** The cache of the current version. The version is read before the data, so data is never older than its tag. */
async function fresh(): Promise<CalendarCache> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "CacheVersion" WHERE id = 'calendar'`;
  // No row: no calendar table or site was written since the migration (a new company, or one loaded in
  // bulk), which is a version like any other; without it fifty sites' calendars were rebuilt on every read.
  const version = row?.version ?? NEVER_WRITTEN;
  if (version !== cached.version) cached = { version, sites: new Map() };
  return cached;
}

/** Empties this instance's cache (tests simulate a fresh instance with it). */
export function forgetCalendars() {
  cached = { version: -1n, sites: new Map() };
}

/** Every year table a manager entered (company-wide: the State Council's table is national). */
export async function loadOfficialYears(): Promise<OfficialYearTable[]> {
  const cache = await fresh();
  cache.officialYears ??= await load.loadOfficialYears(db);
  return cache.officialYears;
}

/**
 * The working-day calendars of several sites (R-CAL-1..2), in a fixed number of queries. Callers must
 * already have checked that the user may see these sites.
 */
export async function loadSiteCalendars(siteIds: string[]): Promise<Map<string, Calendar>> {
  const cache = await fresh();
  const missing = siteIds.filter((id) => !cache.sites.has(id));
  if (missing.length > 0) for (const [id, calendar] of await load.loadSiteCalendars(db, missing)) cache.sites.set(id, calendar);
  return new Map(siteIds.flatMap((id) => (cache.sites.has(id) ? [[id, cache.sites.get(id)!] as const] : [])));
}

/** One site's calendar (undefined for an unknown site). */
export async function loadSiteCalendar(siteId: string): Promise<Calendar | undefined> {
  return (await loadSiteCalendars([siteId])).get(siteId);
}
