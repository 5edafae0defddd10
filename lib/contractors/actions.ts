"use server";

import { runMutation } from "@/lib/action";
import { submitCanteenCheck, submitWeeklyDoc } from "./canteen.mutations";
import { recordTraining, recordViolation, recordViolationResponse } from "./conduct.mutations";
import { createContractor, createContractorStaff, recordHealthCertificate, updateContractor, updateContractorStaff } from "./mutations";

export async function createContractorAction(input: unknown) {
  return runMutation(createContractor, input);
}

export async function updateContractorAction(input: unknown) {
  return runMutation(updateContractor, input);
}

export async function createContractorStaffAction(input: unknown) {
  return runMutation(createContractorStaff, input);
}

export async function updateContractorStaffAction(input: unknown) {
  return runMutation(updateContractorStaff, input);
}

export async function recordHealthCertificateAction(input: unknown) {
  return runMutation(recordHealthCertificate, input);
}

export async function submitCanteenCheckAction(input: unknown) {
  return runMutation(submitCanteenCheck, input);
}

export async function submitWeeklyDocAction(input: unknown) {
  return runMutation(submitWeeklyDoc, input);
}

export async function recordTrainingAction(input: unknown) {
  return runMutation(recordTraining, input);
}

export async function recordViolationAction(input: unknown) {
  return runMutation(recordViolation, input);
}

export async function recordViolationResponseAction(input: unknown) {
  return runMutation(recordViolationResponse, input);
}
