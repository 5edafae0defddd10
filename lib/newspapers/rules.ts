/**
 * Pure rules of the front desk's newspaper day (§9, R-NEWS-1..3). No I/O: the mutations, the pages
 * and the monthly report read the same arithmetic.
 */
import type { LocalDate } from "@/lib/calendar";

export type DeliveryState = "PENDING" | "DELIVERED" | "HELD" | "PICKED_UP" | "SHORT";

/** Largest number of copies of one title a subscription or a receipt line may carry. */
export const MAX_COPIES = 999;

/** A subscription runs from `startsOn` to `endsOn` inclusive (local dates); no end = open-ended. */
export function isActiveOn(sub: { startsOn: LocalDate; endsOn: LocalDate | null }, date: LocalDate): boolean {
  return sub.startsOn <= date && (sub.endsOn === null || sub.endsOn >= date);
}

/** R-NEWS-2: the distribution list is walked in building / floor / unit order, then tenant and title. */
export function distributionOrder<T extends { building: string; floor: string; unitCode: string; tenantName: string; titleName: string }>(
  rows: readonly T[],
): T[] {
  const key = (r: T) => [r.building, r.floor, r.unitCode, r.tenantName, r.titleName];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = ka[i].localeCompare(kb[i], "zh-CN", { numeric: true });
      if (c !== 0) return c;
    }
    return 0;
  });
}

/**
 * R-NEWS-1 shortfall: the copies that arrived are handed out along the distribution list (already in
 * building / floor / unit order). A subscription that cannot get all its copies goes SHORT for the day
 * (a tenant gets their whole order or nothing, never half of it); later, smaller subscriptions may still
 * be served. What is left over is the surplus that goes back to the courier.
 */
export function allocateCopies(received: number, subscriptions: readonly { id: string; copies: number }[]) {
  let left = received;
  const states = new Map<string, "PENDING" | "SHORT">();
  for (const sub of subscriptions) {
    if (sub.copies <= left) {
      states.set(sub.id, "PENDING");
      left -= sub.copies;
    } else states.set(sub.id, "SHORT");
  }
  return { states, surplus: left };
}

export interface TitleTally {
  received: number;
  expected: number;
  returned: number;
  delivered: number;
  held: number;
  pending: number;
  short: number;
}

/** Copies per state of one title's deliveries on one day. */
export function tallyDeliveries(deliveries: readonly { state: DeliveryState; copies: number }[]) {
  const sum = (pred: (s: DeliveryState) => boolean) => deliveries.filter((d) => pred(d.state)).reduce((n, d) => n + d.copies, 0);
  return {
    delivered: sum((s) => s === "DELIVERED"),
    // Held at the desk that day, whether picked up since or not.
    held: sum((s) => s === "HELD" || s === "PICKED_UP"),
    pending: sum((s) => s === "PENDING"),
    short: sum((s) => s === "SHORT"),
  };
}

/**
 * The day's identity per title: received = delivered + held + returned. SHORT copies never arrived, so
 * they are not part of "received". Returns the difference (positive: copies unaccounted for).
 */
export function reconcileDifference(t: { received: number; delivered: number; held: number; returned: number }): number {
  return t.received - t.delivered - t.held - t.returned;
}

/** What would be returned for the title to reconcile (the surplus after deliveries and held copies). */
export function suggestedReturned(t: { received: number; delivered: number; held: number; pending: number }): number {
  return Math.max(0, t.received - t.delivered - t.held - t.pending);
}

export type CloseCheck =
  { ok: true } | { ok: false; reason: "pending"; pending: number } | { ok: false; reason: "mismatch"; titleId: string; difference: number };

/** A day closes only with nothing PENDING and every title reconciling (the returned counts as entered). */
export function checkClose(
  titles: readonly { titleId: string; received: number; delivered: number; held: number; pending: number; returned: number }[],
): CloseCheck {
  const pending = titles.reduce((n, t) => n + t.pending, 0);
  if (pending > 0) return { ok: false, reason: "pending", pending };
  for (const t of titles) {
    const difference = reconcileDifference(t);
    if (difference !== 0) return { ok: false, reason: "mismatch", titleId: t.titleId, difference };
  }
  return { ok: true };
}

/** A receipt is for today or an earlier local day of the site, never a day still to come. */
export function receiptDateProblem(date: LocalDate, today: LocalDate): "future" | null {
  return date > today ? "future" : null;
}

/** Subscription dates: the end (when given) is not before the start. */
export function subscriptionRangeProblem(startsOn: LocalDate, endsOn: LocalDate | null): "order" | null {
  return endsOn !== null && endsOn < startsOn ? "order" : null;
}

/** "YYYY-MM" of a local date, and the first and last local dates of that month (for month views). */
export function monthBounds(month: string): { from: LocalDate; to: LocalDate } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
