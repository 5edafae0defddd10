"use server";

import { runMutation } from "@/lib/action";
import { releaseGoodsPass } from "./gate.mutations";
import { createGoodsPass } from "./mutations";
import { approveGoodsPass, rejectGoodsPass } from "./stamp.mutations";

export async function createGoodsPassAction(input: unknown) {
  return runMutation(createGoodsPass, input);
}

export async function approveGoodsPassAction(input: unknown) {
  return runMutation(approveGoodsPass, input);
}

export async function rejectGoodsPassAction(input: unknown) {
  return runMutation(rejectGoodsPass, input);
}

export async function releaseGoodsPassAction(input: unknown) {
  return runMutation(releaseGoodsPass, input);
}
