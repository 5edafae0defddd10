"use server";

import { runMutation } from "@/lib/action";
import { changeOwnPassword } from "./mutations";

export async function changeOwnPasswordAction(input: unknown) {
  return runMutation(changeOwnPassword, input);
}
