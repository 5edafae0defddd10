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

type Input = Record<string, unknown>;

/** Edit actions whose version is not the record named by one id field: how a form loaded now finds it (undefined: none sent). */
export const VERSION_OF: Partial<Record<ActionName, (input: Input) => Promise<number | undefined>>> = {
  updateSeriesAction: async (i) => currentVersion("meetingSeries", i.seriesId as string),
  saveMinutesAction: async (i) => currentVersion("meeting", i.meetingId as string),
  // A participant is part of its series: the series' version guards the toggle.
  setParticipantActiveAction: async (i) => {
    const p = await db.meetingParticipant.findUnique({ where: { id: i.participantId as string }, select: { seriesId: true } });
    return p ? currentVersion("meetingSeries", p.seriesId) : 0;
  },
  // The current template's version number (0: the type has none yet).
  saveChecklistTemplateAction: async (i) =>
    (
      await db.checklistTemplate.findFirst({
        where: { areaType: i.areaType as never },
        orderBy: { version: "desc" },
        select: { version: true },
      })
    )?.version ?? 0,
  saveHazardTermsAction: async () =>
    (await db.hazardTermList.findUnique({ where: { id: "company" }, select: { version: true } }))?.version ?? 0,
  // A new route has no version; an edited one sends its own.
  saveLoadingRouteAction: async (i) => (typeof i.id === "string" && i.id ? currentVersion("loadingRoute", i.id) : undefined),
  // A site's settings row (none yet: version 0).
  updateServiceSettingsAction: async (i) =>
    (await db.specialServiceSetting.findUnique({ where: { siteId: i.siteId as string }, select: { version: true } }))?.version ?? 0,
  saveFoundItemSettingsAction: async (i) =>
    (await db.foundItemSetting.findUnique({ where: { siteId: i.siteId as string }, select: { version: true } }))?.version ?? 0,
  // The day's override, when the page showed one.
  setCalendarOverrideAction: async (i) =>
    (
      await db.calendarOverride.findUnique({
        where: { siteId_date: { siteId: i.siteId as string, date: new Date(`${i.date as string}T00:00:00Z`) } },
        select: { version: true },
      })
    )?.version,
};

/** The input as a form loaded just now would send it: with the record's current version for an edit action. */
export async function asLoadedNow(name: ActionName, input: unknown): Promise<unknown> {
  if (!input || typeof input !== "object") return input;
  const versionOf = VERSION_OF[name];
  if (versionOf) {
    const version = await versionOf(input as Input);
    return version === undefined ? input : { ...input, version };
  }
  const edit = EDIT_ACTIONS[name];
  if (!edit) return input;
  const id = (input as Input)[edit.idField];
  return { ...input, version: typeof id === "string" ? await currentVersion(edit.model, id) : 0 };
}
