import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { siteCalendar, type Tx } from "./mutations";
import { STEP_TO, answerDue, deliveryDue, refusalOf, revisitDue, type SurveyItemState, type SurveyStep } from "./rules";
import { DeliverOpinionSchema, RecordAnswerSchema, RecordRectificationSchema, SummariseOpinionSchema } from "./schema";

/** An opinion item of the user's sites, or "not found". */
export async function loadItem(actor: Actor, itemId: string) {
  const item = await db.surveyOpinionItem.findFirst({
    where: { id: itemId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, state: true, tenantId: true, revisitDueAt: true, rectifiedAt: true },
  });
  if (!item) throw new DomainError("not_found", "errors.not_found");
  return item;
}

/** The clerk's message for a step the item is not ready for (R-SUR-2: no answer before delivery, R-SUR-3: no revisit before rectification). */
export function assertStep(step: SurveyStep, state: SurveyItemState) {
  const refusal = refusalOf(step, state);
  if (refusal) throw new DomainError("conflict", `surveys.errors.${refusal}`);
}

/**
 * Moves the item on exactly once: the update only matches while it is still in the step's starting
 * state, so a double click or a replayed request finds nothing to change. One audit row per step.
 */
export async function advance(
  tx: Tx,
  actor: Actor | null,
  item: { id: string; siteId: string; state: SurveyItemState },
  step: SurveyStep,
  data: Prisma.SurveyOpinionItemUpdateManyMutationInput,
  audit: Record<string, unknown>,
) {
  assertStep(step, item.state);
  const { count } = await tx.surveyOpinionItem.updateMany({
    where: { id: item.id, state: item.state },
    data: { ...data, state: STEP_TO[step] },
  });
  if (count !== 1) throw new DomainError("conflict", "surveys.errors.stepDone");
  await writeAudit(tx, {
    actorId: actor?.id ?? null,
    siteId: item.siteId,
    entity: "SurveyOpinionItem",
    entityId: item.id,
    action: "UPDATE",
    before: { state: item.state },
    after: { state: STEP_TO[step], ...audit },
  });
}

/**
 * 汇总 (R-SUR-1): one tenant's opinion, summarised, becomes an item for one responsible department;
 * its delivery is due 2 days later. Only an answered questionnaire with an opinion, in a round of
 * the user's site.
 */
export const summariseOpinion = defineMutation({
  name: "summariseSurveyOpinionAction",
  schema: SummariseOpinionSchema,
  successKey: "surveys.itemCreated",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const item = await db.surveyOpinionItem.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, summarisedById: true },
        });
        return item && { madeById: item.summarisedById, result: { id: item.id } };
      },
      create: async () => {
        const response = await db.surveyResponse.findFirst({
          where: { id: input.responseId, round: { siteId: { in: actor.siteIds } } },
          select: { id: true, tenantId: true, submittedAt: true, opinion: true, round: { select: { id: true, siteId: true } } },
        });
        if (!response) throw new DomainError("not_found", "errors.not_found");
        if (!response.submittedAt || !response.opinion) throw new DomainError("invalid", "surveys.errors.noOpinion", "summary");
        const siteId = response.round.siteId;
        const department = await db.department.findFirst({ where: { id: input.departmentId, siteId }, select: { id: true } });
        if (!department) throw new DomainError("invalid", "complaints.errors.departmentNotFound", "departmentId");
        const now = new Date();
        const due = deliveryDue(await siteCalendar(siteId), now); // R-SUR-1
        return db.$transaction(async (tx) => {
          const item = await tx.surveyOpinionItem.create({
            data: {
              requestId: input.requestId,
              siteId,
              roundId: response.round.id,
              responseId: response.id,
              tenantId: response.tenantId,
              departmentId: department.id,
              summary: input.summary,
              summarisedAt: now,
              summarisedById: actor.id,
              deliveryDueAt: due.dueAt,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId,
            entity: "SurveyOpinionItem",
            entityId: item.id,
            action: "CREATE",
            after: {
              state: "SUMMARISED",
              roundId: response.round.id,
              responseId: response.id,
              departmentId: department.id,
              summary: input.summary,
              deliveryDueAt: due.dueAt,
            },
          });
          return item;
        });
      },
    });
  },
});

/** R-SUR-1 met when delivered; R-SUR-2's 3 days start now. */
export const deliverOpinion = defineMutation({
  name: "deliverSurveyOpinionAction",
  schema: DeliverOpinionSchema,
  successKey: "surveys.stepSaved",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    assertStep("deliver", item.state);
    const now = new Date();
    const due = answerDue(await siteCalendar(item.siteId), now); // R-SUR-2
    return db.$transaction(async (tx) => {
      await advance(
        tx,
        actor,
        item,
        "deliver",
        { deliveredAt: now, deliveredTo: input.deliveredTo, deliveredById: actor.id, answerDueAt: due.dueAt },
        { deliveredAt: now, deliveredTo: input.deliveredTo, answerDueAt: due.dueAt },
      );
      return { id: item.id };
    });
  },
});

/** R-SUR-2: the department's written rectification measures — only after the delivery. */
export const recordAnswer = defineMutation({
  name: "recordSurveyAnswerAction",
  schema: RecordAnswerSchema,
  successKey: "surveys.stepSaved",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    const now = new Date();
    return db.$transaction(async (tx) => {
      await advance(
        tx,
        actor,
        item,
        "answer",
        { measures: input.measures, answeredAt: now, answeredById: actor.id },
        { answeredAt: now, measures: input.measures },
      );
      return { id: item.id };
    });
  },
});

/** The department reports the rectification done; R-SUR-3's 2 weeks start now. */
export const recordRectification = defineMutation({
  name: "recordSurveyRectificationAction",
  schema: RecordRectificationSchema,
  successKey: "surveys.stepSaved",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    assertStep("rectify", item.state);
    const now = new Date();
    const due = revisitDue(await siteCalendar(item.siteId), now); // R-SUR-3
    return db.$transaction(async (tx) => {
      await advance(
        tx,
        actor,
        item,
        "rectify",
        { rectifiedAt: now, rectificationNote: input.note ?? null, rectifiedById: actor.id, revisitDueAt: due.dueAt },
        { rectifiedAt: now, note: input.note ?? null, revisitDueAt: due.dueAt },
      );
      return { id: item.id };
    });
  },
});
