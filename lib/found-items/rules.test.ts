import { describe, expect, it } from "vitest";
import {
  canMove,
  daysLeft,
  disposableFrom,
  disposalProblem,
  disposalReminderRecipients,
  foundOnProblem,
  isDueForDisposal,
  keepUntilOf,
} from "./rules";

describe("R-LOST-1: keeping period of a found item (calendar days, R-CAL-3)", () => {
  it("is kept through found day + N; disposal from the day after", () => {
    expect(keepUntilOf("2026-01-10", 90)).toBe("2026-04-10");
    expect(disposableFrom("2026-04-10")).toBe("2026-04-11");
  });

  it("counts across the Spring Festival and a leap-free February like any days", () => {
    expect(keepUntilOf("2026-02-01", 30)).toBe("2026-03-03");
    expect(keepUntilOf("2026-12-20", 30)).toBe("2027-01-19");
  });

  it("refuses periods outside 7–365 days", () => {
    expect(() => keepUntilOf("2026-01-10", 6)).toThrow(RangeError);
    expect(() => keepUntilOf("2026-01-10", 366)).toThrow(RangeError);
    expect(() => keepUntilOf("2026-01-10", 7.5)).toThrow(RangeError);
  });

  it("disposal on the last day of keeping is too early, the next day is allowed", () => {
    expect(disposalProblem("2026-04-10", "2026-04-09")).toBe("tooEarly");
    expect(disposalProblem("2026-04-10", "2026-04-10")).toBe("tooEarly");
    expect(disposalProblem("2026-04-10", "2026-04-11")).toBeNull();
  });

  it("only a registered item past its period is due for disposal", () => {
    expect(isDueForDisposal({ state: "REGISTERED", keepUntil: "2026-04-10" }, "2026-04-11")).toBe(true);
    expect(isDueForDisposal({ state: "REGISTERED", keepUntil: "2026-04-10" }, "2026-04-10")).toBe(false);
    expect(isDueForDisposal({ state: "CLAIMED", keepUntil: "2026-04-10" }, "2026-05-01")).toBe(false);
    expect(isDueForDisposal({ state: "DISPOSED", keepUntil: "2026-04-10" }, "2026-05-01")).toBe(false);
  });

  it("days left counts down to 0 on the last day", () => {
    expect(daysLeft("2026-04-10", "2026-04-08")).toBe(2);
    expect(daysLeft("2026-04-10", "2026-04-10")).toBe(0);
    expect(daysLeft("2026-04-10", "2026-04-12")).toBe(-2);
  });
});

describe("the found day", () => {
  it("is a real date, not in the future and not older than a year", () => {
    expect(foundOnProblem("2026-02-30", "2026-03-01")).toBe("invalid");
    expect(foundOnProblem("2026-03-02", "2026-03-01")).toBe("future");
    expect(foundOnProblem("2025-02-28", "2026-03-01")).toBe("tooOld");
    expect(foundOnProblem("2026-03-01", "2026-03-01")).toBeNull();
  });
});

describe("state changes", () => {
  it("a registered item is claimed or disposed of; nothing moves after that", () => {
    expect(canMove("REGISTERED", "CLAIMED")).toBe(true);
    expect(canMove("REGISTERED", "DISPOSED")).toBe(true);
    expect(canMove("CLAIMED", "DISPOSED")).toBe(false);
    expect(canMove("DISPOSED", "CLAIMED")).toBe(false);
  });
});

describe("R-LOST-1 disposal reminder recipients", () => {
  it("the site's active managers and supervisors, not clerks, front desk or disabled accounts", () => {
    expect(
      disposalReminderRecipients([
        { userId: "m", role: "MANAGER", disabled: false },
        { userId: "s", role: "SUPERVISOR", disabled: false },
        { userId: "s-off", role: "SUPERVISOR", disabled: true },
        { userId: "c", role: "CLERK", disabled: false },
        { userId: "f", role: "FRONT_DESK", disabled: false },
      ]),
    ).toEqual(["m", "s"]);
  });
});
