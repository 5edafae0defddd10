import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { CloseRoundSchema, OpenRoundSchema, SaveQuestionnaireSchema } from "./schema";

export type Tx = Prisma.TransactionClient;

export async function siteCalendar(siteId: string) {
  const calendar = await loadSiteCalendar(siteId);
  if (!calendar) throw new DomainError("not_found", "errors.not_found");
  return calendar;
}

/** A round of the user's sites, or "not found". */
export async function loadRound(actor: Actor, roundId: string) {
  const round = await db.surveyRound.findFirst({
    where: { id: roundId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, state: true, title: true, questionnaireId: true },
  });
  if (!round) throw new DomainError("not_found", "errors.not_found");
  return round;
}

/**
 * The questionnaire is never edited in place (as the checklists): saving makes version N+1 current,
 * and every round already opened keeps the version, and the questions, it was opened with.
 */
export const saveQuestionnaire = defineMutation({
  name: "saveSurveyQuestionnaireAction",
  schema: SaveQuestionnaireSchema,
  successKey: "surveys.questionnaireSaved",
  async run(actor: Actor, input) {
    return db.$transaction(async (tx) => {
      // Two managers saving at once: the second waits and becomes the next version.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('survey-questionnaire'))`;
      const previous = await tx.surveyQuestionnaire.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
      await tx.surveyQuestionnaire.updateMany({ where: { current: true }, data: { current: false } });
      const questionnaire = await tx.surveyQuestionnaire.create({
        data: {
          version: (previous?.version ?? 0) + 1,
          current: true,
          createdById: actor.id,
          questions: { create: input.questions.map((q, position) => ({ position, label: q.label })) },
        },
        select: { id: true, version: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "SurveyQuestionnaire",
        entityId: questionnaire.id,
        action: "CREATE",
        after: {
          version: questionnaire.version,
          previousVersion: previous?.version ?? null,
          questions: input.questions.map((q) => q.label),
        },
      });
      return questionnaire;
    });
  },
});

/** A round of one site and period, with the current questionnaire; one open round per site at a time. */
export const openRound = defineMutation({
  name: "openSurveyRoundAction",
  schema: OpenRoundSchema,
  successKey: "surveys.roundOpened",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const r = await db.surveyRound.findUnique({ where: { requestId: input.requestId }, select: { id: true, openedById: true } });
        return r && { madeById: r.openedById, result: { id: r.id } };
      },
      create: async () => {
        const questionnaire = await db.surveyQuestionnaire.findFirst({ where: { current: true }, select: { id: true, version: true } });
        if (!questionnaire) throw new DomainError("invalid", "surveys.errors.noQuestionnaire", "title");
        return db.$transaction(async (tx) => {
          // One open round per site: responses and links always belong to the one being collected.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`survey-round:${input.siteId}`}))`;
          const open = await tx.surveyRound.findFirst({ where: { siteId: input.siteId, state: "OPEN" }, select: { id: true } });
          if (open) throw new DomainError("conflict", "surveys.errors.roundAlreadyOpen", "title");
          const taken = await tx.surveyRound.findFirst({ where: { siteId: input.siteId, title: input.title }, select: { id: true } });
          if (taken) throw new DomainError("invalid", "surveys.errors.titleTaken", "title");
          const round = await tx.surveyRound.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              title: input.title,
              periodStart: dateColumn(input.periodStart),
              periodEnd: dateColumn(input.periodEnd),
              questionnaireId: questionnaire.id,
              openedById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "SurveyRound",
            entityId: round.id,
            action: "CREATE",
            after: {
              title: input.title,
              periodStart: input.periodStart,
              periodEnd: input.periodEnd,
              questionnaireVersion: questionnaire.version,
              state: "OPEN",
            },
          });
          return round;
        });
      },
    });
  },
});

/** Closing ends the collection: links of the round stop working, no answer is taken any more. */
export const closeRound = defineMutation({
  name: "closeSurveyRoundAction",
  schema: CloseRoundSchema,
  successKey: "surveys.roundClosed",
  async run(actor: Actor, input) {
    const round = await loadRound(actor, input.roundId);
    return db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.surveyRound.updateMany({
        where: { id: round.id, state: "OPEN" },
        data: { state: "CLOSED", closedAt: now, closedById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "surveys.errors.roundClosed");
      // The unanswered questionnaires' links die with the round.
      const pending = await tx.surveyResponse.findMany({ where: { roundId: round.id, submittedAt: null }, select: { id: true } });
      if (pending.length)
        await tx.signingLink.updateMany({
          where: { purpose: "SURVEY_RESPONSE", targetId: { in: pending.map((p) => p.id) }, usedAt: null, revokedAt: null },
          data: { revokedAt: now },
        });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: round.siteId,
        entity: "SurveyRound",
        entityId: round.id,
        action: "UPDATE",
        before: { state: "OPEN" },
        after: { state: "CLOSED", closedAt: now },
      });
      return { id: round.id };
    });
  },
});
