/**
 * Satisfaction-survey rules of §3.2 (R-SUR-1..3), pure (no I/O): the opinion chain's deadlines on the
 * site's calendar, the workflow, deadline states, scores and the results' tallies.
 *
 * The regulation says 两日内 / 三日内 / 两周内 without 工作: calendar days (R-CAL-3), counted to the end
 * of the local day in the site's time zone — a holiday does not stop these clocks.
 */
import type { Calendar, Deadline } from "@/lib/calendar";
import { deadlineState, type DeadlineState } from "@/lib/complaints/rules";

export type SurveyItemState = "SUMMARISED" | "DELIVERED" | "ANSWERED" | "RECTIFIED" | "REVISITED";
export type SurveyDeadlineKind = "delivery" | "answer" | "revisit";

/** R-SUR-1: delivered to the responsible department within 2 days of the summary. */
export const DELIVERY_DAYS = 2;
/** R-SUR-2: the department's written rectification measures within 3 days of receiving the opinion. */
export const ANSWER_DAYS = 3;
/** R-SUR-3: the client revisited within 2 weeks of the rectification. */
export const REVISIT_WEEKS = 2;

/** Scores of the questionnaire: 1 (very unsatisfied) … 5 (very satisfied). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** A tenant's answer link works for 7 days (a survey takes longer to reach than a signature). */
export const RESPONSE_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** R-SUR-1 (R-CAL-3): counted from the summary. */
export function deliveryDue(calendar: Calendar, summarisedAt: Date): Deadline {
  return calendar.addCalendarDays(summarisedAt, DELIVERY_DAYS);
}

/** R-SUR-2 (R-CAL-3): counted from the delivery to the department. */
export function answerDue(calendar: Calendar, deliveredAt: Date): Deadline {
  return calendar.addCalendarDays(deliveredAt, ANSWER_DAYS);
}

/** R-SUR-3 (R-CAL-3): counted from the recorded rectification. */
export function revisitDue(calendar: Calendar, rectifiedAt: Date): Deadline {
  return calendar.addCalendarWeeks(rectifiedAt, REVISIT_WEEKS);
}

/** The chain: each step has exactly one state it starts from; nothing can be skipped. */
export const STEP_FROM = {
  deliver: "SUMMARISED",
  answer: "DELIVERED",
  rectify: "ANSWERED",
  revisit: "RECTIFIED",
} as const satisfies Record<string, SurveyItemState>;

export type SurveyStep = keyof typeof STEP_FROM;

export const STEP_TO = {
  deliver: "DELIVERED",
  answer: "ANSWERED",
  rectify: "RECTIFIED",
  revisit: "REVISITED",
} as const satisfies Record<SurveyStep, SurveyItemState>;

export function canDo(step: SurveyStep, state: SurveyItemState): boolean {
  return STEP_FROM[step] === state;
}

/**
 * Why a step is refused, as the message the clerk needs: "not delivered yet" for an answer before the
 * delivery (R-SUR-2), "not rectified yet" for a revisit before the rectification (R-SUR-3), or a plain
 * "already done" when the item has moved past the step.
 */
export function refusalOf(step: SurveyStep, state: SurveyItemState): "notDelivered" | "notAnswered" | "notRectified" | "stepDone" | null {
  if (canDo(step, state)) return null;
  const order: SurveyItemState[] = ["SUMMARISED", "DELIVERED", "ANSWERED", "RECTIFIED", "REVISITED"];
  if (order.indexOf(state) > order.indexOf(STEP_FROM[step])) return "stepDone";
  if (step === "answer") return "notDelivered";
  if (step === "rectify") return state === "SUMMARISED" ? "notDelivered" : "notAnswered";
  if (step === "revisit") return "notRectified";
  return "stepDone";
}

export interface ItemDeadlines {
  state: SurveyItemState;
  deliveryDueAt: Date;
  deliveredAt: Date | null;
  answerDueAt: Date | null;
  answeredAt: Date | null;
  revisitDueAt: Date | null;
  revisitedAt: Date | null;
}

/** The deadline running now (null while the department rectifies, which has no deadline, and once revisited). */
export function currentDeadline(item: ItemDeadlines): { kind: SurveyDeadlineKind; dueAt: Date } | null {
  if (item.state === "SUMMARISED") return { kind: "delivery", dueAt: item.deliveryDueAt };
  if (item.state === "DELIVERED" && item.answerDueAt) return { kind: "answer", dueAt: item.answerDueAt };
  if (item.state === "RECTIFIED" && item.revisitDueAt) return { kind: "revisit", dueAt: item.revisitDueAt };
  return null;
}

/**
 * R-CMP-5's states for each deadline of the chain (on time, due soon, due today, overdue, met late),
 * with "due soon" counted in calendar days as these deadlines are.
 */
export function stepDeadlineState(calendar: Calendar, dueAt: Date, doneAt: Date | null, now: Date): DeadlineState {
  return deadlineState(calendar, dueAt, doneAt, now, "revisit");
}

/** Every deadline of the item that has started, with its state. */
export function itemDeadlineStates(
  calendar: Calendar,
  item: ItemDeadlines,
  now: Date,
): { kind: SurveyDeadlineKind; dueAt: Date; doneAt: Date | null; state: DeadlineState }[] {
  const steps: { kind: SurveyDeadlineKind; dueAt: Date | null; doneAt: Date | null }[] = [
    { kind: "delivery", dueAt: item.deliveryDueAt, doneAt: item.deliveredAt },
    { kind: "answer", dueAt: item.answerDueAt, doneAt: item.answeredAt },
    { kind: "revisit", dueAt: item.revisitDueAt, doneAt: item.revisitedAt },
  ];
  return steps.flatMap((s) =>
    s.dueAt ? [{ kind: s.kind, dueAt: s.dueAt, doneAt: s.doneAt, state: stepDeadlineState(calendar, s.dueAt, s.doneAt, now) }] : [],
  );
}

/** A score is a whole number from 1 to 5. */
export function isValidScore(score: unknown): score is number {
  return typeof score === "number" && Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX;
}

/**
 * The answers must name exactly the round's questions, each once: a question of another
 * questionnaire version, a missing one or a repeated one is refused.
 */
export function checkAnswerSet(
  questionIds: readonly string[],
  answers: readonly { questionId: string }[],
): "ok" | "missing" | "unknown" | "repeated" {
  const expected = new Set(questionIds);
  const seen = new Set<string>();
  for (const a of answers) {
    if (!expected.has(a.questionId)) return "unknown";
    if (seen.has(a.questionId)) return "repeated";
    seen.add(a.questionId);
  }
  return seen.size === expected.size ? "ok" : "missing";
}

// ---------------------------------------------------------------------------------------------
// Results

/** An average to one decimal, or null when nobody scored. */
export function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

/** Response rate in whole percent (never rounded up to 100 % before everyone answered). */
export function ratePercent(responded: number, invited: number): number | null {
  if (invited <= 0) return null;
  const rate = responded / invited;
  return rate >= 1 ? 100 : Math.floor(rate * 100);
}

/** The building a tenant is counted under: the building of its first unit by code ("" with no unit). */
export function tenantBuilding(units: readonly { code: string; building: string }[]): string {
  const first = [...units].sort((a, b) => a.code.localeCompare(b.code))[0];
  return first?.building ?? "";
}

export interface BuildingRate {
  building: string;
  tenants: number;
  responded: number;
  percent: number | null;
}

/** Response rate per building while the round is open: tenants counted under their building (tenantBuilding). */
export function responseRates(tenants: readonly { building: string; responded: boolean }[]): {
  byBuilding: BuildingRate[];
  total: BuildingRate;
} {
  const map = new Map<string, { tenants: number; responded: number }>();
  for (const t of tenants) {
    const row = map.get(t.building) ?? { tenants: 0, responded: 0 };
    row.tenants += 1;
    if (t.responded) row.responded += 1;
    map.set(t.building, row);
  }
  const byBuilding = [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "zh-CN"))
    .map(([building, r]) => ({ building, ...r, percent: ratePercent(r.responded, r.tenants) }));
  const tenantsTotal = tenants.length;
  const respondedTotal = tenants.filter((t) => t.responded).length;
  return {
    byBuilding,
    total: { building: "", tenants: tenantsTotal, responded: respondedTotal, percent: ratePercent(respondedTotal, tenantsTotal) },
  };
}

export interface ScoreCell {
  questionId: string;
  building: string;
  sum: number;
  count: number;
}

/** Averages per question (all buildings) and per building (all questions) from summed scores. */
export function scoreAverages(questions: readonly { id: string }[], cells: readonly ScoreCell[]) {
  const perQuestion = questions.map((q) => {
    const mine = cells.filter((c) => c.questionId === q.id);
    return { questionId: q.id, average: average(sum(mine.map((c) => c.sum)), sum(mine.map((c) => c.count))) };
  });
  const buildings = [...new Set(cells.map((c) => c.building))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const perBuilding = buildings.map((building) => {
    const mine = cells.filter((c) => c.building === building);
    return { building, average: average(sum(mine.map((c) => c.sum)), sum(mine.map((c) => c.count))) };
  });
  const overall = average(sum(cells.map((c) => c.sum)), sum(cells.map((c) => c.count)));
  return { perQuestion, perBuilding, overall };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
