"use server";

import { runMutation } from "@/lib/action";
import { assignUnitCleaner, createCleaner, updateCleaner } from "./cleaner.mutations";
import { resubmitVacantCleaning, sendBackVacantCleaning, submitVacantCleaning, verifyVacantCleaning } from "./mutations";

export async function submitVacantCleaningAction(input: unknown) {
  return runMutation(submitVacantCleaning, input);
}

export async function resubmitVacantCleaningAction(input: unknown) {
  return runMutation(resubmitVacantCleaning, input);
}

export async function verifyVacantCleaningAction(input: unknown) {
  return runMutation(verifyVacantCleaning, input);
}

export async function sendBackVacantCleaningAction(input: unknown) {
  return runMutation(sendBackVacantCleaning, input);
}

export async function createCleanerAction(input: unknown) {
  return runMutation(createCleaner, input);
}

export async function updateCleanerAction(input: unknown) {
  return runMutation(updateCleaner, input);
}

export async function assignUnitCleanerAction(input: unknown) {
  return runMutation(assignUnitCleaner, input);
}
