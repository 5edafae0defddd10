import { z } from "zod";
import { CanteenCheckItem, CanteenDocKind, CheckResult, ContractorKind, ContractorViolationKind } from "@/lib/generated/prisma/enums";
import { requestIdField } from "@/lib/request-id-schema";
import { id, localDate, optionalTrimmed, phone, trimmed, version } from "@/lib/validation";
import { DISH_MINIMUMS, MONEY_PATTERN, type DishCountField } from "./rules";

import { CANTEEN_ITEMS, MAX_PHOTOS } from "./options";

export { CANTEEN_DOC_KINDS, CANTEEN_ITEMS, CONTRACTOR_KINDS, MAX_PHOTOS, VIOLATION_KINDS } from "./options";

const optionalPhone = () =>
  z
    .union([z.literal(""), phone()])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
const photos = () => z.array(id()).max(MAX_PHOTOS).default([]);

// ---------------------------------------------------------------------------------------------
// Contractors and their staff (§10.1, §11)
// ---------------------------------------------------------------------------------------------

const contractorFields = {
  name: trimmed(60),
  contractStart: localDate(),
  contractEnd: localDate(),
  contactName: trimmed(50),
  contactPhone: phone(),
};
const contractEndAfterStart = <T extends { contractStart: string; contractEnd: string }>(v: T) => v.contractEnd >= v.contractStart;
const contractEndMessage = { message: "contractors.errors.contractEnd", path: ["contractEnd"] };

/** The cleaning company or the catering company of a site, with its contract period and contact. */
export const CreateContractorSchema = z
  .strictObject({ siteId: id(), kind: z.enum(ContractorKind), ...contractorFields })
  .refine(contractEndAfterStart, contractEndMessage);
export type CreateContractorInput = z.input<typeof CreateContractorSchema>;

export const UpdateContractorSchema = z
  .strictObject({ id: id(), version: version(), ...contractorFields, active: z.boolean() })
  .refine(contractEndAfterStart, contractEndMessage);
export type UpdateContractorInput = z.input<typeof UpdateContractorSchema>;

const staffFields = {
  name: trimmed(50),
  post: trimmed(30),
  workArea: optionalTrimmed(60),
  workingHours: optionalTrimmed(30),
  badgeNo: optionalTrimmed(30),
  phone: optionalPhone(),
};

/** An employee of a contractor, without an account: kept on the cleaner register (lib/vacant-units). */
export const CreateStaffSchema = z.strictObject({ contractorId: id(), ...staffFields });
export type CreateStaffInput = z.input<typeof CreateStaffSchema>;
export const UpdateStaffSchema = z.strictObject({ id: id(), version: version(), ...staffFields, active: z.boolean() });
export type UpdateStaffInput = z.input<typeof UpdateStaffSchema>;

/** 健康证 (§11.3(4)): number, issue date, expiry (not before the issue date), photo. */
export const RecordCertificateSchema = z
  .strictObject({
    requestId: requestIdField(),
    staffId: id(),
    number: trimmed(40),
    issuedOn: localDate(),
    expiresOn: localDate(),
    photoFileIds: z.array(id()).max(2).default([]),
  })
  .refine((v) => v.expiresOn >= v.issuedOn, { message: "contractors.errors.expiryBeforeIssue", path: ["expiresOn"] });
export type RecordCertificateInput = z.input<typeof RecordCertificateSchema>;

// ---------------------------------------------------------------------------------------------
// The canteen (§11, R-CAT-1)
// ---------------------------------------------------------------------------------------------

/**
 * A dish count: a whole number from 0. The form sends text, an API caller may send a number; anything
 * else (negative, fractional, letters) is refused with the same Chinese message.
 */
const dishCount = () =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ message: "contractors.errors.dishCount" })
      .int({ message: "contractors.errors.dishCount" })
      .min(0, { message: "contractors.errors.dishCount" })
      .max(99, { message: "contractors.errors.dishCount" }),
  );

export const CanteenResultSchema = z
  .strictObject({
    item: z.enum(CanteenCheckItem),
    result: z.enum(CheckResult),
    note: optionalTrimmed(500),
    photoFileIds: photos(),
  })
  .refine((c) => c.result === "PASS" || !!c.note, { message: "contractors.errors.noteRequired", path: ["note"] });

const dishCountFields = Object.fromEntries(Object.keys(DISH_MINIMUMS).map((k) => [k, dishCount()])) as Record<
  DishCountField,
  ReturnType<typeof dishCount>
>;

/**
 * The coordination supervisor's daily check (R-CAT-1). Any failure (an item or a short count) needs its
 * handling (§11.4(1)): corrected the same day (what was done), or escalated as a major problem with what
 * was fed back to the catering company.
 */
export const SubmitCanteenCheckSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    ...dishCountFields,
    results: z
      .array(CanteenResultSchema)
      .length(CANTEEN_ITEMS.length)
      .refine((list) => CANTEEN_ITEMS.every((item, i) => list[i]?.item === item), { message: "contractors.errors.checks" }),
    resolution: z.enum(["NONE", "CORRECTED", "ESCALATED"]),
    resolutionNote: optionalTrimmed(500),
    cateringFeedback: optionalTrimmed(500),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === "CORRECTED" && !v.resolutionNote)
      ctx.addIssue({ code: "custom", message: "contractors.errors.resolutionNote", path: ["resolutionNote"] });
    if (v.resolution === "ESCALATED" && !v.cateringFeedback)
      ctx.addIssue({ code: "custom", message: "contractors.errors.cateringFeedback", path: ["cateringFeedback"] });
  });
export type SubmitCanteenCheckInput = z.input<typeof SubmitCanteenCheckSchema>;

/** The weekly menu (§11.1(3)) or the weekly summary with next week's points (§11.4(5)): typed, photographed, or both. */
export const SubmitWeeklyDocSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    kind: z.enum(CanteenDocKind),
    weekStart: localDate(),
    text: optionalTrimmed(4000),
    photoFileIds: photos(),
  })
  .refine((v) => !!v.text || v.photoFileIds.length > 0, { message: "contractors.errors.docEmpty", path: ["text"] });
export type SubmitWeeklyDocInput = z.input<typeof SubmitWeeklyDocSchema>;

// ---------------------------------------------------------------------------------------------
// Training (§10 last item, §11.4(4)) and conduct (§6, §7)
// ---------------------------------------------------------------------------------------------

export const RecordTrainingSchema = z.strictObject({
  requestId: requestIdField(),
  contractorId: id(),
  heldOn: localDate(),
  trainer: trimmed(50),
  content: trimmed(2000),
  attendeeIds: z.array(id()).min(1, { message: "contractors.errors.attendees" }).max(200),
});
export type RecordTrainingInput = z.input<typeof RecordTrainingSchema>;

/** §6.7 照价赔偿: an amount in yuan, exact to the fen, as text (never a float). */
const money = () =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || MONEY_PATTERN.test(v), { message: "contractors.errors.amount" })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const RecordViolationSchema = z
  .strictObject({
    requestId: requestIdField(),
    contractorId: id(),
    staffId: z
      .union([z.literal(""), id()])
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    kind: z.enum(ContractorViolationKind),
    occurredOn: localDate(),
    description: trimmed(1000),
    chargeAmount: money(),
    photoFileIds: photos(),
  })
  .refine((v) => v.kind !== "TOOLS_LOST_OR_DAMAGED" || !!v.chargeAmount, {
    message: "contractors.errors.amountRequired",
    path: ["chargeAmount"],
  });
export type RecordViolationInput = z.input<typeof RecordViolationSchema>;

export const RecordViolationResponseSchema = z.strictObject({ violationId: id(), response: trimmed(1000) });
export type RecordViolationResponseInput = z.input<typeof RecordViolationResponseSchema>;
