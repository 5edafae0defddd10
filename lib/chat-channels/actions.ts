"use server";

import { runMutation } from "@/lib/action";
import { createChatChannel, deleteChatChannel, sendTestChatMessage, updateChatChannel } from "./mutations";

export async function createChatChannelAction(input: unknown) {
  return runMutation(createChatChannel, input);
}

export async function updateChatChannelAction(input: unknown) {
  return runMutation(updateChatChannel, input);
}

export async function deleteChatChannelAction(input: unknown) {
  return runMutation(deleteChatChannel, input);
}

export async function sendTestChatMessageAction(input: unknown) {
  return runMutation(sendTestChatMessage, input);
}
