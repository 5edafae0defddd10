"use server";

import { runMutation } from "@/lib/action";
import { addActionItem, amendMeeting, closeActionItem, updateActionItem } from "./items.mutations";
import { decideLeave, requestLeave } from "./leave.mutations";
import { confirmMeeting, recordAttendance, saveMinutes, scheduleMeeting } from "./mutations";
import { addParticipant, setParticipantActive, updateSeries } from "./series.mutations";

// Thin wrappers the meeting forms call; every rule lives in the mutation (each action is a public endpoint).
export async function scheduleMeetingAction(input: unknown) {
  return runMutation(scheduleMeeting, input);
}
export async function recordAttendanceAction(input: unknown) {
  return runMutation(recordAttendance, input);
}
export async function saveMinutesAction(input: unknown) {
  return runMutation(saveMinutes, input);
}
export async function confirmMeetingAction(input: unknown) {
  return runMutation(confirmMeeting, input);
}
export async function addActionItemAction(input: unknown) {
  return runMutation(addActionItem, input);
}
export async function updateActionItemAction(input: unknown) {
  return runMutation(updateActionItem, input);
}
export async function closeActionItemAction(input: unknown) {
  return runMutation(closeActionItem, input);
}
export async function amendMeetingAction(input: unknown) {
  return runMutation(amendMeeting, input);
}
export async function requestLeaveAction(input: unknown) {
  return runMutation(requestLeave, input);
}
export async function decideLeaveAction(input: unknown) {
  return runMutation(decideLeave, input);
}
export async function updateSeriesAction(input: unknown) {
  return runMutation(updateSeries, input);
}
export async function addParticipantAction(input: unknown) {
  return runMutation(addParticipant, input);
}
export async function setParticipantActiveAction(input: unknown) {
  return runMutation(setParticipantActive, input);
}
