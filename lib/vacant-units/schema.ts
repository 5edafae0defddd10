import { z } from "zod";
import { id, localDate, optionalTrimmed, phone, trimmed, version } from "@/lib/validation";
import { requestIdField } from "@/lib/request-id-schema";
import { madeAtField } from "@/lib/offline/rules";
import { CheckResult, VacantCheckItem } from "@/lib/generated/prisma/enums";

/** R-VAC-2 (§8.4.1–8.4.4): the four checks of the standard, in the order of the paper form. */
export const CHECK_ITEMS = Object.values(VacantCheckItem);
export const CHECK_RESULTS = Object.values(CheckResult);
export const MAX_PHOTOS = 4;

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "vacant.errors.month" });

/** One check: a failure needs a note saying what is wrong (and may carry photos). */
export const CleaningCheckSchema = z
  .strictObject({
    item: z.enum(VacantCheckItem),
    result: z.enum(CheckResult),
    note: optionalTrimmed(500),
    photoFileIds: z.array(id()).max(MAX_PHOTOS).default([]),
  })
  .refine((c) => c.result === "PASS" || !!c.note, { message: "vacant.errors.noteRequired", path: ["note"] });

const checks = () =>
  z
    .array(CleaningCheckSchema)
    .length(CHECK_ITEMS.length)
    .refine((list) => CHECK_ITEMS.every((item, i) => list[i]?.item === item), { message: "vacant.errors.checks" });

/**
 * 《空置单元清洁记录表》 entered by client-service staff for the cleaner (R-VAC-3). `requestId` is made
 * once by the form, so a double tap or a retried request records the cleaning once.
 */
export const SubmitCleaningSchema = z.strictObject({
  requestId: requestIdField(),
  unitId: id(),
  month: month(),
  cleanedOn: localDate(),
  cleanerId: id(),
  substituteReason: optionalTrimmed(200),
  checks: checks(),
  /** Set only by the phone's offline queue: when the record was made (lib/offline/rules.ts). */
  madeAt: madeAtField(),
});
export type SubmitCleaningInput = z.input<typeof SubmitCleaningSchema>;

/** A record sent back, corrected and submitted again (R-VAC-3). */
export const ResubmitCleaningSchema = z.strictObject({
  recordId: id(),
  cleanedOn: localDate(),
  cleanerId: id(),
  substituteReason: optionalTrimmed(200),
  checks: checks(),
});
export type ResubmitCleaningInput = z.input<typeof ResubmitCleaningSchema>;

export const VerifyCleaningSchema = z.strictObject({ recordId: id() });
export const SendBackCleaningSchema = z.strictObject({ recordId: id(), reason: trimmed(500) });
export type SendBackCleaningInput = z.input<typeof SendBackCleaningSchema>;

const cleanerFields = {
  name: trimmed(50),
  company: optionalTrimmed(60),
  phone: z
    .union([z.literal(""), phone()])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
};

/** A cleaner, often a contractor's employee without an account (R-VAC-1). */
export const CreateCleanerSchema = z.strictObject({ siteId: id(), ...cleanerFields });
export type CreateCleanerInput = z.input<typeof CreateCleanerSchema>;
export const UpdateCleanerSchema = z.strictObject({ id: id(), version: version(), ...cleanerFields, active: z.boolean() });
export type UpdateCleanerInput = z.input<typeof UpdateCleanerSchema>;

/** R-VAC-1: the dedicated cleaner (专人) of a vacant unit; empty clears it. */
export const AssignCleanerSchema = z.strictObject({
  unitId: id(),
  cleanerId: z
    .union([z.literal(""), id()])
    .transform((v) => (v === "" ? null : v))
    .nullable(),
});
export type AssignCleanerInput = z.input<typeof AssignCleanerSchema>;

/**
 * The cleaner register also holds the contractors' staff (lib/contractors): only cleaners — of no
 * company or of the cleaning company — clean vacant units, never the catering company's staff.
 */
export const CLEANING_SIDE = { OR: [{ contractorId: null }, { contractor: { kind: "CLEANING" as const } }] };
