"use server";

import { runMutation } from "@/lib/action";
import { saveChecklistTemplate } from "./mutations";

export async function saveChecklistTemplateAction(input: unknown) {
  return runMutation(saveChecklistTemplate, input);
}
