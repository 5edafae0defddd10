import { z } from "zod";
import { RevisitMethod, Satisfaction } from "@/lib/generated/prisma/enums";
import { requestIdField } from "@/lib/request-id-schema";
import { id, localDate, optionalTrimmed, trimmed } from "@/lib/validation";
import { SCORE_MAX, SCORE_MIN } from "./rules";

export const MAX_QUESTIONS = 20;
export const SURVEY_ITEM_STATES = ["SUMMARISED", "DELIVERED", "ANSWERED", "RECTIFIED", "REVISITED"] as const;

/** Saving the questionnaire makes a new version (rounds already opened keep theirs). */
export const SaveQuestionnaireSchema = z.strictObject({
  questions: z
    .array(z.strictObject({ label: trimmed(200) }))
    .min(1)
    .max(MAX_QUESTIONS)
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.label)) ctx.addIssue({ code: "custom", path: [i, "label"], message: "surveys.errors.duplicateQuestion" });
        seen.add(q.label);
      });
    }),
});

/** A round of one site and period (usually half a year), with the current questionnaire. */
export const OpenRoundSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    title: trimmed(100),
    periodStart: localDate(),
    periodEnd: localDate(),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { message: "surveys.errors.periodOrder", path: ["periodEnd"] });

export const CloseRoundSchema = z.strictObject({ roundId: id() });

/** R-SUR: each scored question 1–5, refused with its own message out of range or not a whole number. */
const score = z.coerce
  .number({ message: "surveys.errors.score" })
  .int({ message: "surveys.errors.score" })
  .min(SCORE_MIN, { message: "surveys.errors.score" })
  .max(SCORE_MAX, { message: "surveys.errors.score" });

export const answersField = () =>
  z
    .array(z.strictObject({ questionId: id(), score }))
    .min(1)
    .max(MAX_QUESTIONS);

/** Staff enter a tenant's paper questionnaire. */
export const RecordResponseSchema = z.strictObject({
  roundId: id(),
  tenantId: id(),
  respondentName: optionalTrimmed(50),
  answers: answersField(),
  opinion: optionalTrimmed(1000),
});

/** The tenant's own answers through the one-time link: the token is the only authority. */
export const SubmitLinkResponseSchema = z.strictObject({
  token: z.string().trim().min(1).max(100),
  respondentName: optionalTrimmed(50),
  answers: answersField(),
  opinion: optionalTrimmed(1000),
});

/** A one-time link for one tenant's questionnaire. */
export const CreateResponseLinkSchema = z.strictObject({ requestId: requestIdField(), roundId: id(), tenantId: id() });

/** 汇总 (R-SUR-1): one opinion of one response, summarised, to one responsible department. */
export const SummariseOpinionSchema = z.strictObject({
  requestId: requestIdField(),
  responseId: id(),
  departmentId: id(),
  summary: trimmed(1000),
});

/** R-SUR-1: handed to the department (who received it). */
export const DeliverOpinionSchema = z.strictObject({ itemId: id(), deliveredTo: trimmed(50) });

/** R-SUR-2: the department's written rectification measures. */
export const RecordAnswerSchema = z.strictObject({ itemId: id(), measures: trimmed(2000) });

/** The department reports the rectification done (R-SUR-3 counts from here). */
export const RecordRectificationSchema = z.strictObject({ itemId: id(), note: optionalTrimmed(1000) });

/** 《回访记录表》 (R-SUR-3, as R-CMP-4): signed on the spot at a visit, or later through a signing link. */
export const RecordSurveyRevisitSchema = z
  .strictObject({
    itemId: id(),
    method: z.enum(RevisitMethod),
    satisfaction: z.enum(Satisfaction),
    clientName: trimmed(50),
    comments: optionalTrimmed(1000),
    signatureFileId: optionalTrimmed(50),
  })
  .refine((v) => v.method !== "VISIT" || !!v.signatureFileId, {
    message: "complaints.errors.signatureRequired",
    path: ["signatureFileId"],
  });

export const CreateSurveyRevisitLinkSchema = z.strictObject({ requestId: requestIdField(), itemId: id() });
