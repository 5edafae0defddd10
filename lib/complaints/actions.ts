"use server";

import { runMutation } from "@/lib/action";
import { closeComplaint, createComplaint, recordRectification, startRectification } from "./mutations";
import { createRevisitSigningLink, recordRevisit } from "./revisit.mutations";

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

export async function createRevisitSigningLinkAction(input: unknown) {
  return runMutation(createRevisitSigningLink, input);
}
