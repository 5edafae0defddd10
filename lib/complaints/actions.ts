"use server";

import { runMutation } from "@/lib/action";
import { closeComplaint, createComplaint, recordRectification, recordRevisit, startRectification } from "./mutations";

export async function createComplaintAction(input: unknown) {
  return runMutation(createComplaint, input);
}

export async function startRectificationAction(input: unknown) {
  return runMutation(startRectification, input);
}

export async function recordRectificationAction(input: unknown) {
  return runMutation(recordRectification, input);
}

export async function recordRevisitAction(input: unknown) {
  return runMutation(recordRevisit, input);
}

export async function closeComplaintAction(input: unknown) {
  return runMutation(closeComplaint, input);
}
