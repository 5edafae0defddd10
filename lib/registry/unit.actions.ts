"use server";

import { runMutation } from "@/lib/action";
import { createUnit, updateUnit } from "./unit.mutations";

export async function createUnitAction(input: unknown) {
  return runMutation(createUnit, input);
}

export async function updateUnitAction(input: unknown) {
  return runMutation(updateUnit, input);
}
