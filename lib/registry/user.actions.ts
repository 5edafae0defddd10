"use server";

import { runMutation } from "@/lib/action";
import { createUser, resetUserPassword, updateUser } from "./user.mutations";

export async function createUserAction(input: unknown) {
  return runMutation(createUser, input);
}

export async function updateUserAction(input: unknown) {
  return runMutation(updateUser, input);
}

export async function resetUserPasswordAction(input: unknown) {
  return runMutation(resetUserPassword, input);
}
