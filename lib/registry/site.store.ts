import "server-only";
import { versionedCache } from "@/lib/cache-version";
import { db } from "@/lib/db";
import type { SiteSchedule } from "@/lib/inspections/rules";

/**
 * The site rows pages read on every request (the user's sites in every picker and filter, the dashboard's
 * scope, the supervisors' rounds and the compliance report with the inspection slots, R-INS-1/4), kept
 * in memory per app instance: all sites at once (fifty rows), read again only when the 'site' version
 * of CacheVersion moved (a trigger bumps it on any insert, update, delete or truncate of Site, so an edit
 * on the settings page is seen by the next read of every instance; lib/cache-version.ts). The rows are
 * shared between requests: frozen, never changed. Writes and the settings page itself (which needs the
 * row's edit version) read the database.
 */
export interface SiteSettings extends SiteSchedule {
  id: string;
  code: string;
  name: string;
}

/** The columns of SiteSettings (R-INS-1: the schedule of lib/inspections/rules.ts with the site's names). */
export const SITE_SETTINGS_SELECT = {
  id: true,
  code: true,
  name: true,
  timeZone: true,
  slot1Start: true,
  slot1End: true,
  slot2Start: true,
  slot2End: true,
  inspectOnWeekends: true,
} as const satisfies Record<keyof SiteSettings, true>;

const cache = versionedCache<{ all?: Promise<readonly Readonly<SiteSettings>[]> }>("site", () => ({}));

/** Every site, by code. */
export async function allSites(): Promise<readonly Readonly<SiteSettings>[]> {
  const sites = await cache.fresh();
  // Requests arriving while the rows are read wait for that read; a failed read is not kept.
  sites.all ??= db.site
    .findMany({ select: SITE_SETTINGS_SELECT, orderBy: { code: "asc" } })
    .then((rows) => Object.freeze(rows.map((r) => Object.freeze(r))))
    .catch((err: unknown) => {
      sites.all = undefined;
      throw err;
    });
  return sites.all;
}

/** The sites of `ids` that exist, by code. Callers must already have checked that the user may see them. */
export async function sitesByIds(ids: readonly string[]): Promise<Readonly<SiteSettings>[]> {
  const wanted = new Set(ids);
  return (await allSites()).filter((s) => wanted.has(s.id));
}

/**
 * The sites of `ids` that exist, by code, with only the named columns (what a page passes on to the
 * browser, nothing more): the read pages use this instead of querying Site. Callers must already have
 * checked that the user may see them.
 */
export async function sitesWith<K extends keyof SiteSettings>(ids: readonly string[], ...columns: K[]): Promise<Pick<SiteSettings, K>[]> {
  return (await sitesByIds(ids)).map((s) => {
    const row = {} as Pick<SiteSettings, K>;
    for (const c of columns) row[c] = s[c];
    return row;
  });
}

/** One site's settings (undefined for an unknown site). */
export async function siteSettings(id: string): Promise<Readonly<SiteSettings> | undefined> {
  return (await allSites()).find((s) => s.id === id);
}

/** Empties this instance's cache (tests simulate a fresh instance with it). */
export function forgetSites() {
  cache.forget();
}
