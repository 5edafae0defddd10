import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";

/** Edit actions → the model whose `version` they claim and the input field naming the record (lib/versioning.ts). */
export const EDIT_ACTIONS: Partial<Record<ActionName, { model: string; idField: string }>> = {
  updateSiteAction: { model: "site", idField: "id" },
  updateAreaAction: { model: "area", idField: "id" },
  updateUnitAction: { model: "unit", idField: "id" },
  updateTenantAction: { model: "tenant", idField: "id" },
  updateDepartmentAction: { model: "department", idField: "id" },
  updateUserAction: { model: "user", idField: "id" },
  updateNewspaperTitleAction: { model: "newspaperTitle", idField: "id" },
  updateNewspaperSubscriptionAction: { model: "newspaperSubscription", idField: "id" },
  updateCleanerAction: { model: "cleaner", idField: "id" },
  updateWastePointAction: { model: "wasteCollectionPoint", idField: "id" },
  updateSpecialServiceAction: { model: "specialService", idField: "id" },
  updateContractorAction: { model: "contractor", idField: "id" },
  updateContractorStaffAction: { model: "cleaner", idField: "id" },
};

type VersionReader = { findUnique(args: { where: { id: string }; select: { version: true } }): Promise<{ version: number } | null> };

/** The record's current version (0 for an id that names nothing). */
export async function currentVersion(model: string, id: string): Promise<number> {
  const delegate = (db as unknown as Record<string, VersionReader>)[model];
  return (await delegate.findUnique({ where: { id }, select: { version: true } }))?.version ?? 0;
}

/** The input as a form loaded just now would send it: with the record's current version for an edit action. */
export async function asLoadedNow(name: ActionName, input: unknown): Promise<unknown> {
  const edit = EDIT_ACTIONS[name];
  if (!edit || !input || typeof input !== "object") return input;
  const id = (input as Record<string, unknown>)[edit.idField];
  return { ...input, version: typeof id === "string" ? await currentVersion(edit.model, id) : 0 };
}
