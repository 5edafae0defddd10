"use server";

import { runMutation } from "@/lib/action";
import { createTenant, updateTenant } from "./tenant.mutations";

export async function createTenantAction(input: unknown) {
  return runMutation(createTenant, input);
}

export async function updateTenantAction(input: unknown) {
  return runMutation(updateTenant, input);
}
