"use server";

import { runMutation } from "@/lib/action";
import { markWorkOrderFixed, sendBackWorkOrder, verifyWorkOrder, workOrderToComplaint } from "./mutations";

export async function markWorkOrderFixedAction(input: unknown) {
  return runMutation(markWorkOrderFixed, input);
}

export async function verifyWorkOrderAction(input: unknown) {
  return runMutation(verifyWorkOrder, input);
}

export async function sendBackWorkOrderAction(input: unknown) {
  return runMutation(sendBackWorkOrder, input);
}

export async function workOrderToComplaintAction(input: unknown) {
  return runMutation(workOrderToComplaint, input);
}
