"use server";

import { runMutation } from "@/lib/action";
import { markNotificationsRead, runRemindersNow } from "./mutations";

export async function markNotificationsReadAction(input: unknown) {
  return runMutation(markNotificationsRead, input);
}

export async function runRemindersAction(input: unknown) {
  return runMutation(runRemindersNow, input);
}
