"use server";

import { runMutation } from "@/lib/action";
import { releaseGoodsPass } from "./gate";

export async function releaseGoodsPassAction(input: unknown) {
  return runMutation(releaseGoodsPass, input);
}
