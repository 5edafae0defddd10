/**
 * The newspapers' monthly report (R-NEWS-1..3). Pure: grouped sums in, figures out.
 *
 * Per title and local day: received / expected / returned come from the front desk's receipt line
 * (R-NEWS-1); the deliveries' copies by state say where the received copies went (R-NEWS-2/3):
 * delivered = DELIVERED, held = HELD + PICKED_UP (logged at the front desk), picked up = PICKED_UP,
 * still held = HELD, short = SHORT (never arrived, so not part of the received copies). A day
 * reconciles when received = delivered + held + returned; one that does not is a discrepancy.
 */
import { addDays, isValidLocalDate, type LocalDate } from "@/lib/calendar";
import type { NewspaperDeliveryState } from "@/lib/generated/prisma/enums";

export interface ReceiptLineRow {
  dayId: string;
  date: LocalDate;
  closed: boolean;
  titleId: string;
  received: number;
  expected: number;
  returned: number;
}

export interface DeliverySum {
  /** dayId for the per-title figures, tenantId for the per-tenant ones. */
  key: string;
  titleId: string;
  state: NewspaperDeliveryState;
  copies: number;
}

export interface DeliveryFigures {
  delivered: number;
  held: number;
  pickedUp: number;
  stillHeld: number;
  short: number;
  pending: number;
}

const emptyDeliveries = (): DeliveryFigures => ({ delivered: 0, held: 0, pickedUp: 0, stillHeld: 0, short: 0, pending: 0 });

function addDelivery(figures: DeliveryFigures, state: NewspaperDeliveryState, copies: number): void {
  if (state === "DELIVERED") figures.delivered += copies;
  else if (state === "HELD") {
    figures.held += copies;
    figures.stillHeld += copies;
  } else if (state === "PICKED_UP") {
    figures.held += copies;
    figures.pickedUp += copies;
  } else if (state === "SHORT") figures.short += copies;
  else figures.pending += copies;
}

/** R-NEWS-1..3: every received copy was delivered, logged at the desk, or returned. */
export function reconciles(received: number, returned: number, d: DeliveryFigures): boolean {
  return received === d.delivered + d.held + returned;
}

export interface TitleFigures extends DeliveryFigures {
  titleId: string;
  daysReceived: number;
  received: number;
  expected: number;
  /** Σ per day of copies expected but not received. */
  shortfall: number;
  returned: number;
  /** Local dates that do not reconcile, oldest first. */
  discrepancyDates: LocalDate[];
  openDays: number;
}

/**
 * Per title over the month, from its receipt lines and the deliveries summed per day, title and
 * state. A day with deliveries but no receipt line counts as received 0 (and so does not reconcile).
 */
export function titleFigures(
  lines: ReceiptLineRow[],
  deliveries: DeliverySum[],
  days: { id: string; date: LocalDate; closed: boolean }[],
): TitleFigures[] {
  const perDay = new Map<string, DeliveryFigures>();
  for (const d of deliveries) {
    const k = `${d.key}|${d.titleId}`;
    const figures = perDay.get(k) ?? emptyDeliveries();
    addDelivery(figures, d.state, d.copies);
    perDay.set(k, figures);
  }
  const dayOf = new Map(days.map((d) => [d.id, d]));
  const cells = new Map<string, ReceiptLineRow>();
  for (const l of lines) cells.set(`${l.dayId}|${l.titleId}`, l);
  for (const d of deliveries) {
    const k = `${d.key}|${d.titleId}`;
    const day = dayOf.get(d.key);
    if (!cells.has(k) && day)
      cells.set(k, { dayId: d.key, date: day.date, closed: day.closed, titleId: d.titleId, received: 0, expected: 0, returned: 0 });
  }

  const byTitle = new Map<string, TitleFigures>();
  for (const [k, line] of [...cells].sort(([, a], [, b]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const t = byTitle.get(line.titleId) ?? {
      titleId: line.titleId,
      daysReceived: 0,
      received: 0,
      expected: 0,
      shortfall: 0,
      returned: 0,
      discrepancyDates: [],
      openDays: 0,
      ...emptyDeliveries(),
    };
    const d = perDay.get(k) ?? emptyDeliveries();
    if (line.received > 0) t.daysReceived += 1;
    t.received += line.received;
    t.expected += line.expected;
    t.shortfall += Math.max(0, line.expected - line.received);
    t.returned += line.returned;
    for (const f of ["delivered", "held", "pickedUp", "stillHeld", "short", "pending"] as const) t[f] += d[f];
    if (!reconciles(line.received, line.returned, d)) t.discrepancyDates.push(line.date);
    if (!line.closed) t.openDays += 1;
    byTitle.set(line.titleId, t);
  }
  return [...byTitle.values()];
}

export interface TenantFigures extends DeliveryFigures {
  tenantId: string;
  titleIds: string[];
}

/** Per tenant over the month: the titles it received and its copies by outcome (R-NEWS-3). */
export function tenantFigures(deliveries: DeliverySum[]): TenantFigures[] {
  const byTenant = new Map<string, TenantFigures>();
  for (const d of deliveries) {
    const t = byTenant.get(d.key) ?? { tenantId: d.key, titleIds: [], ...emptyDeliveries() };
    if (!t.titleIds.includes(d.titleId)) t.titleIds.push(d.titleId);
    addDelivery(t, d.state, d.copies);
    byTenant.set(d.key, t);
  }
  return [...byTenant.values()];
}

// ---------------------------------------------------------------------------------------------
// Months (site-local)
// ---------------------------------------------------------------------------------------------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH.test(value) && isValidLocalDate(`${value}-01`);
}

/** First and last local date of 'YYYY-MM'. */
export function monthRange(month: string): { from: LocalDate; to: LocalDate } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, "0")}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

/** The month of `today` and the `count - 1` before it, newest first. */
export function recentMonths(today: LocalDate, count: number): string[] {
  const list = [today.slice(0, 7)];
  while (list.length < count) list.push(addDays(`${list[list.length - 1]}-01`, -1).slice(0, 7));
  return list;
}
