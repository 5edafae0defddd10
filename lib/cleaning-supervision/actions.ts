"use server";

import { runMutation } from "@/lib/action";
import { readCleaningReport, recordCleaningOpinion, recordCleaningStep, reportCleaningDamage, sendCleaningReport } from "./day.mutations";
import { instructCleaningMonthlyReport, submitCleaningMonthlyReport, submitCleaningPlan } from "./plans.mutations";

// The supervisor's day (cleaning:record): R-CLN-1 steps, §10.6 opinions, §10.9 damage, §10.7 the report.
export async function recordCleaningStepAction(input: unknown) {
  return runMutation(recordCleaningStep, input);
}
export async function recordCleaningOpinionAction(input: unknown) {
  return runMutation(recordCleaningOpinion, input);
}
export async function reportCleaningDamageAction(input: unknown) {
  return runMutation(reportCleaningDamage, input);
}
export async function sendCleaningReportAction(input: unknown) {
  return runMutation(sendCleaningReport, input);
}

// The manager (cleaning:review): reads the daily report, writes the monthly instruction.
export async function readCleaningReportAction(input: unknown) {
  return runMutation(readCleaningReport, input);
}
export async function instructCleaningMonthlyReportAction(input: unknown) {
  return runMutation(instructCleaningMonthlyReport, input);
}

// Weekly and monthly (§10.11–13).
export async function submitCleaningPlanAction(input: unknown) {
  return runMutation(submitCleaningPlan, input);
}
export async function submitCleaningMonthlyReportAction(input: unknown) {
  return runMutation(submitCleaningMonthlyReport, input);
}
