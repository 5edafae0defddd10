import { z } from "zod";
import { isValidLocalDate } from "@/lib/calendar/local-date";
import { WasteResponsible, WasteStream, WasteUnit } from "@/lib/generated/prisma/enums";
import { requestIdField } from "@/lib/request-id-schema";
import { id, optionalTrimmed, version } from "@/lib/validation";
import { MAX_CLEARANCE_DAYS, MIN_CLEARANCE_DAYS } from "./rules";

export const WASTE_STREAMS = Object.values(WasteStream);
export const WASTE_RESPONSIBLES = Object.values(WasteResponsible);
export const WASTE_UNITS = Object.values(WasteUnit);
export const MAX_QUANTITY = 100_000;

const text = (max: number, message: string) => z.string({ message }).trim().min(1, { message }).max(max);

/** A sorting and collection point (§12.1). */
export const CreateWastePointSchema = z.strictObject({
  siteId: id(),
  name: text(60, "waste.errors.pointNameRequired"),
  location: optionalTrimmed(100),
});
export type CreateWastePointInput = z.input<typeof CreateWastePointSchema>;

export const UpdateWastePointSchema = z.strictObject({
  id: id(),
  version: version(),
  name: text(60, "waste.errors.pointNameRequired"),
  location: optionalTrimmed(100),
  active: z.boolean(),
});
export type UpdateWastePointInput = z.input<typeof UpdateWastePointSchema>;

/** A dedicated container of one stream at a point (§12.1–12.2, e.g. the battery box in the lobby). */
export const CreateWasteContainerSchema = z.strictObject({
  pointId: id(),
  stream: z.enum(WasteStream, { message: "waste.errors.streamRequired" }),
  label: text(60, "waste.errors.containerLabelRequired"),
});
export type CreateWasteContainerInput = z.input<typeof CreateWasteContainerSchema>;

export const RetireWasteContainerSchema = z.strictObject({ containerId: id() });

/** R-WST-1: who answers for a stream at a site and within how many days it is cleared. */
export const SaveWasteStreamSchema = z.strictObject({
  siteId: id(),
  stream: z.enum(WasteStream, { message: "waste.errors.streamRequired" }),
  version: version(),
  responsible: z.enum(WasteResponsible, { message: "waste.errors.responsibleRequired" }),
  responsibleName: optionalTrimmed(50),
  clearanceDays: z.coerce
    .number({ message: "waste.errors.clearanceDays" })
    .int({ message: "waste.errors.clearanceDays" })
    .min(MIN_CLEARANCE_DAYS, { message: "waste.errors.clearanceDays" })
    .max(MAX_CLEARANCE_DAYS, { message: "waste.errors.clearanceDays" }),
});
export type SaveWasteStreamInput = z.input<typeof SaveWasteStreamSchema>;

/** One clearance of a stream (清运 / 回收): the day, the quantity with its unit, who took it, the receipt. */
export const RecordWasteClearanceSchema = z.strictObject({
  requestId: requestIdField(),
  siteId: id(),
  stream: z.enum(WasteStream, { message: "waste.errors.streamRequired" }),
  clearedOn: z.string().trim().refine(isValidLocalDate, { message: "waste.errors.clearedOnInvalid" }),
  quantity: z.coerce
    .number({ message: "waste.errors.quantityInvalid" })
    .refine((v) => Number.isFinite(v), { message: "waste.errors.quantityInvalid" })
    .refine((v) => v > 0, { message: "waste.errors.quantityPositive" })
    .refine((v) => v <= MAX_QUANTITY, { message: "waste.errors.quantityTooLarge" })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: "waste.errors.quantityDecimals" }),
  unit: z.enum(WasteUnit, { message: "waste.errors.unitRequired" }),
  takenBy: text(60, "waste.errors.takenByRequired"),
  receiptFileId: z
    .union([z.literal(""), id()])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  note: optionalTrimmed(300),
});
export type RecordWasteClearanceInput = z.input<typeof RecordWasteClearanceSchema>;
