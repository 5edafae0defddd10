import { describe, expect, it } from "vitest";
import {
  addMonths,
  cellState,
  cleanedOnProblem,
  currentMonth,
  endOfMonth,
  isDue,
  isValidMonth,
  lastDayOf,
  monthEnded,
  combinedMonthScore,
  monthScoreOf,
  monthsEnding,
  statusAt,
} from "./rules";

const SH = "Asia/Shanghai";
const NY = "America/New_York";
const at = (iso: string) => new Date(iso);

describe("months in site time (R-CAL-2)", () => {
  it("R-VAC-1: the month changes at the site's midnight, not the server's or UTC's", () => {
    // 2026-01-31 16:00 UTC is 2026-02-01 00:00 in Shanghai.
    expect(currentMonth(at("2026-01-31T15:59:59.999Z"), SH)).toBe("2026-01");
    expect(currentMonth(at("2026-01-31T16:00:00.000Z"), SH)).toBe("2026-02");
    // …and still January in New York until 05:00 UTC on 1 February.
    expect(currentMonth(at("2026-02-01T04:59:59.999Z"), NY)).toBe("2026-01");
    expect(currentMonth(at("2026-02-01T05:00:00.000Z"), NY)).toBe("2026-02");
  });

  it("R-VAC-1: a month has ended only after its last local millisecond", () => {
    expect(endOfMonth("2026-01", SH).toISOString()).toBe("2026-01-31T15:59:59.999Z");
    expect(monthEnded("2026-01", SH, at("2026-01-31T15:59:59.999Z"))).toBe(false);
    expect(monthEnded("2026-01", SH, at("2026-01-31T16:00:00.000Z"))).toBe(true);
    // New York in March: the month ends in daylight time (UTC−4).
    expect(endOfMonth("2026-03", NY).toISOString()).toBe("2026-04-01T03:59:59.999Z");
  });

  it("month arithmetic across years and leap Februaries", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", -14)).toBe("2025-01");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(monthsEnding("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(isValidMonth("2026-13")).toBe(false);
    expect(isValidMonth("2026-1")).toBe(false);
    expect(isValidMonth("2026-09")).toBe(true);
  });
});

describe("the schedule from the status history (R-VAC-1)", () => {
  const unit = { status: "OCCUPIED" as const, createdAt: at("2025-06-01T00:00:00Z") };
  // Vacant since June 2025, occupied from 10 Feb 2026 10:00 Shanghai time.
  const history = [
    { status: "VACANT" as const, changedAt: at("2025-06-01T00:00:00Z") },
    { status: "OCCUPIED" as const, changedAt: at("2026-02-10T02:00:00Z") },
  ];

  it("the status at an instant is the latest change at or before it", () => {
    expect(statusAt(unit, history, at("2026-02-10T01:59:59Z"))).toBe("VACANT");
    expect(statusAt(unit, history, at("2026-02-10T02:00:00Z"))).toBe("OCCUPIED");
    expect(statusAt(unit, history, at("2025-05-31T00:00:00Z"))).toBeNull();
  });

  it("without history, the current status since creation", () => {
    expect(statusAt({ status: "VACANT", createdAt: at("2026-01-05T00:00:00Z") }, [], at("2026-01-04T00:00:00Z"))).toBeNull();
    expect(statusAt({ status: "VACANT", createdAt: at("2026-01-05T00:00:00Z") }, [], at("2026-01-06T00:00:00Z"))).toBe("VACANT");
  });

  it("R-VAC-1: a unit occupied mid-month leaves that month's schedule, earlier months keep it", () => {
    const now = at("2026-03-15T04:00:00Z");
    expect(isDue(unit, history, "2026-01", SH, now)).toBe(true);
    expect(isDue(unit, history, "2026-02", SH, now)).toBe(false);
    expect(isDue(unit, history, "2026-03", SH, now)).toBe(false);
  });

  it("R-VAC-1: a unit that becomes vacant joins the schedule of that month, judged now while the month runs", () => {
    const becameVacant = [
      { status: "OCCUPIED" as const, changedAt: at("2025-06-01T00:00:00Z") },
      { status: "VACANT" as const, changedAt: at("2026-03-20T02:00:00Z") },
    ];
    const u = { status: "VACANT" as const, createdAt: at("2025-06-01T00:00:00Z") };
    expect(isDue(u, becameVacant, "2026-03", SH, at("2026-03-19T00:00:00Z"))).toBe(false);
    expect(isDue(u, becameVacant, "2026-03", SH, at("2026-03-21T00:00:00Z"))).toBe(true);
    expect(isDue(u, becameVacant, "2026-02", SH, at("2026-03-21T00:00:00Z"))).toBe(false);
  });

  it("R-VAC-1: a change in the last local minutes of a month counts for that month (site time)", () => {
    // 2026-01-31 23:30 Shanghai = 15:30 UTC: vacant at the end of January.
    const late = [
      { status: "OCCUPIED" as const, changedAt: at("2025-06-01T00:00:00Z") },
      { status: "VACANT" as const, changedAt: at("2026-01-31T15:30:00Z") },
    ];
    const u = { status: "VACANT" as const, createdAt: at("2025-06-01T00:00:00Z") };
    expect(isDue(u, late, "2026-01", SH, at("2026-02-05T00:00:00Z"))).toBe(true);
    // The same instant is 31 January 10:30 in New York: January there too.
    expect(isDue(u, late, "2026-01", NY, at("2026-02-05T00:00:00Z"))).toBe(true);
    // 2026-01-31T16:30Z is already February in Shanghai but January in New York.
    const afterMidnight = [late[0], { status: "VACANT" as const, changedAt: at("2026-01-31T16:30:00Z") }];
    expect(isDue(u, afterMidnight, "2026-01", SH, at("2026-02-05T00:00:00Z"))).toBe(false);
    expect(isDue(u, afterMidnight, "2026-01", NY, at("2026-02-05T00:00:00Z"))).toBe(true);
  });

  it("a future month has no schedule yet", () => {
    const u = { status: "VACANT" as const, createdAt: at("2025-06-01T00:00:00Z") };
    expect(isDue(u, [], "2026-04", SH, at("2026-03-15T00:00:00Z"))).toBe(false);
  });
});

describe("the month view's cell (R-VAC-1, R-VAC-3)", () => {
  const during = at("2026-03-15T04:00:00Z");
  const after = at("2026-04-01T00:00:00Z"); // 08:00 on 1 April in Shanghai

  it("cleaned, not yet, overdue", () => {
    expect(cellState(null, "2026-03", SH, during)).toBe("notYet");
    expect(cellState(null, "2026-03", SH, after)).toBe("overdue");
    expect(cellState({ state: "SUBMITTED" }, "2026-03", SH, after)).toBe("submitted");
    expect(cellState({ state: "VERIFIED" }, "2026-03", SH, after)).toBe("verified");
  });

  it("a record still sent back when the month ends is overdue", () => {
    expect(cellState({ state: "SENT_BACK" }, "2026-03", SH, during)).toBe("sentBack");
    expect(cellState({ state: "SENT_BACK" }, "2026-03", SH, after)).toBe("overdue");
  });

  it("overdue starts at the site's midnight", () => {
    expect(cellState(null, "2026-03", SH, at("2026-03-31T15:59:59.999Z"))).toBe("notYet");
    expect(cellState(null, "2026-03", SH, at("2026-03-31T16:00:00.000Z"))).toBe("overdue");
  });
});

describe("the cleaning date", () => {
  it("must not be in the future and must lie in the record's month", () => {
    expect(cleanedOnProblem("2026-03-10", "2026-03", "2026-03-15")).toBeNull();
    expect(cleanedOnProblem("2026-03-16", "2026-03", "2026-03-15")).toBe("future");
    expect(cleanedOnProblem("2026-02-28", "2026-03", "2026-03-15")).toBe("outsideMonth");
    expect(cleanedOnProblem("2026-02-30", "2026-02", "2026-03-15")).toBe("outsideMonth");
  });
});

describe("R-VAC-3: the cleaning-quality score", () => {
  it("100 × verified all-pass records ÷ due units, with completion and verification rates", () => {
    // Six due units: two verified with every check passed, one verified with a failed check, one
    // submitted, one sent back and one without a record (the counts are taken in SQL: vacant-units.test.ts).
    const s = monthScoreOf({ due: 6, done: 4, verified: 3, verifiedPassed: 2 });
    expect(s).toEqual({
      due: 6,
      done: 4,
      verified: 3,
      verifiedPassed: 2,
      completionRate: 66.7,
      verificationRate: 50,
      score: 33.3,
    });
  });

  it("no unit due: no score", () => {
    expect(monthScoreOf({ due: 0, done: 0, verified: 0, verifiedPassed: 0 }).score).toBeNull();
  });

  it("several sites as one: counts added up, the score weighs each site by its units due", () => {
    const small = { ...monthScoreOf({ due: 1, done: 1, verified: 1, verifiedPassed: 1 }), overdue: 0 }; // 100
    const large = {
      ...monthScoreOf({ due: 3, done: 1, verified: 1, verifiedPassed: 0 }),
      overdue: 2,
    }; // 0
    expect(combinedMonthScore([small, large])).toEqual({
      due: 4,
      done: 2,
      verified: 2,
      verifiedPassed: 1,
      completionRate: 50,
      verificationRate: 50,
      score: 25, // not the average of 100 and 0
      overdue: 2,
    });
    expect(combinedMonthScore([]).score).toBeNull();
  });
});
