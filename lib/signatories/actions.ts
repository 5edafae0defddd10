"use server";

import { runMutation } from "@/lib/action";
import { createSignatory, revokeSignatory } from "./mutations";

export async function createSignatoryAction(input: unknown) {
  return runMutation(createSignatory, input);
}

export async function revokeSignatoryAction(input: unknown) {
  return runMutation(revokeSignatory, input);
}
