"use server";

import { runMutation } from "@/lib/action";
import { closeRound, openRound, saveQuestionnaire } from "./mutations";
import { deliverOpinion, recordAnswer, recordRectification, summariseOpinion } from "./opinion.mutations";
import { createResponseLink, recordResponse } from "./response.mutations";
import { createSurveyRevisitLink, recordSurveyRevisit } from "./revisit.mutations";

export async function saveSurveyQuestionnaireAction(input: unknown) {
  return runMutation(saveQuestionnaire, input);
}

export async function openSurveyRoundAction(input: unknown) {
  return runMutation(openRound, input);
}

export async function closeSurveyRoundAction(input: unknown) {
  return runMutation(closeRound, input);
}

export async function recordSurveyResponseAction(input: unknown) {
  return runMutation(recordResponse, input);
}

export async function createSurveyResponseLinkAction(input: unknown) {
  return runMutation(createResponseLink, input);
}

export async function summariseSurveyOpinionAction(input: unknown) {
  return runMutation(summariseOpinion, input);
}

export async function deliverSurveyOpinionAction(input: unknown) {
  return runMutation(deliverOpinion, input);
}

export async function recordSurveyAnswerAction(input: unknown) {
  return runMutation(recordAnswer, input);
}

export async function recordSurveyRectificationAction(input: unknown) {
  return runMutation(recordRectification, input);
}

export async function recordSurveyRevisitAction(input: unknown) {
  return runMutation(recordSurveyRevisit, input);
}

export async function createSurveyRevisitSigningLinkAction(input: unknown) {
  return runMutation(createSurveyRevisitLink, input);
}
