"use server";

import { runMutation } from "@/lib/action";
import { approveGoodsPass, rejectGoodsPass } from "./stamp.mutations";

export async function approveGoodsPassAction(input: unknown) {
  return runMutation(approveGoodsPass, input);
}

export async function rejectGoodsPassAction(input: unknown) {
  return runMutation(rejectGoodsPass, input);
}
