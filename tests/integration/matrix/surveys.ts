import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SurveyItemState } from "@/lib/generated/prisma/enums";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import * as surveyActions from "@/lib/surveys/actions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Satisfaction surveys (§3.2, R-SUR-1..3): rounds, responses, links and each step of the opinion
 * chain. Every call gets its own open round (earlier ones closed) or its own item in the state its
 * step starts from.
 */
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const target: Record<MatrixSite, { round: string; response: string; item: string }> = {
  a: { round: "", response: "", item: "" },
  b: { round: "", response: "", item: "" },
};

const ITEM_STATE: Partial<Record<ActionName, SurveyItemState>> = {
  deliverSurveyOpinionAction: "SUMMARISED",
  recordSurveyAnswerAction: "DELIVERED",
  recordSurveyRectificationAction: "ANSWERED",
  recordSurveyRevisitAction: "RECTIFIED",
  createSurveyRevisitSigningLinkAction: "RECTIFIED",
};

const SURVEY_ACTIONS = new Set<string>(Object.keys(surveyActions));
/** The questions of the round prepared last (the inputs are built synchronously). */
let questionIds: string[] = [];

async function questionnaireId() {
  const current = await db.surveyQuestionnaire.findFirst({ where: { current: true }, select: { id: true } });
  if (current) return current.id;
  const last = await db.surveyQuestionnaire.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  const created = await db.surveyQuestionnaire.create({
    data: {
      version: (last?.version ?? 0) + 1,
      questions: {
        create: [
          { position: 0, label: "保洁质量" },
          { position: 1, label: "安保服务" },
        ],
      },
    },
    select: { id: true },
  });
  return created.id;
}

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (!SURVEY_ACTIONS.has(name)) return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  const qid = await questionnaireId();
  // One open round per site: earlier ones are closed so openSurveyRoundAction may open the next.
  await db.surveyRound.updateMany({ where: { siteId, state: "OPEN" }, data: { state: "CLOSED", closedAt: new Date() } });
  if (name === "openSurveyRoundAction" || name === "saveSurveyQuestionnaireAction") return;
  const now = new Date();
  const round = await db.surveyRound.create({
    data: {
      requestId: randomUUID(),
      siteId,
      title: `矩阵${uniq()}`,
      periodStart: new Date("2026-07-01T00:00:00Z"),
      periodEnd: new Date("2026-12-31T00:00:00Z"),
      questionnaireId: qid,
      openedById: world.users.MANAGER,
    },
    select: { id: true },
  });
  target[site].round = round.id;
  questionIds = (await db.surveyQuestion.findMany({ where: { questionnaireId: qid }, select: { id: true } })).map((q) => q.id);
  if (name === "closeSurveyRoundAction" || name === "recordSurveyResponseAction" || name === "createSurveyResponseLinkAction") return;
  const response = await db.surveyResponse.create({
    data: {
      roundId: round.id,
      tenantId: world[site].tenant,
      channel: "PAPER",
      opinion: "电梯等待时间长",
      submittedAt: now,
      enteredById: world.users.CLERK,
      answers: { create: questionIds.map((questionId) => ({ questionId, score: 3 })) },
    },
    select: { id: true },
  });
  target[site].response = response.id;
  const state = ITEM_STATE[name];
  if (!state) return;
  const reached = (s: SurveyItemState) =>
    ["SUMMARISED", "DELIVERED", "ANSWERED", "RECTIFIED", "REVISITED"].indexOf(state) >=
    ["SUMMARISED", "DELIVERED", "ANSWERED", "RECTIFIED", "REVISITED"].indexOf(s);
  const day = 86400_000;
  const item = await db.surveyOpinionItem.create({
    data: {
      requestId: newRequestId(),
      siteId,
      roundId: round.id,
      responseId: response.id,
      tenantId: world[site].tenant,
      departmentId: world[site].department,
      summary: "电梯等待时间长",
      state,
      summarisedAt: now,
      summarisedById: world.users.CLERK,
      deliveryDueAt: new Date(now.getTime() + 2 * day),
      deliveredAt: reached("DELIVERED") ? now : null,
      answerDueAt: reached("DELIVERED") ? new Date(now.getTime() + 3 * day) : null,
      answeredAt: reached("ANSWERED") ? now : null,
      measures: reached("ANSWERED") ? "增开电梯" : null,
      rectifiedAt: reached("RECTIFIED") ? now : null,
      revisitDueAt: reached("RECTIFIED") ? new Date(now.getTime() + 14 * day) : null,
    },
    select: { id: true },
  });
  target[site].item = item.id;
  if (name === "createSurveyRevisitSigningLinkAction")
    await db.surveyRevisit.create({
      data: {
        itemId: item.id,
        dueAt: new Date(now.getTime() + 14 * day),
        method: "PHONE",
        revisitedAt: now,
        satisfaction: "SATISFIED",
        clientName: "张三",
        byId: world.users.CLERK,
      },
    });
}

export const surveysMatrix: MatrixModule = {
  actions: [surveyActions],
  inputs: {
    saveSurveyQuestionnaireAction: () => ({ questions: [{ label: `保洁质量${uniq()}` }, { label: "安保服务" }] }),
    openSurveyRoundAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      title: `矩阵开启${uniq()}`,
      periodStart: "2026-07-01",
      periodEnd: "2026-12-31",
    }),
    closeSurveyRoundAction: (_w, s) => ({ roundId: target[s].round }),
    recordSurveyResponseAction: (w, s) => ({
      roundId: target[s].round,
      tenantId: w[s].tenant,
      answers: questionIds.map((questionId) => ({ questionId, score: 4 })),
      opinion: "",
    }),
    createSurveyResponseLinkAction: (w, s) => ({ requestId: newRequestId(), roundId: target[s].round, tenantId: w[s].tenant }),
    summariseSurveyOpinionAction: (w, s) => ({
      requestId: newRequestId(),
      responseId: target[s].response,
      departmentId: w[s].department,
      summary: "电梯等待时间长",
    }),
    deliverSurveyOpinionAction: (_w, s) => ({ itemId: target[s].item, deliveredTo: "工程部王工" }),
    recordSurveyAnswerAction: (_w, s) => ({ itemId: target[s].item, measures: "增开电梯" }),
    recordSurveyRectificationAction: (_w, s) => ({ itemId: target[s].item, note: "" }),
    recordSurveyRevisitAction: (_w, s) => ({
      itemId: target[s].item,
      method: "PHONE",
      satisfaction: "SATISFIED",
      clientName: "张三",
      comments: "",
    }),
    createSurveyRevisitSigningLinkAction: (_w, s) => ({ requestId: newRequestId(), itemId: target[s].item }),
  },
  prepare,
  unscoped: ["saveSurveyQuestionnaireAction"],
};
