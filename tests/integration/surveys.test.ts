/**
 * Satisfaction surveys (§3.2, R-SUR-1..3) against PostgreSQL: versioned questionnaires, rounds per
 * site, responses on paper and through one-time links (expiry, reuse, another tenant's link, a closed
 * round), the opinion chain with its guarded steps and deadlines on the site calendar, the signed
 * revisit through the shared signing links, the dashboard and the reminders.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/(staff)/surveys/[id]/export/route";
import { createCalendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import {
  closeSurveyRoundAction,
  createSurveyResponseLinkAction,
  createSurveyRevisitSigningLinkAction,
  deliverSurveyOpinionAction,
  openSurveyRoundAction,
  recordSurveyAnswerAction,
  recordSurveyRectificationAction,
  recordSurveyResponseAction,
  recordSurveyRevisitAction,
  saveSurveyQuestionnaireAction,
  summariseSurveyOpinionAction,
} from "@/lib/surveys/actions";
import { surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";
import { signSurveyRevisitAction, submitSurveyResponseAction } from "@/lib/surveys/public-actions";
import { surveyReminders } from "@/lib/surveys/reminders";
import { surveyForLink } from "@/lib/surveys/response.mutations";
import { roundResults } from "@/lib/surveys/results.queries";
import { surveyRevisitForSigning } from "@/lib/surveys/revisit.mutations";
import { answerDue, deliveryDue, revisitDue } from "@/lib/surveys/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { readXlsx } from "../support/xlsx";

let world: World;
let roundId: string;

/** The clerk summarises an opinion of tenant A's response in the open round (R-SUR-1): the new item's id. */
async function summarisedOpinion(summary: string): Promise<string> {
  await signInAs(world.users.CLERK);
  const response = await db.surveyResponse.findFirstOrThrow({ where: { roundId, tenantId: world.a.tenant } });
  const created = await summariseSurveyOpinionAction({
    requestId: newRequestId(),
    responseId: response.id,
    departmentId: world.a.department,
    summary,
  });
  return (created as { data: { id: string } }).data.id;
}
let questionIds: string[];
/** A second tenant on site A (the world has one tenant per site). */
let tenant2: string;

const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);
const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });

const answers = (scores: unknown[]) => scores.map((score, i) => ({ questionId: questionIds[i], score }));
const fieldError = (result: unknown, field: string) => (result as { fieldErrors?: Record<string, string> }).fieldErrors?.[field];
const tokenOf = (result: unknown) => (result as { data: { url: string } }).data.url.split("/sign/")[1]!;
const counts = async () => ({
  audit: await db.auditLog.count(),
  responses: await db.surveyResponse.count({ where: { submittedAt: { not: null } } }),
  answers: await db.surveyAnswer.count(),
  items: await db.surveyOpinionItem.count(),
});

function signForm(token: string) {
  const form = new FormData();
  form.set("token", token);
  form.set("file", new File([TINY_PNG as Uint8Array<ArrayBuffer>], "signature.png", { type: "image/png" }));
  return form;
}

async function openRound(siteId: string, title: string) {
  const result = await openSurveyRoundAction({
    requestId: newRequestId(),
    siteId,
    title,
    periodStart: "2026-07-01",
    periodEnd: "2026-12-31",
  });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: { id: string } }).data.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  tenant2 = (
    await db.tenant.create({
      data: {
        siteId: world.siteA,
        name: "业户A2",
        units: { create: { siteId: world.siteA, code: "B-1201", building: "B座", floor: "12F", status: "OCCUPIED" } },
      },
    })
  ).id;
  // The company-wide questionnaire: the admin's (settings:company).
  await signInAs(world.users.ADMIN);
  expect(
    await saveSurveyQuestionnaireAction({ questions: [{ label: "保洁质量" }, { label: "安保服务" }, { label: "前台接待" }] }),
  ).toMatchObject({ ok: true });
  await signInAs(world.users.MANAGER);
  roundId = await openRound(world.siteA, "2026年下半年满意度调查");
  questionIds = (await db.surveyQuestion.findMany({ where: { questionnaire: { current: true } }, orderBy: { position: "asc" } })).map(
    (q) => q.id,
  );
});

describe("rounds and the versioned questionnaire", () => {
  it("a new questionnaire version leaves the open round's questions alone", async () => {
    await signInAs(world.users.ADMIN);
    expect(await saveSurveyQuestionnaireAction({ questions: [{ label: "工程维修" }] })).toMatchObject({ ok: true, data: { version: 2 } });
    const round = await db.surveyRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { questionnaire: { include: { questions: true } } },
    });
    expect(round.questionnaire.version).toBe(1);
    expect(round.questionnaire.questions.map((q) => q.label).sort()).toEqual(["保洁质量", "前台接待", "安保服务"].sort());
    // A one-site manager may not change the company's questionnaire.
    await signInAs(world.users.MANAGER);
    expect(await saveSurveyQuestionnaireAction({ questions: [{ label: "x" }] })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("one open round per site; another site's round is not found; a clerk may not open one", async () => {
    await signInAs(world.users.MANAGER);
    const before = await counts();
    expect(
      await openSurveyRoundAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        title: "重复",
        periodStart: "2026-07-01",
        periodEnd: "2026-12-31",
      }),
    ).toMatchObject({ ok: false, code: "conflict", fieldErrors: { title: "该项目已有一轮调查在收集中，请先结束它" } });
    expect(
      await openSurveyRoundAction({
        requestId: newRequestId(),
        siteId: world.siteB,
        title: "B",
        periodStart: "2026-07-01",
        periodEnd: "2026-12-31",
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await openSurveyRoundAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        title: "倒序",
        periodStart: "2026-07-01",
        periodEnd: "2026-06-30",
      }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { periodEnd: "结束日期不能早于开始日期" } });
    await signInAs(world.users.CLERK);
    expect(
      await openSurveyRoundAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        title: "C",
        periodStart: "2026-07-01",
        periodEnd: "2026-12-31",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await counts()).toEqual(before);
  });
});

describe("responses entered from the paper form", () => {
  it("scores out of range or not whole are refused next to the field, nothing written", async () => {
    await signInAs(world.users.CLERK);
    const before = await counts();
    for (const bad of [0, 6, 2.5, "很好"]) {
      const result = await recordSurveyResponseAction({ roundId, tenantId: world.a.tenant, answers: answers([bad, 4, 4]), opinion: "" });
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(fieldError(result, "answers.0.score")).toBe("评分须为 1 到 5 的整数");
    }
    expect(await recordSurveyResponseAction({ roundId, tenantId: world.a.tenant, answers: answers([4, 4]), opinion: "" })).toMatchObject({
      ok: false,
      fieldErrors: { answers: "请为每一道题打分" },
    });
    // A tenant of another site, a round of another site.
    expect(await recordSurveyResponseAction({ roundId, tenantId: world.b.tenant, answers: answers([4, 4, 4]) })).toMatchObject({
      ok: false,
      fieldErrors: { tenantId: "业户不属于该项目" },
    });
    expect(await counts()).toEqual(before);
  });

  it("a paper questionnaire is saved once; the response rate counts it under the tenant's building", async () => {
    await signInAs(world.users.CLERK);
    expect(
      await recordSurveyResponseAction({
        roundId,
        tenantId: world.a.tenant,
        answers: answers([5, 4, 3]),
        opinion: "电梯高峰期等待时间太长",
        respondentName: "张三",
      }),
    ).toMatchObject({ ok: true });
    const before = await counts();
    expect(await recordSurveyResponseAction({ roundId, tenantId: world.a.tenant, answers: answers([1, 1, 1]) })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "该业户本轮已交答卷，不能重复提交",
    });
    expect(await counts()).toEqual(before);
    const results = await roundResults(roundId);
    expect(results.questions.map((q) => q.average)).toEqual([5, 4, 3]);
    expect(results.buildings).toEqual([{ building: "A座", average: 4 }]);
  });
});

describe("one-time links for the tenant's questionnaire", () => {
  it("shows only that tenant's questionnaire, works once, and another tenant's link answers for that tenant only", async () => {
    await signInAs(world.users.CLERK);
    // The first tenant has answered on paper: no link any more.
    expect(await createSurveyResponseLinkAction({ requestId: newRequestId(), roundId, tenantId: world.a.tenant })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const link = await createSurveyResponseLinkAction({ requestId: newRequestId(), roundId, tenantId: tenant2 });
    expect(link, JSON.stringify(link)).toMatchObject({ ok: true });
    const token = tokenOf(link);
    expect(new Date((link as { data: { expiresAt: string } }).data.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86400_000);

    await signInAs(null);
    const view = await surveyForLink(token);
    expect(view).toMatchObject({ tenantName: "业户A2", roundTitle: "2026年下半年满意度调查" });
    expect(view?.questions).toHaveLength(3);
    expect(JSON.stringify(view)).not.toMatch(/业户A"|1[3-9]\d{9}/);

    // The link names its tenant: a payload trying to name another one is refused outright.
    const before = await counts();
    expect(await submitSurveyResponseAction({ token, tenantId: world.a.tenant, answers: answers([3, 3, 3]) })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await submitSurveyResponseAction({ token, answers: answers([3, 9, 3]) })).toMatchObject({
      ok: false,
      fieldErrors: { "answers.1.score": "评分须为 1 到 5 的整数" },
    });
    expect(await counts()).toEqual(before);

    expect(await submitSurveyResponseAction({ token, answers: answers([2, 3, 4]), opinion: "" })).toMatchObject({ ok: true });
    const responses = await db.surveyResponse.findMany({ where: { roundId, submittedAt: { not: null } }, orderBy: { tenantId: "asc" } });
    expect(responses.find((r) => r.tenantId === tenant2)).toMatchObject({ channel: "LINK", enteredById: null, building: "B座" });

    // Reused: refused, nothing written.
    const after = await counts();
    expect(await submitSurveyResponseAction({ token, answers: answers([5, 5, 5]) })).toMatchObject({ ok: false, code: "conflict" });
    expect(await surveyForLink(token)).toBeNull();
    expect(await counts()).toEqual(after);
  });

  it("an expired link and a link of a closed round are refused", async () => {
    await signInAs(world.users.MANAGER);
    const roundB = await (async () => {
      // A third tenant on a fresh round of site A: close the first round, open another.
      expect(await closeSurveyRoundAction({ roundId })).toMatchObject({ ok: true });
      expect(await closeSurveyRoundAction({ roundId })).toMatchObject({ ok: false, code: "conflict" });
      return openRound(world.siteA, "2027年上半年满意度调查");
    })();
    await signInAs(world.users.CLERK);
    // Closed round: no paper entry, no link.
    expect(await recordSurveyResponseAction({ roundId, tenantId: tenant2, answers: answers([4, 4, 4]) })).toMatchObject({
      ok: false,
      message: "本轮调查已结束，不再收集答卷",
    });
    const expiring = tokenOf(
      await createSurveyResponseLinkAction({ requestId: newRequestId(), roundId: roundB, tenantId: world.a.tenant }),
    );
    await db.signingLink.updateMany({
      where: { purpose: "SURVEY_RESPONSE", usedAt: null, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = await counts();
    expect(await submitSurveyResponseAction({ token: expiring, answers: answers([4, 4, 4]) })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await surveyForLink(expiring)).toBeNull();

    const closing = tokenOf(await createSurveyResponseLinkAction({ requestId: newRequestId(), roundId: roundB, tenantId: world.a.tenant }));
    expect(await surveyForLink(closing)).not.toBeNull();
    await signInAs(world.users.MANAGER);
    expect(await closeSurveyRoundAction({ roundId: roundB })).toMatchObject({ ok: true });
    await signInAs(null);
    expect(await surveyForLink(closing)).toBeNull();
    expect(await submitSurveyResponseAction({ token: closing, answers: answers([4, 4, 4]) })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await counts()).responses).toBe(before.responses);
    expect((await counts()).answers).toBe(before.answers);
  });
});

describe("the opinion chain (R-SUR-1..3)", () => {
  it("summary → delivery within 2 days → written answer within 3 days → rectification → signed revisit within 2 weeks", async () => {
    const response = await db.surveyResponse.findFirstOrThrow({ where: { roundId, tenantId: world.a.tenant } });
    const noOpinion = await db.surveyResponse.findFirstOrThrow({ where: { roundId, tenantId: tenant2 } });
    await signInAs(world.users.CLERK);
    expect(
      await summariseSurveyOpinionAction({
        requestId: newRequestId(),
        responseId: noOpinion.id,
        departmentId: world.a.department,
        summary: "无",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { summary: "该答卷没有意见可汇总" } });
    // Another site's department is refused.
    expect(
      await summariseSurveyOpinionAction({
        requestId: newRequestId(),
        responseId: response.id,
        departmentId: world.b.department,
        summary: "电梯",
      }),
    ).toMatchObject({ ok: false, code: "invalid" });

    const requestId = newRequestId();
    const summarised = await summariseSurveyOpinionAction({
      requestId,
      responseId: response.id,
      departmentId: world.a.department,
      summary: "高峰期电梯等待时间长",
    });
    expect(summarised, JSON.stringify(summarised)).toMatchObject({ ok: true });
    const itemId = (summarised as { data: { id: string } }).data.id;
    // A replayed summary creates nothing twice.
    expect(
      await summariseSurveyOpinionAction({
        requestId,
        responseId: response.id,
        departmentId: world.a.department,
        summary: "高峰期电梯等待时间长",
      }),
    ).toMatchObject({
      ok: true,
      data: { id: itemId },
    });
    let item = await db.surveyOpinionItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.state).toBe("SUMMARISED");
    expect(item.deliveryDueAt).toEqual(deliveryDue(shanghai, item.summarisedAt).dueAt); // R-SUR-1

    // An answer, a rectification or a revisit before the delivery: refused with its reason, nothing written.
    let before = await counts();
    expect(await recordSurveyAnswerAction({ itemId, measures: "增加高峰期电梯" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "意见尚未送达责任部门，不能登记书面反馈",
    });
    expect(
      await recordSurveyRevisitAction({ itemId, method: "PHONE", satisfaction: "SATISFIED", clientName: "张三", comments: "" }),
    ).toMatchObject({ ok: false, message: "尚未整改完成，不能回访" });
    expect(await counts()).toEqual(before);

    // Another site's user does not see it; a front-desk user may not deliver.
    await signInAs(world.users.FRONT_DESK);
    expect(await deliverSurveyOpinionAction({ itemId, deliveredTo: "王工" })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(world.users.CLERK);
    expect(await deliverSurveyOpinionAction({ itemId, deliveredTo: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await deliverSurveyOpinionAction({ itemId, deliveredTo: "工程部王工" })).toMatchObject({ ok: true });
    // The double click changes nothing twice.
    before = await counts();
    expect(await deliverSurveyOpinionAction({ itemId, deliveredTo: "工程部王工" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await counts()).toEqual(before);
    item = await db.surveyOpinionItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.answerDueAt).toEqual(answerDue(shanghai, item.deliveredAt!).dueAt); // R-SUR-2

    expect(
      await recordSurveyRevisitAction({ itemId, method: "PHONE", satisfaction: "SATISFIED", clientName: "张三", comments: "" }),
    ).toMatchObject({ ok: false, message: "尚未整改完成，不能回访" });
    expect(await recordSurveyAnswerAction({ itemId, measures: "早高峰增开一部电梯，安排专人疏导" })).toMatchObject({ ok: true });
    expect(
      await recordSurveyRevisitAction({ itemId, method: "PHONE", satisfaction: "SATISFIED", clientName: "张三", comments: "" }),
    ).toMatchObject({ ok: false, message: "尚未整改完成，不能回访" });
    expect(await recordSurveyRectificationAction({ itemId, note: "已调整电梯运行方案" })).toMatchObject({ ok: true });
    item = await db.surveyOpinionItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.revisitDueAt).toEqual(revisitDue(shanghai, item.rectifiedAt!).dueAt); // R-SUR-3

    // The revisit deadline is on the managers' dashboard in the complaint dashboard's states.
    await signInAs(world.users.MANAGER);
    const dashboard = await surveyOpenDeadlines();
    expect(dashboard.rows.find((r) => r.id === itemId)).toMatchObject({ kind: "revisit", state: "RECTIFIED", dueState: "on_track" });
    await signInAs(world.users.CLERK);
    await expect(surveyOpenDeadlines()).rejects.toThrow();

    // A visit revisit needs the signature; a phone revisit waits for it through a link.
    expect(
      await recordSurveyRevisitAction({ itemId, method: "VISIT", satisfaction: "SATISFIED", clientName: "张三", comments: "" }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await recordSurveyRevisitAction({ itemId, method: "PHONE", satisfaction: "SATISFIED", clientName: "张三", comments: "效果明显" }),
    ).toMatchObject({ ok: true, data: { awaitingSignature: true } });
    const link = await createSurveyRevisitSigningLinkAction({ requestId: newRequestId(), itemId });
    expect(link).toMatchObject({ ok: true });
    const token = tokenOf(link);

    await signInAs(null);
    expect(await surveyRevisitForSigning(token)).toMatchObject({ summary: "高峰期电梯等待时间长", clientName: "张三" });
    // A survey revisit link is not a questionnaire link, nor a complaint's.
    expect(await surveyForLink(token)).toBeNull();
    expect(await signSurveyRevisitAction(signForm(token))).toMatchObject({ ok: true });
    const revisited = await db.surveyOpinionItem.findUniqueOrThrow({ where: { id: itemId }, include: { revisit: true } });
    expect(revisited.state).toBe("REVISITED");
    expect(revisited.revisit).toMatchObject({ completedAt: revisited.revisitedAt });
    expect(revisited.revisit?.signatureFileId).not.toBeNull();
    // Reused: refused.
    expect(await signSurveyRevisitAction(signForm(token))).toMatchObject({ ok: false });

    // The trail has one row per step, the signature's without an actor.
    const trail = await db.auditLog.findMany({ where: { entity: "SurveyOpinionItem", entityId: itemId }, orderBy: { id: "asc" } });
    expect(trail.map((r) => (r.changes as { state?: { after: string } }).state?.after ?? null)).toEqual([
      "SUMMARISED",
      "DELIVERED",
      "ANSWERED",
      "RECTIFIED",
      null,
      "REVISITED",
    ]);
    expect(trail.at(-1)?.actorId).toBeNull();
  });

  it("late deadlines show on the dashboard and in the reminders", async () => {
    const itemId = await summarisedOpinion("大堂空调温度偏低");
    // Summarised three days ago: the delivery is overdue.
    await db.surveyOpinionItem.update({ where: { id: itemId }, data: { deliveryDueAt: new Date(Date.now() - 86400_000) } });
    await signInAs(world.users.MANAGER);
    const dashboard = await surveyOpenDeadlines();
    expect(dashboard.rows.find((r) => r.id === itemId)).toMatchObject({ kind: "delivery", dueState: "overdue" });
    expect(dashboard.counts.delivery.overdue).toBeGreaterThanOrEqual(1);

    const site = await db.site.findUniqueOrThrow({ where: { id: world.siteA }, select: { id: true, name: true } });
    const members = (await db.userSite.findMany({ where: { siteId: site.id }, include: { user: true } })).map((m) => ({
      userId: m.userId,
      role: m.user.role,
      disabled: m.user.disabled,
    }));
    const { rows, reminders } = await surveyReminders.collect({
      now: new Date(),
      sites: [site],
      calendars: new Map([[site.id, shanghai]]),
      membersOf: () => members,
    });
    expect(reminders).toBeGreaterThanOrEqual(1);
    const mine = rows.filter((r) => r.link === `/surveys/items/${itemId}`);
    expect(mine.map((r) => r.userId).sort()).toEqual([world.users.CLERK, world.users.MANAGER, world.users.SUPERVISOR].sort());
    expect(mine[0]).toMatchObject({ kind: "survey.delivery.overdue", title: "满意度意见已逾期：业户A" });
  });

  it("the dashboard keeps its survey figures while nothing is written; a deadline falling due is overdue on the next view (R-SUR-1, decision 026)", async () => {
    const itemId = await summarisedOpinion("地下车库照明不足");
    const start = Date.now();
    const due = new Date(start + 3_600_000);
    await db.surveyOpinionItem.update({ where: { id: itemId }, data: { deliveryDueAt: due } });
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    try {
      await signInAs(world.users.MANAGER);
      const state = async () => (await surveyOpenDeadlines()).rows.find((r) => r.id === itemId)?.dueState;
      // Due within the hour: today's, or (in the last hour of the site's day) the next day's.
      const before = await state();
      expect(["due_today", "due_soon"]).toContain(before);
      // Changed behind the memo's back (the version trigger off): a count that went to the database would see it.
      await db.$executeRaw`ALTER TABLE "SurveyOpinionItem" DISABLE TRIGGER "SurveyOpinionItem_survey_version"`;
      try {
        await db.$executeRaw`UPDATE "SurveyOpinionItem" SET "deliveryDueAt" = ${new Date(start - 3_600_000)} WHERE id = ${itemId}`;
        expect(await state()).toBe(before);
        await db.$executeRaw`UPDATE "SurveyOpinionItem" SET "deliveryDueAt" = ${due} WHERE id = ${itemId}`;
      } finally {
        await db.$executeRaw`ALTER TABLE "SurveyOpinionItem" ENABLE TRIGGER "SurveyOpinionItem_survey_version"`;
      }
      // Past its deadline with nothing written: the kept figures are past their horizon, so the view counts again.
      vi.setSystemTime(due.getTime() + 1);
      expect(await state()).toBe("overdue");
      // A write is seen at once: delivered, the item's running deadline is the answer's.
      await db.surveyOpinionItem.update({
        where: { id: itemId },
        data: { state: "DELIVERED", deliveredAt: new Date(), answerDueAt: new Date(start + 2 * 86_400_000) },
      });
      expect((await surveyOpenDeadlines()).rows.find((r) => r.id === itemId)).toMatchObject({
        kind: "answer",
        dueState: expect.not.stringMatching("overdue"),
      });
    } finally {
      vi.useRealTimers();
    }
  });
  it("the survey figures outlive a complaint written, not a tenant renamed (decision 026)", async () => {
    const itemId = await summarisedOpinion("垃圾桶清运不及时");
    await signInAs(world.users.MANAGER);
    const row = async () => (await surveyOpenDeadlines()).rows.find((r) => r.id === itemId);
    const before = await row();
    expect(before).toBeDefined();
    const item = await db.surveyOpinionItem.findUniqueOrThrow({ where: { id: itemId }, select: { tenantId: true } });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: item.tenantId }, select: { name: true } });
    await db.$executeRaw`ALTER TABLE "SurveyOpinionItem" DISABLE TRIGGER "SurveyOpinionItem_survey_version"`;
    try {
      // Moved behind the memo's back; then a complaint is written (its version moves): the survey card is still the kept one.
      await db.$executeRaw`UPDATE "SurveyOpinionItem" SET "deliveryDueAt" = "deliveryDueAt" + interval '30 days' WHERE id = ${itemId}`;
      await db.$executeRaw`SELECT kewu_set_cache_version('complaint')`;
      expect((await row())?.dueAt).toEqual(before!.dueAt);
      // The tenant renamed: the card counts again and shows the new name (and the moved deadline).
      await db.tenant.update({ where: { id: item.tenantId }, data: { name: `${tenant.name}（新）` } });
      const after = await row();
      expect(after?.tenantName).toBe(`${tenant.name}（新）`);
      expect(after?.dueAt.getTime()).toBe(before!.dueAt.getTime() + 30 * 86_400_000);
    } finally {
      await db.$executeRaw`ALTER TABLE "SurveyOpinionItem" ENABLE TRIGGER "SurveyOpinionItem_survey_version"`;
      await db.tenant.update({ where: { id: item.tenantId }, data: { name: tenant.name } });
      // The round's results below count its opinions: this one was only for the memo.
      await db.surveyOpinionItem.delete({ where: { id: itemId } });
    }
  });
});

describe("results and the Excel export", () => {
  const get = (id: string) => exportRoute(new Request(`http://localhost/surveys/${id}/export`), { params: Promise.resolve({ id }) });

  it("exports the responses with their scores and the items with their chain; refused to a clerk and for another site", async () => {
    await signInAs(world.users.MANAGER);
    const response = await get(roundId);
    expect(response.status).toBe(200);
    const [responses, items] = await readXlsx(await response.arrayBuffer());
    expect(responses.name).toBe("答卷");
    expect(responses.rows[0]).toEqual(expect.arrayContaining(["业户", "楼栋", "保洁质量", "安保服务", "前台接待"]));
    expect(responses.text).toContain("电梯高峰期等待时间太长");
    expect(responses.rows.slice(1).map((r) => r.slice(4, 7))).toEqual(expect.arrayContaining([[5, 4, 3]]));
    expect(items.name).toBe("意见处理");
    expect(items.text).toContain("高峰期电梯等待时间长");
    expect(items.text).toContain("已回访");

    await signInAs(world.users.CLERK);
    expect((await get(roundId)).status).toBe(403);
    await signInAs(world.users.MANAGER);
    const other = await db.surveyRound.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteB,
        title: "B项目调查",
        periodStart: new Date("2026-07-01T00:00:00Z"),
        periodEnd: new Date("2026-12-31T00:00:00Z"),
        questionnaireId: (await db.surveyRound.findUniqueOrThrow({ where: { id: roundId } })).questionnaireId,
        openedById: world.users.MANAGER,
      },
    });
    expect((await get(other.id)).status).toBe(404);
  });

  it("the trend lists the site's rounds with their averages", async () => {
    await signInAs(world.users.CLERK);
    const results = await roundResults(roundId);
    expect(results.trend.map((p) => p.title)).toEqual(expect.arrayContaining(["2026年下半年满意度调查", "2027年上半年满意度调查"]));
    // (5+4+3 + 2+3+4) / 6
    expect(results.trend.find((p) => p.current)?.average).toBe(3.5);
    expect(results.itemsByDepartment[0]?.counts).toMatchObject({ REVISITED: 1, SUMMARISED: 1 });
  });
});
