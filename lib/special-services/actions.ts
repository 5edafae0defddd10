"use server";

import { runMutation } from "@/lib/action";
import { createSpecialService, updateServiceSettings, updateSpecialService } from "./catalogue.mutations";
import { cancelServiceOrder, createServiceOrder, recordNoticeDelivery, recordServiceDone, recordServiceRevisit } from "./mutations";

export async function createSpecialServiceAction(input: unknown) {
  return runMutation(createSpecialService, input);
}

export async function updateSpecialServiceAction(input: unknown) {
  return runMutation(updateSpecialService, input);
}

export async function updateServiceSettingsAction(input: unknown) {
  return runMutation(updateServiceSettings, input);
}

export async function createServiceOrderAction(input: unknown) {
  return runMutation(createServiceOrder, input);
}

export async function cancelServiceOrderAction(input: unknown) {
  return runMutation(cancelServiceOrder, input);
}

export async function recordServiceDoneAction(input: unknown) {
  return runMutation(recordServiceDone, input);
}

export async function recordNoticeDeliveryAction(input: unknown) {
  return runMutation(recordNoticeDelivery, input);
}

export async function recordServiceRevisitAction(input: unknown) {
  return runMutation(recordServiceRevisit, input);
}
