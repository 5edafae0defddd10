"use server";

import { runMutation } from "@/lib/action";
import { createGoodsPass } from "./mutations";

// Registration only; approve/reject (stamp.ts) and release (gate.ts) add their actions here.
export async function createGoodsPassAction(input: unknown) {
  return runMutation(createGoodsPass, input);
}
