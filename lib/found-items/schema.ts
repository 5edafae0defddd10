import { z } from "zod";
import { IdDocumentType } from "@/lib/generated/prisma/enums";
import { isValidLocalDate } from "@/lib/calendar/local-date";
import { requestIdField } from "@/lib/request-id-schema";
import { hhmm, id, optionalTrimmed, version } from "@/lib/validation";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "./rules";

export const ID_DOCUMENT_TYPES = Object.values(IdDocumentType);
export const FOUND_ITEM_STATES = ["REGISTERED", "CLAIMED", "DISPOSED"] as const;
/** The list's filters: a state, or "due" = registered and kept past its period. */
export const FOUND_ITEM_FILTERS = [...FOUND_ITEM_STATES, "DUE"] as const;
export const MAX_PHOTOS = 4;

const text = (max: number, message: string) => z.string({ message }).trim().min(1, { message }).max(max);

/**
 * R-LOST-1 (§7.8): an item the garbage-room staff handed in. The finder is free text (contractor staff
 * have no accounts); the found time is the site's wall-clock date and time, turned into an instant in
 * the site's zone by the server (R-CAL-2).
 */
export const RegisterFoundItemSchema = z.strictObject({
  requestId: requestIdField(),
  siteId: id(),
  description: text(200, "foundItems.errors.descriptionRequired"),
  foundPlace: text(100, "foundItems.errors.foundPlaceRequired"),
  foundOn: z.string().trim().refine(isValidLocalDate, { message: "foundItems.errors.foundOnInvalid" }),
  foundTime: hhmm(),
  foundByName: text(50, "foundItems.errors.foundByRequired"),
  keptAt: text(100, "foundItems.errors.keptAtRequired"),
  photoFileIds: z.array(id()).max(MAX_PHOTOS).default([]),
});
export type RegisterFoundItemInput = z.input<typeof RegisterFoundItemSchema>;

/**
 * The owner's claim: identity checked on a document of which only the type and the last four
 * characters are written down (no full ID number is stored, §1.9), and the owner's signature drawn on
 * the screen. Without a signature nothing is released.
 */
export const ClaimFoundItemSchema = z.strictObject({
  itemId: id(),
  claimantName: text(50, "foundItems.errors.claimantRequired"),
  idType: z.enum(IdDocumentType, { message: "foundItems.errors.idTypeRequired" }),
  idLast4: z
    .string({ message: "foundItems.errors.idLast4" })
    .trim()
    .regex(/^[0-9A-Za-z]{4}$/, { message: "foundItems.errors.idLast4" })
    .transform((v) => v.toUpperCase()),
  signatureFileId: z
    .string({ message: "foundItems.errors.signatureRequired" })
    .trim()
    .min(1, { message: "foundItems.errors.signatureRequired" })
    .max(50),
});
export type ClaimFoundItemInput = z.input<typeof ClaimFoundItemSchema>;

/** An unclaimed item disposed of after its keeping period, before a witness (R-LOST-1). */
export const DisposeFoundItemSchema = z.strictObject({
  itemId: id(),
  method: text(100, "foundItems.errors.methodRequired"),
  witnessName: text(50, "foundItems.errors.witnessRequired"),
  note: optionalTrimmed(300),
});
export type DisposeFoundItemInput = z.input<typeof DisposeFoundItemSchema>;

/** The site's keeping period in days; `version` of the setting the form was loaded with (0 when none yet). */
export const FoundItemSettingsSchema = z.strictObject({
  siteId: id(),
  version: version(),
  retentionDays: z.coerce
    .number({ message: "foundItems.errors.retentionDays" })
    .int({ message: "foundItems.errors.retentionDays" })
    .min(MIN_RETENTION_DAYS, { message: "foundItems.errors.retentionDays" })
    .max(MAX_RETENTION_DAYS, { message: "foundItems.errors.retentionDays" }),
});
export type FoundItemSettingsInput = z.input<typeof FoundItemSettingsSchema>;
