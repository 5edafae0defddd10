/**
 * Work done on a phone without a signal (issue 20): the item carries the time it was made (`madeAt`),
 * and the server decides whether to believe it. Pure: no I/O, the caller throws the refusal.
 *
 * A dishonest or wrong clock may claim any time, so the claim is bounded:
 * - not in the future: at most CLOCK_SKEW_MS ahead of the server (a phone's clock drifts a little;
 *   such a time is taken as "now", never later);
 * - not older than its day: made on the same local day (site time) as it arrives. A round made in the
 *   basement at 09:40 and sent at 18:00 counts at 09:40; one kept on the phone overnight is refused,
 *   so nobody can fill in yesterday's rounds with yesterday's times.
 * Each module adds its own lower bound (an inspection window's start, a newspaper day's hand-over).
 */
import { z } from "zod";

/** A phone's clock may run this far ahead of the server's and still be believed (as "now"). */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** The client's timestamp of an item made offline (ISO 8601 with offset); absent for a live submit. */
export const madeAtField = () => z.iso.datetime({ offset: true, message: "offline.errors.madeAt" }).optional();

export type MadeAtProblem = "madeInFuture" | "madeOnEarlierDay";

/**
 * The time an item counts as made: the server's clock for a live submit, else the phone's claim within
 * the bounds above. `localDateOf` gives the site's local date of an instant (R-CAL-2).
 */
export function acceptedMadeAt(
  claimed: string | undefined,
  now: Date,
  localDateOf: (instant: Date) => string,
): { at: Date; problem?: undefined } | { problem: MadeAtProblem; at?: undefined } {
  if (claimed === undefined) return { at: now };
  const at = new Date(claimed);
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() + CLOCK_SKEW_MS) return { problem: "madeInFuture" };
  if (at.getTime() > now.getTime()) return { at: now };
  if (localDateOf(at) !== localDateOf(now)) return { problem: "madeOnEarlierDay" };
  return { at };
}
