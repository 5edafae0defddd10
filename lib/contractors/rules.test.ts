import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  canteenSiteSummary,
  certificateState,
  dishShortfalls,
  expiryBeforeIssue,
  isCertificateFlagged,
  MONEY_PATTERN,
  weeklyDocDeadline,
  weeklyDocState,
  weekProblem,
  weekStartOf,
} from "./rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const full = { breakfastKinds: 8, lunchMainDishes: 5, lunchStaples: 4, dinnerKinds: 8 };

describe("R-CAT-1 dish counts", () => {
  it("counts at the minimum pass", () => {
    expect(dishShortfalls(full)).toEqual([]);
    expect(dishShortfalls({ breakfastKinds: 12, lunchMainDishes: 9, lunchStaples: 6, dinnerKinds: 10 })).toEqual([]);
  });

  it("a count below its minimum fails with the number counted", () => {
    expect(dishShortfalls({ ...full, lunchMainDishes: 3 })).toEqual([{ field: "lunchMainDishes", count: 3, minimum: 5 }]);
    expect(dishShortfalls({ breakfastKinds: 7, lunchMainDishes: 5, lunchStaples: 3, dinnerKinds: 0 })).toEqual([
      { field: "breakfastKinds", count: 7, minimum: 8 },
      { field: "lunchStaples", count: 3, minimum: 4 },
      { field: "dinnerKinds", count: 0, minimum: 8 },
    ]);
  });
});

describe("health certificates (健康证, §11.3(4))", () => {
  const today = "2026-06-15";
  it("valid through the expiry date, expired from the next day", () => {
    expect(certificateState("2026-06-15", today)).toBe("expiringSoon");
    expect(certificateState("2026-06-14", today)).toBe("expired");
  });
  it("expiring soon within 30 days, valid beyond", () => {
    expect(certificateState("2026-07-15", today)).toBe("expiringSoon");
    expect(certificateState("2026-07-16", today)).toBe("valid");
  });
  it("no certificate is missing, and flagged like an expired one", () => {
    expect(certificateState(null, today)).toBe("missing");
    expect(isCertificateFlagged("missing")).toBe(true);
    expect(isCertificateFlagged("expired")).toBe(true);
    expect(isCertificateFlagged("expiringSoon")).toBe(false);
  });
  it("an expiry before the issue date is refused; the same day is allowed", () => {
    expect(expiryBeforeIssue("2026-06-15", "2026-06-14")).toBe(true);
    expect(expiryBeforeIssue("2026-06-15", "2026-06-15")).toBe(false);
  });
});

describe("R-CAT-1 weekly menu: Monday before 12:00 site time", () => {
  it("a normal Monday: due 12:00 Shanghai = 04:00 UTC", () => {
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-06-08", shanghai)?.toISOString()).toBe("2026-06-08T04:00:00.000Z");
  });

  it("in the site's zone, not the server's", () => {
    const urumqi = createCalendar({ timeZone: "Asia/Urumqi", overrides: [], officialYears: [] });
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-06-08", urumqi)?.toISOString()).toBe("2026-06-08T06:00:00.000Z");
  });

  it("a holiday Monday (2026-05-04, Labour Day) moves the deadline to noon of the week's first working day", () => {
    // May 4 and 5 are holidays; Wednesday May 6 is the first working day.
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-05-04", shanghai)?.toISOString()).toBe("2026-05-06T04:00:00.000Z");
    // Qingming Monday 2026-04-06: Tuesday.
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-04-06", shanghai)?.toISOString()).toBe("2026-04-07T04:00:00.000Z");
  });

  it("a week without a working day (Spring Festival 2026-02-16..22) has no menu due", () => {
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-02-16", shanghai)).toBeNull();
    expect(weeklyDocState(null, null, new Date("2026-02-25T00:00:00Z"))).toBe("notDue");
  });

  it("a site's override makes the holiday Monday a working day again", () => {
    const site = createCalendar({ timeZone: "Asia/Shanghai", overrides: [{ date: "2026-05-04", kind: "WORKDAY" }], officialYears: [] });
    expect(weeklyDocDeadline("WEEKLY_MENU", "2026-05-04", site)?.toISOString()).toBe("2026-05-04T04:00:00.000Z");
  });

  it("received before noon is on time, at noon or later is late, none after noon is missing", () => {
    const due = weeklyDocDeadline("WEEKLY_MENU", "2026-06-08", shanghai)!;
    expect(weeklyDocState(due, new Date("2026-06-08T03:59:59Z"), due)).toBe("onTime");
    expect(weeklyDocState(due, new Date("2026-06-08T04:00:00Z"), due)).toBe("late");
    expect(weeklyDocState(due, null, new Date("2026-06-08T03:00:00Z"))).toBe("pending");
    expect(weeklyDocState(due, null, new Date("2026-06-08T04:00:00Z"))).toBe("missing");
  });
});

describe("§11.4(5) weekly summary: by the end of Friday", () => {
  it("a normal Friday: 23:59:59.999 Shanghai", () => {
    expect(weeklyDocDeadline("WEEKLY_SUMMARY", "2026-06-08", shanghai)?.toISOString()).toBe("2026-06-12T15:59:59.999Z");
  });
  it("a holiday Friday (Mid-Autumn 2026-09-25) moves back to Thursday", () => {
    expect(weeklyDocDeadline("WEEKLY_SUMMARY", "2026-09-21", shanghai)?.toISOString()).toBe("2026-09-24T15:59:59.999Z");
  });
});

describe("which weeks a document may be for", () => {
  const today = "2026-06-10"; // a Wednesday
  it("Monday of the week", () => {
    expect(weekStartOf("2026-06-10")).toBe("2026-06-08");
    expect(weekStartOf("2026-06-14")).toBe("2026-06-08");
    expect(weekStartOf("2026-06-08")).toBe("2026-06-08");
  });
  it("this week and next week are allowed, the week after next is refused", () => {
    expect(weekProblem("2026-06-08", today)).toBeNull();
    expect(weekProblem("2026-06-15", today)).toBeNull();
    expect(weekProblem("2026-06-22", today)).toBe("futureWeek");
  });
  it("a date that is not a Monday, or more than 8 weeks back, is refused", () => {
    expect(weekProblem("2026-06-09", today)).toBe("notMonday");
    expect(weekProblem("2026-04-13", today)).toBeNull();
    expect(weekProblem("2026-04-06", today)).toBe("tooOld");
  });
});

describe("§6.7 照价赔偿 amounts", () => {
  it("yuan with at most two decimals", () => {
    for (const ok of ["0", "120", "35.5", "35.50", "99999999.99"]) expect(MONEY_PATTERN.test(ok)).toBe(true);
    for (const bad of ["-1", "1.234", "abc", "", "01", "1e3"]) expect(MONEY_PATTERN.test(bad)).toBe(false);
  });
});

describe("canteenSiteSummary (the many-sites view of the canteen page)", () => {
  it("counts a site's month: today's check, checks and their failed items, missing papers, flagged certificates", () => {
    expect(
      canteenSiteSummary({
        todayCheckId: null,
        checks: [{ failures: 2 }, { failures: 0 }, { failures: 1 }],
        weekly: [{ state: "missing" }, { state: "onTime" }, { state: "late" }, { state: "missing" }, { state: "notDue" }],
        flaggedCertificates: [{}, {}],
      }),
    ).toEqual({ checkedToday: false, checks: 3, failures: 3, missingDocs: 2, flaggedCertificates: 2 });
    expect(canteenSiteSummary({ todayCheckId: "c1", checks: [], weekly: [{ state: "pending" }], flaggedCertificates: [] })).toEqual({
      checkedToday: true,
      checks: 0,
      failures: 0,
      missingDocs: 0,
      flaggedCertificates: 0,
    });
  });
});
