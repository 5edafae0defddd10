"use server";

import { runMutation } from "@/lib/action";
import { releaseGoodsPass } from "./gate.queries";

export async function releaseGoodsPassAction(input: unknown) {
  return runMutation(releaseGoodsPass, input);
}
