"use server";

import { runMutation } from "@/lib/action";
import { createDepartment, updateDepartment } from "./department.mutations";

export async function createDepartmentAction(input: unknown) {
  return runMutation(createDepartment, input);
}

export async function updateDepartmentAction(input: unknown) {
  return runMutation(updateDepartment, input);
}
