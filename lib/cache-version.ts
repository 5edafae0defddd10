import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlEpochMs } from "@/lib/sql-time";

/**
 * Data kept in memory per app instance between requests, checked on every read against its row of
 * `CacheVersion` (a primary-key read). Triggers bump the row in the writing transaction, whoever writes
 * (the app, the seed, a script; one trigger function, kewu_bump_cache_version, naming the row): so an
 * edit is seen by the next read of every app instance, and a stale instance never serves old data.
 * The version is read before the data, so data is never older than the version it is filed under.
 * Rows: 'calendar' (lib/calendar/store.ts: overrides, official years, a site's time zone), 'site'
 * (lib/registry/site.store.ts: the site rows pages read on every request, with the inspection slots),
 * 'complaint' (the dashboard's complaint figures: complaints, their rounds and revisits, and the names
 * of tenants, units and departments), 'vacant' (the vacant-unit scores: units, their status changes,
 * cleaning records and checks), 'meeting' (the dashboard's missing meetings: series, meetings and
 * attendance), 'survey' (survey rounds and opinion items, and the names of tenants and departments),
 * 'service' (special-service orders) and 'contractor' (the dashboard's contractors card: the cleaning
 * supervisor's days, steps, plans and patrolled areas and inspections, the caterer's staff, certificates
 * and weekly papers, violations, waste and found items); the last six through versionedMemo below.
 */
export type CacheId = "calendar" | "site" | "complaint" | "vacant" | "meeting" | "survey" | "service" | "contractor";

export interface VersionedCache<T> {
  /** The data of the current version: emptied (a new `empty()`) when the version moved since the last read. */
  fresh(): Promise<T>;
  /** Empties this instance's cache (tests simulate a fresh instance with it). */
  forget(): void;
}

async function readVersion(id: CacheId): Promise<bigint | undefined> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "CacheVersion" WHERE id = ${id}`;
  return row?.version;
}

/** Every cache's version in one round trip (a page consults both the calendars and the sites). */
async function readVersions(): Promise<Map<string, bigint>> {
  const rows = await db.$queryRaw<{ id: string; version: bigint }[]>`SELECT id, version FROM "CacheVersion"`;
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Nothing of this kind was written since the database began (a new installation, the demo): the row is
 * made here, as the triggers make it, so that the data is kept from the first read. Without it every
 * request rebuilt it (on fifty sites, ~6 ms of CPU per list page for the calendars). A write racing with
 * this insert either waits for it and bumps the version, or goes first and is the version read.
 */
async function firstVersion(id: CacheId): Promise<bigint> {
  await db.$executeRaw`
    INSERT INTO "CacheVersion" (id, version)
    VALUES (${id}, (extract(epoch FROM clock_timestamp()) * 1000000)::BIGINT)
    ON CONFLICT (id) DO NOTHING`;
  return (await readVersion(id))!;
}

/**
 * The versions, read once in a server render (React's request cache), all ids in one statement: a page
 * consults the calendars and the sites several times, and each consultation was a round trip (three or
 * four per page). Outside a render (actions, route handlers, jobs, tests) every call reads.
 */
const currentVersions = cache(readVersions);

async function currentVersion(id: CacheId): Promise<bigint> {
  return (await versionsOf([id]))[0];
}

/** The versions of `ids`, in their order: one read of every row (outside a render too), a row made only where missing. */
async function versionsOf(ids: CacheId[]): Promise<bigint[]> {
  const versions = await currentVersions();
  return Promise.all(ids.map((id) => versions.get(id) ?? firstVersion(id)));
}

export function versionedCache<T>(id: CacheId, empty: () => T): VersionedCache<T> {
  let cached = { version: -1n, data: empty() };
  return {
    async fresh() {
      const version = await currentVersion(id);
      if (version !== cached.version) cached = { version, data: empty() };
      return cached.data;
    },
    forget() {
      cached = { version: -1n, data: empty() };
    },
  };
}

/**
 * When a value holds by the clock: from `at` (the instant it is computed for) until the instant `until()`
 * gives, or `untilOf(value)` where the value itself knows its next deadline (the earlier of the two).
 */
export interface MemoSpan<T = unknown> {
  at: Date;
  /** The first instant at which time alone could change the value (a deadline falls due, a local day ends). */
  until?: () => Promise<Date>;
  /** The same, read off the computed value. */
  untilOf?: (value: T) => Date;
}

export interface Memo<T> {
  /**
   * The value filed under `key` for the current versions (and, with a span, while the clock is inside
   * it); otherwise `compute()`, once per instance for concurrent callers of the same key and versions.
   * Without a span the value holds until a version moves (a key that names the day it is for, say).
   */
  get(key: string, compute: () => Promise<T>, span?: MemoSpan<T>): Promise<T>;
  /** Empties this instance's memo (tests simulate a fresh instance with it). */
  forget(): void;
}

/**
 * Figures derived from the rows behind `ids`, kept per key (the caller's sites and filter: callers check
 * the permission and the sites before they ask) for as long as none of those rows was written and the
 * clock has not reached the figures' own horizon. So a view shows what a count at that instant would
 * show: a write is seen by the next view of every instance, and a deadline that falls due by the view
 * after it. At most `max` keys, the least recently read dropped first.
 */
export function versionedMemo<T>(ids: CacheId[], max: number): Memo<T> {
  let entries = new Map<string, { version: string; from: number; until: number; value: T }>();
  const flights = new Map<string, Promise<T>>();
  return {
    async get(key, compute, span) {
      const version = (await versionsOf(ids)).join(".");
      // The instant asked about: the span's (a caller may ask for another instant than the clock's), else now.
      const now = span ? span.at.getTime() : Date.now();
      const hit = entries.get(key);
      if (hit && hit.version === version && now >= hit.from && now < hit.until) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const flightKey = `${version}|${key}`;
      let flight = flights.get(flightKey);
      if (!flight) {
        flight = Promise.all([compute(), span?.until?.()])
          .then(([value, until]) => {
            const ends = [until, span?.untilOf?.(value)].filter((d) => d !== undefined).map((d) => d.getTime());
            entries.delete(key);
            entries.set(key, {
              version,
              from: span ? span.at.getTime() : -Infinity,
              until: Math.min(Infinity, ...ends),
              value,
            });
            if (entries.size > max) entries.delete(entries.keys().next().value!);
            return value;
          })
          .finally(() => flights.delete(flightKey));
        flights.set(flightKey, flight);
      }
      return flight;
    },
    forget() {
      entries = new Map();
    },
  };
}

/**
 * A horizon for MemoSpan.until: the earliest of an SQL instant (`timestamp(3)`, UTC; NULL when there
 * is none, as `min` over no rows gives) and the given instants (a site's day or month end), in one
 * statement. Without any, the value holds by the clock for good.
 */
export async function firstInstant(next: Prisma.Sql, bounds: Date[]): Promise<Date> {
  const [row] = await db.$queryRaw<{ next_ms: number | null }[]>`SELECT ${sqlEpochMs(next)} AS next_ms`;
  return new Date(Math.min(row?.next_ms ?? Infinity, ...bounds.map((b) => b.getTime()), MAX_INSTANT));
}

/** The last instant a JS Date holds. */
const MAX_INSTANT = 8.64e15;
