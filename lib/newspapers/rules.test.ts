import { describe, expect, it } from "vitest";
import { localDateInZone } from "@/lib/calendar";
import {
  allocateCopies,
  checkClose,
  distributionOrder,
  isActiveOn,
  monthBounds,
  receiptDateProblem,
  reconcileDifference,
  subscriptionRangeProblem,
  suggestedReturned,
  tallyDeliveries,
} from "./rules";

describe("reconciliation (§9: received = delivered + held + returned)", () => {
  it("R-NEWS-3: held copies count whether picked up later or not; SHORT copies are not part of received", () => {
    const tally = tallyDeliveries([
      { state: "DELIVERED", copies: 2 },
      { state: "HELD", copies: 1 },
      { state: "PICKED_UP", copies: 1 },
      { state: "SHORT", copies: 3 },
      { state: "PENDING", copies: 1 },
    ]);
    expect(tally).toEqual({ delivered: 2, held: 2, pending: 1, short: 3 });
    expect(reconcileDifference({ received: 5, delivered: 2, held: 2, returned: 1 })).toBe(0);
    expect(reconcileDifference({ received: 5, delivered: 2, held: 2, returned: 0 })).toBe(1);
    expect(reconcileDifference({ received: 5, delivered: 2, held: 2, returned: 3 })).toBe(-2);
  });

  it("suggests the surplus as returned, never a negative count", () => {
    expect(suggestedReturned({ received: 10, delivered: 6, held: 1, pending: 0 })).toBe(3);
    expect(suggestedReturned({ received: 3, delivered: 6, held: 0, pending: 0 })).toBe(0);
  });

  it("a day closes only with nothing pending and every title reconciling", () => {
    const ok = { titleId: "a", received: 4, delivered: 3, held: 1, pending: 0, returned: 0 };
    expect(checkClose([ok])).toEqual({ ok: true });
    expect(checkClose([ok, { ...ok, titleId: "b", pending: 2 }])).toEqual({ ok: false, reason: "pending", pending: 2 });
    expect(checkClose([ok, { ...ok, titleId: "b", returned: 2 }])).toEqual({ ok: false, reason: "mismatch", titleId: "b", difference: -2 });
    // Titles received without any subscription are simply returned.
    expect(checkClose([{ titleId: "c", received: 5, delivered: 0, held: 0, pending: 0, returned: 5 }])).toEqual({ ok: true });
  });
});

describe("R-NEWS-1 shortfall: copies handed out along the distribution list", () => {
  it("serves whole orders in list order; the ones that no longer fit go SHORT, later smaller ones may still fit", () => {
    const subs = [
      { id: "s1", copies: 2 },
      { id: "s2", copies: 3 },
      { id: "s3", copies: 1 },
    ];
    const { states, surplus } = allocateCopies(4, subs);
    expect(Object.fromEntries(states)).toEqual({ s1: "PENDING", s2: "SHORT", s3: "PENDING" });
    expect(surplus).toBe(1);
  });
  it("a surplus (or a title nobody subscribes to) is left over to return", () => {
    expect(allocateCopies(7, [{ id: "s1", copies: 2 }]).surplus).toBe(5);
    expect(allocateCopies(3, []).surplus).toBe(3);
    expect(Object.fromEntries(allocateCopies(0, [{ id: "s1", copies: 1 }]).states)).toEqual({ s1: "SHORT" });
  });
});

describe("R-NEWS-2 distribution order (building / floor / unit)", () => {
  it("sorts by building, then floor, then unit code, numerically", () => {
    const row = (building: string, floor: string, unitCode: string) => ({
      building,
      floor,
      unitCode,
      tenantName: "甲",
      titleName: "人民日报",
    });
    const sorted = distributionOrder([
      row("B座", "02F", "B-0201"),
      row("A座", "10F", "A-1001"),
      row("A座", "02F", "A-0202"),
      row("A座", "02F", "A-0201"),
    ]);
    expect(sorted.map((r) => r.unitCode)).toEqual(["A-0201", "A-0202", "A-1001", "B-0201"]);
  });
});

describe("days and months in the site's time zone (R-CAL-2)", () => {
  it("subscriptions run from / to inclusive local dates; open-ended when no end", () => {
    const sub = { startsOn: "2026-11-01", endsOn: "2026-11-30" };
    expect(isActiveOn(sub, "2026-10-31")).toBe(false);
    expect(isActiveOn(sub, "2026-11-01")).toBe(true);
    expect(isActiveOn(sub, "2026-11-30")).toBe(true);
    expect(isActiveOn(sub, "2026-12-01")).toBe(false);
    expect(isActiveOn({ startsOn: "2026-11-01", endsOn: null }, "2030-01-01")).toBe(true);
  });
  it("a receipt at 00:30 Shanghai time on the 1st belongs to the 1st, though it is still the previous month in UTC", () => {
    const instant = new Date("2026-11-30T16:30:00Z"); // 2026-12-01 00:30 in Shanghai
    const today = localDateInZone(instant, "Asia/Shanghai");
    expect(today).toBe("2026-12-01");
    expect(receiptDateProblem("2026-12-01", today)).toBeNull();
    expect(receiptDateProblem("2026-12-02", today)).toBe("future");
    expect(receiptDateProblem("2026-11-30", today)).toBeNull();
    // At 23:59 on the 30th local the 1st is still in the future.
    expect(receiptDateProblem("2026-12-01", localDateInZone(new Date("2026-11-30T15:59:00Z"), "Asia/Shanghai"))).toBe("future");
  });
  it("month bounds, February of a leap year included", () => {
    expect(monthBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthBounds("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
  it("a subscription ending before it starts is refused; the same day is fine", () => {
    expect(subscriptionRangeProblem("2026-11-10", "2026-11-09")).toBe("order");
    expect(subscriptionRangeProblem("2026-11-10", "2026-11-10")).toBeNull();
    expect(subscriptionRangeProblem("2026-11-10", null)).toBeNull();
  });
});
