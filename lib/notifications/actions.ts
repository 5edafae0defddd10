"use server";

import { runMutation } from "@/lib/action";
import { markNotificationsRead } from "./mutations";

export async function markNotificationsReadAction(input: unknown) {
  return runMutation(markNotificationsRead, input);
}
