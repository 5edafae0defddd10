import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { SurveyResponseChannel } from "@/lib/generated/prisma/enums";
import {
  consumeSigningLink,
  findOpenSigningLink,
  issueSigningLink,
  issueSigningLinkOnce,
  signingLinkView,
} from "@/lib/signing-links/store";
import { loadRound, type Tx } from "./mutations";
import { RESPONSE_LINK_TTL_MS, checkAnswerSet, tenantBuilding } from "./rules";
import { CreateResponseLinkSchema, RecordResponseSchema, type SubmitLinkResponseSchema } from "./schema";

type Answers = { questionId: string; score: number }[];

const ANSWER_SET_ERRORS = {
  missing: "surveys.errors.answersMissing",
  unknown: "surveys.errors.answersUnknown",
  repeated: "surveys.errors.answersUnknown",
} as const;

/** The round's questions (its questionnaire version): the answers must name exactly these. */
async function checkAnswers(questionnaireId: string, answers: Answers) {
  const questions = await db.surveyQuestion.findMany({ where: { questionnaireId }, select: { id: true } });
  const check = checkAnswerSet(
    questions.map((q) => q.id),
    answers,
  );
  if (check !== "ok") throw new DomainError("invalid", ANSWER_SET_ERRORS[check], "answers");
}

/** A tenant of the round's site with the building it is counted under, or "invalid". */
async function loadTenant(siteId: string, tenantId: string) {
  const tenant = await db.tenant.findFirst({
    where: { id: tenantId, siteId },
    select: { id: true, name: true, units: { select: { code: true, building: true } } },
  });
  if (!tenant) throw new DomainError("invalid", "surveys.errors.tenantNotFound", "tenantId");
  return { id: tenant.id, name: tenant.name, building: tenantBuilding(tenant.units) || null };
}

/**
 * Writes one tenant's answers, once: a pending response (made when a link was issued) is filled with a
 * guarded update, otherwise created; an answered one is refused. Every other open link of the response
 * is revoked, so a questionnaire answered on paper cannot be answered again through the link.
 */
async function writeResponse(
  tx: Tx,
  input: {
    round: { id: string; siteId: string };
    tenant: { id: string; building: string | null };
    channel: SurveyResponseChannel;
    answers: Answers;
    opinion: string | null;
    respondentName: string | null;
    actorId: string | null;
    now: Date;
    audit?: Record<string, unknown>;
  },
) {
  const { round, tenant, now } = input;
  const data = {
    channel: input.channel,
    opinion: input.opinion,
    respondentName: input.respondentName,
    submittedAt: now,
    enteredById: input.actorId,
    building: tenant.building,
  };
  const existing = await tx.surveyResponse.findUnique({
    where: { roundId_tenantId: { roundId: round.id, tenantId: tenant.id } },
    select: { id: true, submittedAt: true },
  });
  let responseId: string;
  if (existing) {
    const { count } = await tx.surveyResponse.updateMany({ where: { id: existing.id, submittedAt: null }, data });
    if (count !== 1) throw new DomainError("conflict", "surveys.errors.alreadyAnswered");
    responseId = existing.id;
  } else {
    responseId = (await tx.surveyResponse.create({ data: { roundId: round.id, tenantId: tenant.id, ...data }, select: { id: true } })).id;
  }
  await tx.surveyAnswer.createMany({ data: input.answers.map((a) => ({ responseId, questionId: a.questionId, score: a.score })) });
  await tx.signingLink.updateMany({
    where: { purpose: "SURVEY_RESPONSE", targetId: responseId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await writeAudit(tx, {
    actorId: input.actorId,
    siteId: round.siteId,
    entity: "SurveyResponse",
    entityId: responseId,
    action: existing ? "UPDATE" : "CREATE",
    after: {
      roundId: round.id,
      tenantId: tenant.id,
      channel: input.channel,
      scores: input.answers.map((a) => a.score),
      opinion: input.opinion,
      submittedAt: now,
      ...input.audit,
    },
  });
  return { id: responseId };
}

/** Staff enter a tenant's paper questionnaire while the round is open. */
export const recordResponse = defineMutation({
  name: "recordSurveyResponseAction",
  schema: RecordResponseSchema,
  successKey: "surveys.responseSaved",
  async run(actor: Actor, input) {
    const round = await loadRound(actor, input.roundId);
    if (round.state !== "OPEN") throw new DomainError("conflict", "surveys.errors.roundClosed");
    const tenant = await loadTenant(round.siteId, input.tenantId);
    await checkAnswers(round.questionnaireId, input.answers);
    return db.$transaction((tx) =>
      writeResponse(tx, {
        round,
        tenant,
        channel: "PAPER",
        answers: input.answers,
        opinion: input.opinion ?? null,
        respondentName: input.respondentName ?? null,
        actorId: actor.id,
        now: new Date(),
      }),
    );
  },
});

/**
 * A one-time link for one tenant's questionnaire (the same links as the revisit signatures): it opens
 * this tenant's questionnaire of this round and nothing else, for 7 days, once. A new link revokes the
 * one before.
 */
export const createResponseLink = defineMutation({
  name: "createSurveyResponseLinkAction",
  schema: CreateResponseLinkSchema,
  async run(actor: Actor, input) {
    const round = await loadRound(actor, input.roundId);
    if (round.state !== "OPEN") throw new DomainError("conflict", "surveys.errors.roundClosed");
    const tenant = await loadTenant(round.siteId, input.tenantId);
    const now = new Date();
    const issued = await issueSigningLinkOnce(actor, { siteId: round.siteId, requestId: input.requestId }, () =>
      db.$transaction(async (tx) => {
        const response = await tx.surveyResponse.upsert({
          where: { roundId_tenantId: { roundId: round.id, tenantId: tenant.id } },
          create: { roundId: round.id, tenantId: tenant.id, building: tenant.building },
          update: {},
          select: { id: true, submittedAt: true },
        });
        if (response.submittedAt) throw new DomainError("conflict", "surveys.errors.alreadyAnswered");
        const link = await issueSigningLink(tx, {
          purpose: "SURVEY_RESPONSE",
          targetId: response.id,
          siteId: round.siteId,
          createdById: actor.id,
          requestId: input.requestId,
          now,
          ttlMs: RESPONSE_LINK_TTL_MS,
        });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: round.siteId,
          entity: "SigningLink",
          entityId: link.id,
          action: "CREATE",
          after: { purpose: "SURVEY_RESPONSE", roundId: round.id, tenantId: tenant.id, expiresAt: link.expiresAt },
        });
        return link;
      }),
    );
    return { ...(await signingLinkView(issued.token)), expiresAt: issued.expiresAt.toISOString() };
  },
});

async function loadLinkedResponse(targetId: string, siteId: string) {
  return db.surveyResponse.findFirst({
    where: { id: targetId, round: { siteId } },
    select: {
      id: true,
      submittedAt: true,
      tenant: { select: { id: true, name: true } },
      building: true,
      round: {
        select: {
          id: true,
          siteId: true,
          state: true,
          title: true,
          questionnaireId: true,
          site: { select: { name: true, timeZone: true } },
          questionnaire: { select: { questions: { select: { id: true, label: true, position: true }, orderBy: { position: "asc" } } } },
        },
      },
    },
  });
}

/**
 * What the tenant sees through their link: this one questionnaire, named with their company and
 * nothing else of anyone (no contacts, no other tenant). Null when the link does not work (unknown,
 * used, revoked, expired), the questionnaire is answered or the round has closed.
 */
export async function surveyForLink(token: string) {
  const link = await findOpenSigningLink(token, "SURVEY_RESPONSE");
  if (!link) return null;
  const response = await loadLinkedResponse(link.targetId, link.siteId);
  if (!response || response.submittedAt || response.round.state !== "OPEN") return null;
  return {
    siteName: response.round.site.name,
    roundTitle: response.round.title,
    tenantName: response.tenant.name,
    questions: response.round.questionnaire.questions.map((q) => ({ id: q.id, label: q.label })),
    expiresAt: formatInZone(link.expiresAt, response.round.site.timeZone),
  };
}

/**
 * The tenant's answers through the link: the link is used up with a guarded update in the same
 * transaction as the answers, so a second submission (a double tap, a replay) writes nothing. A
 * closed round refuses, even with a link that has not expired yet.
 */
export async function submitLinkResponse(input: z.output<typeof SubmitLinkResponseSchema>): Promise<{ id: string }> {
  const link = await findOpenSigningLink(input.token, "SURVEY_RESPONSE");
  if (!link) throw new DomainError("conflict", "signing.errors.linkInvalid");
  const response = await loadLinkedResponse(link.targetId, link.siteId);
  if (!response || response.submittedAt) throw new DomainError("conflict", "signing.errors.linkInvalid");
  if (response.round.state !== "OPEN") throw new DomainError("conflict", "surveys.errors.roundClosed");
  await checkAnswers(response.round.questionnaireId, input.answers);
  return db.$transaction(async (tx) => {
    const now = new Date();
    await consumeSigningLink(tx, link.id, now);
    return writeResponse(tx, {
      round: response.round,
      tenant: { id: response.tenant.id, building: response.building },
      channel: "LINK",
      answers: input.answers,
      opinion: input.opinion ?? null,
      respondentName: input.respondentName ?? null,
      actorId: null,
      now,
      audit: { signingLinkId: link.id },
    });
  });
}
