import "server-only";
import type { Db } from "@/lib/db";

/**
 * Sign-in throttling: growing delays, never a lock. Each counter holds failed attempts of the last
 * 24 hours (since the last success, for the pair and account counters); once it reaches `free`, the
 * next attempt must wait 2^(failures − free) seconds after the last failure, at most `capSeconds`.
 * Attempts refused for waiting are not counted and hash nothing, so hammering does not extend the wait.
 *
 * - pair (one account from one address): 5 free, then 1 s, 2 s, 4 s … up to 15 minutes.
 * - address (all accounts from one address, password spraying): 20 free, then up to 15 minutes.
 * - account (one account from every address, a distributed guess): 20 free, then up to 60 seconds.
 *
 * An address from which the account signed in within the last 30 days is "known" for it: only the
 * pair counter applies there, so failures from elsewhere (the account or address counters) never keep
 * the owner out of their usual address. The README states what this means in guesses per day.
 */
export const THROTTLE_RULES = {
  pair: { free: 5, capSeconds: 15 * 60 },
  address: { free: 20, capSeconds: 15 * 60 },
  account: { free: 20, capSeconds: 60 },
} as const;

export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

/** Seconds to wait after the last failure once a counter holds `failures`. */
export function delaySeconds(failures: number, rule: { free: number; capSeconds: number }): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(failures - rule.free, 30));
}

interface Counter {
  failures: number;
  lastFailureAt: Date | null;
}

async function failuresSince(db: Db, where: { username?: string; address?: string }, since: Date): Promise<Counter> {
  const agg = await db.loginAttempt.aggregate({
    where: { ...where, succeeded: false, at: { gt: since } },
    _count: { _all: true },
    _max: { at: true },
  });
  return { failures: agg._count._all, lastFailureAt: agg._max.at };
}

async function lastSuccessAt(db: Db, where: { username: string; address?: string }): Promise<Date | null> {
  const row = await db.loginAttempt.findFirst({ where: { ...where, succeeded: true }, orderBy: { at: "desc" }, select: { at: true } });
  return row?.at ?? null;
}

const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

/** Seconds this attempt must still wait (0 = go ahead). */
export async function secondsToWait(db: Db, username: string, address: string, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const [pairSuccess, accountSuccess] = await Promise.all([lastSuccessAt(db, { username, address }), lastSuccessAt(db, { username })]);
  const known = !!pairSuccess && now.getTime() - pairSuccess.getTime() < KNOWN_ADDRESS_MS;
  const counters: Array<[Counter, { free: number; capSeconds: number }]> = [
    [await failuresSince(db, { username, address }, later(dayAgo, pairSuccess)), THROTTLE_RULES.pair],
  ];
  if (!known)
    counters.push(
      [await failuresSince(db, { address }, dayAgo), THROTTLE_RULES.address],
      [await failuresSince(db, { username }, later(dayAgo, accountSuccess)), THROTTLE_RULES.account],
    );
  let wait = 0;
  for (const [counter, rule] of counters) {
    if (!counter.lastFailureAt) continue;
    const until = counter.lastFailureAt.getTime() + delaySeconds(counter.failures, rule) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordAttempt(db: Db, username: string, address: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { username, address, succeeded } });
}

/** Failures are kept 24 hours, successes (which make an address known) 30 days. */
export async function purgeOldAttempts(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, at: { lt: new Date(now.getTime() - FAILURE_MEMORY_MS) } },
        { at: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      ],
    },
  });
  return count;
}
