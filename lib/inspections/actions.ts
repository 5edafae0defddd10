"use server";

import { runMutation } from "@/lib/action";
import { submitInspection } from "./mutations";

export async function submitInspectionAction(input: unknown) {
  return runMutation(submitInspection, input);
}
