/**
 * R-SUR-1..3 on the official 2026 calendar (国办发明电〔2025〕7号) and Shanghai time. These deadlines
 * are calendar days (两日 / 三日 / 两周, no 工作: R-CAL-3), so holidays and make-up days do not move
 * them; expected values are worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import {
  answerDue,
  canDo,
  checkAnswerSet,
  currentDeadline,
  deliveryDue,
  isValidScore,
  itemDeadlineStates,
  ratePercent,
  refusalOf,
  responseRates,
  revisitDue,
  scoreAverages,
  stepDeadlineState,
  tenantBuilding,
} from "./rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const at = (iso: string) => new Date(iso);
/** 23:59:59.999 Shanghai of a local date, as UTC. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

describe("R-SUR-1 delivery within 2 days of the summary (calendar days)", () => {
  it("the National Day holiday does not stop the clock: summary Wed 30 Sep → Fri 2 Oct", () => {
    expect(deliveryDue(shanghai, at("2026-09-30T10:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-10-02"));
  });

  it("counted in Shanghai days, not UTC: 00:30 Fri 27 Nov (16:30 UTC Thu) → Sun 29 Nov", () => {
    expect(deliveryDue(shanghai, at("2026-11-26T16:30:00Z")).dueAt.toISOString()).toBe("2026-11-29T15:59:59.999Z");
  });

  it("a summary late on the last evening of a day still counts from that day (23:50 Mon 6 Jul → Wed 8 Jul)", () => {
    expect(deliveryDue(shanghai, at("2026-07-06T23:50:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-07-08"));
  });

  it("is never provisional: calendar days need no holiday table", () => {
    expect(deliveryDue(shanghai, at("2027-03-01T10:00:00+08:00")).provisional).toBe(false);
  });
});

describe("R-SUR-2 written measures within 3 days of the delivery", () => {
  it("a delivery on the make-up Saturday 14 Feb runs into the Spring Festival: due Tue 17 Feb", () => {
    expect(answerDue(shanghai, at("2026-02-14T15:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-02-17"));
  });

  it("across a month end: Sat 28 Feb → Tue 3 Mar", () => {
    expect(answerDue(shanghai, at("2026-02-28T09:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-03-03"));
  });
});

describe("R-SUR-3 revisit within 2 weeks of the rectification", () => {
  it("into the next year: rectified Sun 20 Dec 2026 → Sun 3 Jan 2027", () => {
    expect(revisitDue(shanghai, at("2026-12-20T15:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2027-01-03"));
  });

  it("the whole chain of one opinion in summer 2026", () => {
    const summary = at("2026-06-29T09:00:00+08:00");
    expect(deliveryDue(shanghai, summary).dueAt.toISOString()).toBe(endOf("2026-07-01"));
    expect(answerDue(shanghai, at("2026-07-01T17:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-07-04"));
    expect(revisitDue(shanghai, at("2026-07-10T11:00:00+08:00")).dueAt.toISOString()).toBe(endOf("2026-07-24"));
  });
});

describe("deadline states (R-CMP-5's, due soon in calendar days)", () => {
  const due = at(endOf("2026-10-02"));
  it("on track a week ahead, due soon within 3 days, due today, overdue a moment after midnight", () => {
    expect(stepDeadlineState(shanghai, due, null, at("2026-09-25T10:00:00+08:00"))).toBe("on_track");
    expect(stepDeadlineState(shanghai, due, null, at("2026-09-30T12:00:00+08:00"))).toBe("due_soon");
    expect(stepDeadlineState(shanghai, due, null, at("2026-10-02T10:00:00+08:00"))).toBe("due_today");
    expect(stepDeadlineState(shanghai, due, null, at("2026-10-03T00:00:01+08:00"))).toBe("overdue");
  });

  it("met on the last evening, met late the day after", () => {
    const now = at("2026-10-10T10:00:00+08:00");
    expect(stepDeadlineState(shanghai, due, at("2026-10-02T23:30:00+08:00"), now)).toBe("met");
    expect(stepDeadlineState(shanghai, due, at("2026-10-03T08:00:00+08:00"), now)).toBe("met_late");
  });

  it("an item lists the deadlines that have started, each with its state", () => {
    const item = {
      state: "ANSWERED" as const,
      deliveryDueAt: at(endOf("2026-07-01")),
      deliveredAt: at("2026-07-02T09:00:00+08:00"),
      answerDueAt: at(endOf("2026-07-05")),
      answeredAt: at("2026-07-03T09:00:00+08:00"),
      revisitDueAt: null,
      revisitedAt: null,
    };
    expect(itemDeadlineStates(shanghai, item, at("2026-07-06T09:00:00+08:00")).map((d) => [d.kind, d.state])).toEqual([
      ["delivery", "met_late"],
      ["answer", "met"],
    ]);
    // While the department rectifies no deadline runs.
    expect(currentDeadline(item)).toBeNull();
    expect(currentDeadline({ ...item, state: "DELIVERED" })).toEqual({ kind: "answer", dueAt: item.answerDueAt });
  });
});

describe("the chain's guards", () => {
  it("each step starts from exactly one state", () => {
    expect(canDo("deliver", "SUMMARISED")).toBe(true);
    expect(canDo("answer", "SUMMARISED")).toBe(false);
    expect(canDo("revisit", "ANSWERED")).toBe(false);
    expect(canDo("revisit", "RECTIFIED")).toBe(true);
  });

  it("names why: an answer before delivery, a revisit before rectification, a step already done", () => {
    expect(refusalOf("answer", "SUMMARISED")).toBe("notDelivered");
    expect(refusalOf("rectify", "DELIVERED")).toBe("notAnswered");
    expect(refusalOf("revisit", "ANSWERED")).toBe("notRectified");
    expect(refusalOf("revisit", "SUMMARISED")).toBe("notRectified");
    expect(refusalOf("deliver", "DELIVERED")).toBe("stepDone");
    expect(refusalOf("revisit", "REVISITED")).toBe("stepDone");
    expect(refusalOf("deliver", "SUMMARISED")).toBeNull();
  });
});

describe("scores and answers", () => {
  it("a score is a whole number from 1 to 5", () => {
    expect([1, 3, 5].every(isValidScore)).toBe(true);
    expect([0, 6, 2.5, -1, Number.NaN].some(isValidScore)).toBe(false);
  });

  it("the answers name exactly the round's questions", () => {
    expect(checkAnswerSet(["a", "b"], [{ questionId: "a" }, { questionId: "b" }])).toBe("ok");
    expect(checkAnswerSet(["a", "b"], [{ questionId: "a" }])).toBe("missing");
    expect(checkAnswerSet(["a", "b"], [{ questionId: "a" }, { questionId: "x" }])).toBe("unknown");
    expect(checkAnswerSet(["a", "b"], [{ questionId: "a" }, { questionId: "a" }])).toBe("repeated");
  });
});

describe("results", () => {
  it("response rate per building, never 100 % before everyone answered", () => {
    const rates = responseRates([
      { building: "B座", responded: true },
      { building: "A座", responded: true },
      { building: "A座", responded: false },
      { building: "A座", responded: true },
    ]);
    expect(rates.byBuilding).toEqual([
      { building: "A座", tenants: 3, responded: 2, percent: 66 },
      { building: "B座", tenants: 1, responded: 1, percent: 100 },
    ]);
    expect(rates.total.percent).toBe(75);
    expect(ratePercent(199, 200)).toBe(99);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it("averages per question and per building to one decimal", () => {
    const result = scoreAverages(
      [{ id: "q1" }, { id: "q2" }, { id: "q3" }],
      [
        { questionId: "q1", building: "A座", sum: 9, count: 2 },
        { questionId: "q1", building: "B座", sum: 3, count: 1 },
        { questionId: "q2", building: "A座", sum: 8, count: 2 },
      ],
    );
    expect(result.perQuestion).toEqual([
      { questionId: "q1", average: 4 },
      { questionId: "q2", average: 4 },
      { questionId: "q3", average: null },
    ]);
    expect(result.perBuilding).toEqual([
      { building: "A座", average: 4.3 },
      { building: "B座", average: 3 },
    ]);
    expect(result.overall).toBe(4);
  });

  it("a tenant counts under the building of its first unit", () => {
    expect(
      tenantBuilding([
        { code: "B-1201", building: "B座" },
        { code: "A-0301", building: "A座" },
      ]),
    ).toBe("A座");
    expect(tenantBuilding([])).toBe("");
  });
});
