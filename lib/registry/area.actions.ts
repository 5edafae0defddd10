"use server";

import { runMutation } from "@/lib/action";
import { createArea, updateArea } from "./area.mutations";

export async function createAreaAction(input: unknown) {
  return runMutation(createArea, input);
}

export async function updateAreaAction(input: unknown) {
  return runMutation(updateArea, input);
}
