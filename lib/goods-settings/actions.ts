"use server";

import { runMutation } from "@/lib/action";
import { saveHazardTerms, saveLoadingRoute } from "./mutations";

export async function saveHazardTermsAction(input: unknown) {
  return runMutation(saveHazardTerms, input);
}

export async function saveLoadingRouteAction(input: unknown) {
  return runMutation(saveLoadingRoute, input);
}
