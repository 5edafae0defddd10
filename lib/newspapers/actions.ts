"use server";

import { runMutation } from "@/lib/action";
import { createNewspaperSubscription, createNewspaperTitle, updateNewspaperSubscription, updateNewspaperTitle } from "./catalog.mutations";
import { closeNewspaperDay, handOverNewspapers, receiveNewspapers } from "./day.mutations";
import { deliverNewspaper, holdNewspaper, pickUpNewspaper } from "./deliveries.mutations";

// Titles and subscriptions (newspaper:manage).
export async function createNewspaperTitleAction(input: unknown) {
  return runMutation(createNewspaperTitle, input);
}
export async function updateNewspaperTitleAction(input: unknown) {
  return runMutation(updateNewspaperTitle, input);
}
export async function createNewspaperSubscriptionAction(input: unknown) {
  return runMutation(createNewspaperSubscription, input);
}
export async function updateNewspaperSubscriptionAction(input: unknown) {
  return runMutation(updateNewspaperSubscription, input);
}

// The day at the front desk (newspaper:log): R-NEWS-1 receipt, R-NEWS-2 hand-over, R-NEWS-3 deliveries, close.
export async function receiveNewspapersAction(input: unknown) {
  return runMutation(receiveNewspapers, input);
}
export async function handOverNewspapersAction(input: unknown) {
  return runMutation(handOverNewspapers, input);
}
export async function deliverNewspaperAction(input: unknown) {
  return runMutation(deliverNewspaper, input);
}
export async function holdNewspaperAction(input: unknown) {
  return runMutation(holdNewspaper, input);
}
export async function pickUpNewspaperAction(input: unknown) {
  return runMutation(pickUpNewspaper, input);
}
export async function closeNewspaperDayAction(input: unknown) {
  return runMutation(closeNewspaperDay, input);
}
