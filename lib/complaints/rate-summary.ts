import "server-only";
import { startOfLocalDayInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlInstant as ts } from "@/lib/sql-time";
import type { DashboardFilter, Period } from "./dashboard.rules";

/**
 * Deadline counts behind the on-time rates (R-CMP-5), per site and period, split by department,
 * severity and deadline kind so that any dashboard filter is a sum over them.
 *
 * A closed period (its end has passed in the site's zone) is computed once and stored in
 * `ComplaintRateSummary`; only the current week and month are counted on every view. Late writes to
 * a closed period (a backdated revisit, a reopened round, a complaint moved to another department,
 * a site's new time zone…) are caught by database triggers that delete the affected stored rows
 * (migration `complaint_rate_summary`); the next view recounts them. Readers that compute take a
 * per-site advisory lock exclusively and the triggers take it shared, so a write that commits while
 * a period is being counted always deletes the stored result afterwards instead of racing it.
 */

export type RateGroup = [departmentId: string, severity: string, kind: "rectification" | "revisit", due: number, met: number];

export interface RateSite {
  id: string;
  timeZone: string;
}

interface PeriodOfSite {
  siteId: string;
  key: string;
  startsAt: Date;
  endsAt: Date;
}

const pairKey = (siteId: string, key: string) => `${siteId}|${key}`;

/** Counts every deadline that fell due in the given (site, period) pairs up to `now`, grouped. */
async function countGroups(tx: Prisma.TransactionClient | typeof db, pairs: PeriodOfSite[], now: Date) {
  if (pairs.length === 0) return new Map<string, RateGroup[]>();
  const rows = pairs.map((p) => Prisma.sql`(${p.siteId}, ${p.key}, ${ts(p.startsAt)}, ${ts(p.endsAt)})`);
  const siteIds = [...new Set(pairs.map((p) => p.siteId))];
  const since = ts(new Date(Math.min(...pairs.map((p) => p.startsAt.getTime()))));
  const until = ts(new Date(Math.min(now.getTime(), Math.max(...pairs.map((p) => p.endsAt.getTime())))));
  const inSites = Prisma.sql`c."siteId" IN (${Prisma.join(siteIds)})`;
  const counted = await tx.$queryRaw<
    { site_id: string; period_key: string; department_id: string; severity: string; kind: RateGroup[2]; due: number; met: number }[]
  >`
    WITH period (site_id, period_key, starts_at, ends_at) AS (VALUES ${Prisma.join(rows)}),
    deadline AS (
      SELECT c."siteId" AS site_id, c."departmentId" AS department_id, c.severity::text AS severity,
             'rectification' AS kind, r."dueAt" AS due_at, r."rectifiedAt" AS done_at
        FROM "ComplaintRectification" r JOIN "Complaint" c ON c.id = r."complaintId"
       WHERE ${inSites} AND r."dueAt" >= ${since} AND r."dueAt" <= ${until}
      UNION ALL
      -- R-CMP-4: a revisit is done when the client signed (completedAt); one awaiting the signature is not.
      SELECT c."siteId", c."departmentId", c.severity::text, 'revisit', v."dueAt", v."completedAt"
        FROM "ComplaintRevisit" v JOIN "Complaint" c ON c.id = v."complaintId"
       WHERE ${inSites} AND v."dueAt" >= ${since} AND v."dueAt" <= ${until}
      UNION ALL
      -- Revisits still pending: their deadline is on the complaint until the revisit row exists.
      SELECT c."siteId", c."departmentId", c.severity::text, 'revisit', c."revisitDueAt", NULL
        FROM "Complaint" c
       WHERE ${inSites} AND c.state = 'RECTIFIED' AND c."revisitDueAt" >= ${since} AND c."revisitDueAt" <= ${until}
         AND NOT EXISTS (SELECT 1 FROM "ComplaintRevisit" w WHERE w."complaintId" = c.id AND w.round = c.round)
    )
    SELECT p.site_id, p.period_key, d.department_id, d.severity, d.kind, count(*)::int AS due,
           (count(*) FILTER (WHERE d.done_at IS NOT NULL AND d.done_at <= d.due_at))::int AS met
      FROM period p
      JOIN deadline d ON d.site_id = p.site_id AND d.due_at >= p.starts_at AND d.due_at < p.ends_at
     WHERE d.due_at <= ${ts(now)}
     GROUP BY p.site_id, p.period_key, d.department_id, d.severity, d.kind`;
  const groups = new Map<string, RateGroup[]>(pairs.map((p) => [pairKey(p.siteId, p.key), []]));
  for (const r of counted) groups.get(pairKey(r.site_id, r.period_key))?.push([r.department_id, r.severity, r.kind, r.due, r.met]);
  return groups;
}

/** The stored groups of these (site, period) pairs, by pair key. */
async function storedGroups(tx: Prisma.TransactionClient | typeof db, pairs: PeriodOfSite[]): Promise<Map<string, RateGroup[]>> {
  const rows = await tx.complaintRateSummary.findMany({
    where: { siteId: { in: [...new Set(pairs.map((p) => p.siteId))] }, periodKey: { in: [...new Set(pairs.map((p) => p.key))] } },
    select: { siteId: true, periodKey: true, counts: true },
  });
  return new Map(rows.map((r) => [pairKey(r.siteId, r.periodKey), r.counts as RateGroup[]]));
}

/** Stored groups of closed periods; counts and stores the missing ones. */
async function closedGroups(pairs: PeriodOfSite[], now: Date): Promise<Map<string, RateGroup[]>> {
  const out = new Map<string, RateGroup[]>();
  if (pairs.length === 0) return out;
  for (const [key, groups] of await storedGroups(db, pairs)) out.set(key, groups);
  const missing = pairs.filter((p) => !out.has(pairKey(p.siteId, p.key)));
  if (missing.length === 0) return out;
  // Views that arrive while the same periods are being counted in this instance wait for that count
  // instead of starting their own (on three years of fifty sites the first count takes seconds).
  const flightKey = missing
    .map((p) => pairKey(p.siteId, p.key))
    .sort()
    .join(",");
  let flight = inFlight.get(flightKey);
  if (!flight) {
    flight = countAndStore(missing, now).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, flight);
  }
  for (const [key, groups] of await flight) out.set(key, groups);
  return out;
}

const inFlight = new Map<string, Promise<Map<string, RateGroup[]>>>();

/** The first count of closed periods can take seconds on a large company (not the 5 s default). */
const COUNT_TIMEOUT_MS = 120_000;

async function countAndStore(missing: PeriodOfSite[], now: Date): Promise<Map<string, RateGroup[]>> {
  return db.$transaction(
    async (tx) => {
      // Exclusive per site, in a fixed order; the triggers hold the same lock shared until they commit,
      // so this count sees their writes, or they delete what it stores.
      for (const siteId of [...new Set(missing.map((p) => p.siteId))].sort())
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ComplaintRateSummary'), hashtext(${siteId}))`;
      // Another instance may have counted them while this one waited for the lock: count only the rest.
      const groups = await storedGroups(tx, missing);
      const still = missing.filter((p) => !groups.has(pairKey(p.siteId, p.key)));
      const counted = await countGroups(tx, still, now);
      await tx.complaintRateSummary.createMany({
        data: still.map((p) => ({ siteId: p.siteId, periodKey: p.key, counts: counted.get(pairKey(p.siteId, p.key)) ?? [] })),
        skipDuplicates: true,
      });
      for (const [key, value] of counted) groups.set(key, value);
      return groups;
    },
    { timeout: COUNT_TIMEOUT_MS, maxWait: COUNT_TIMEOUT_MS },
  );
}

export interface DueMet {
  due: number;
  met: number;
}

/**
 * Due and met deadlines per period key, summed over the sites and the filter's groups (`byPeriod`),
 * and the same per site (`bySite`, for the company view's per-site rate): both from the same groups.
 */
export async function periodCounts(sites: RateSite[], periods: Period[], filter: DashboardFilter, now: Date) {
  const closed: PeriodOfSite[] = [];
  const open: PeriodOfSite[] = [];
  for (const s of sites)
    for (const p of periods) {
      const pair = {
        siteId: s.id,
        key: p.key,
        startsAt: startOfLocalDayInZone(p.start, s.timeZone),
        endsAt: startOfLocalDayInZone(p.end, s.timeZone),
      };
      (pair.endsAt.getTime() <= now.getTime() ? closed : open).push(pair);
    }
  const [stored, live] = await Promise.all([closedGroups(closed, now), countGroups(db, open, now)]);
  const byPeriod = new Map<string, DueMet>();
  const bySite = new Map<string, Map<string, DueMet>>();
  const add = (map: Map<string, DueMet>, key: string) => {
    const total = map.get(key) ?? { due: 0, met: 0 };
    map.set(key, total);
    return total;
  };
  for (const [pair, groups] of [...stored, ...live]) {
    const split = pair.indexOf("|");
    const [siteId, key] = [pair.slice(0, split), pair.slice(split + 1)];
    const site = bySite.get(siteId) ?? new Map<string, DueMet>();
    bySite.set(siteId, site);
    const [total, ofSite] = [add(byPeriod, key), add(site, key)];
    for (const [departmentId, severity, kind, due, met] of groups) {
      if (filter.department && departmentId !== filter.department) continue;
      if (filter.severity && severity !== filter.severity) continue;
      if (filter.kind && kind !== filter.kind) continue;
      for (const sum of [total, ofSite]) {
        sum.due += due;
        sum.met += met;
      }
    }
  }
  return { byPeriod, bySite };
}
