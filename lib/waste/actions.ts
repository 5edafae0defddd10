"use server";

import { runMutation } from "@/lib/action";
import {
  createWasteContainer,
  createWastePoint,
  recordWasteClearance,
  retireWasteContainer,
  saveWasteStream,
  updateWastePoint,
} from "./mutations";

export async function createWastePointAction(input: unknown) {
  return runMutation(createWastePoint, input);
}

export async function updateWastePointAction(input: unknown) {
  return runMutation(updateWastePoint, input);
}

export async function createWasteContainerAction(input: unknown) {
  return runMutation(createWasteContainer, input);
}

export async function retireWasteContainerAction(input: unknown) {
  return runMutation(retireWasteContainer, input);
}

export async function saveWasteStreamAction(input: unknown) {
  return runMutation(saveWasteStream, input);
}

export async function recordWasteClearanceAction(input: unknown) {
  return runMutation(recordWasteClearance, input);
}
