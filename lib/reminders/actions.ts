"use server";

import { runMutation } from "@/lib/action";
import { runRemindersNow } from "./mutations";

export async function runRemindersAction(input: unknown) {
  return runMutation(runRemindersNow, input);
}
