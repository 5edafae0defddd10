"use server";

import { runMutation } from "@/lib/action";
import { createSite, updateSite } from "./site.mutations";

export async function createSiteAction(input: unknown) {
  return runMutation(createSite, input);
}

export async function updateSiteAction(input: unknown) {
  return runMutation(updateSite, input);
}
