"use server";

import { runMutation } from "@/lib/action";
import { deleteCalendarOverride, saveOfficialYear, setCalendarOverride } from "./mutations";
import { previewOfficialYear } from "./official-year";

export async function setCalendarOverrideAction(input: unknown) {
  return runMutation(setCalendarOverride, input);
}

export async function deleteCalendarOverrideAction(input: unknown) {
  return runMutation(deleteCalendarOverride, input);
}

export async function saveOfficialYearAction(input: unknown) {
  return runMutation(saveOfficialYear, input);
}

export async function previewOfficialYearAction(input: unknown) {
  return runMutation(previewOfficialYear, input);
}
