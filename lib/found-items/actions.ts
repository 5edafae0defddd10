"use server";

import { runMutation } from "@/lib/action";
import { claimFoundItem, disposeFoundItem, registerFoundItem, saveFoundItemSettings } from "./mutations";

export async function registerFoundItemAction(input: unknown) {
  return runMutation(registerFoundItem, input);
}

export async function claimFoundItemAction(input: unknown) {
  return runMutation(claimFoundItem, input);
}

export async function disposeFoundItemAction(input: unknown) {
  return runMutation(disposeFoundItem, input);
}

export async function saveFoundItemSettingsAction(input: unknown) {
  return runMutation(saveFoundItemSettings, input);
}
