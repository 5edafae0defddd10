import { z } from "zod";
import { isValidLocalDate } from "@/lib/calendar/local-date";
import { id, optionalTrimmed, version } from "@/lib/validation";
import { MAX_COPIES, subscriptionRangeProblem } from "./rules";
import { requestIdField } from "@/lib/request-id-schema";
import { madeAtField } from "@/lib/offline/rules";

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 refused). */
const date = (message = "newspapers.errors.dateInvalid") => z.string().trim().refine(isValidLocalDate, { message });
const optionalDate = () =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isValidLocalDate(v), { message: "newspapers.errors.dateInvalid" })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** Whole copies, at least one: a zero or negative count is a typing mistake, not a delivery. */
const copies = (positiveKey = "newspapers.errors.copiesPositive") =>
  z.coerce
    .number({ message: "newspapers.errors.copiesInvalid" })
    .refine((v) => Number.isInteger(v), { message: "newspapers.errors.copiesInvalid" })
    .refine((v) => v >= 1, { message: positiveKey })
    .refine((v) => v <= MAX_COPIES, { message: "newspapers.errors.copiesTooLarge" });

/** A drawn signature's file id: missing or empty is refused with the step's own message. */
const signature = (message: string) => z.string({ message }).trim().min(1, { message }).max(50);
const name = (message: string) => z.string({ message }).trim().min(1, { message }).max(50);

export const TitleSchema = z.strictObject({
  siteId: id(),
  name: z.string().trim().min(1, { message: "newspapers.errors.titleNameRequired" }).max(60),
  publisher: optionalTrimmed(60),
});
export const UpdateTitleSchema = z.strictObject({
  id: id(),
  version: version(),
  name: z.string().trim().min(1, { message: "newspapers.errors.titleNameRequired" }).max(60),
  publisher: optionalTrimmed(60),
  active: z.boolean(),
});

const subscriptionRange = <T extends { startsOn: string; endsOn?: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (subscriptionRangeProblem(v.startsOn, v.endsOn ?? null))
    ctx.addIssue({ code: "custom", message: "newspapers.errors.endsBeforeStart", path: ["endsOn"] });
};

export const SubscriptionSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    titleId: id(),
    tenantId: id(),
    unitId: id(),
    copies: copies(),
    startsOn: date(),
    endsOn: optionalDate(),
  })
  .superRefine(subscriptionRange);
export const UpdateSubscriptionSchema = z
  .strictObject({ id: id(), version: version(), copies: copies(), startsOn: date(), endsOn: optionalDate() })
  .superRefine(subscriptionRange);

/**
 * R-NEWS-1: the receipt in the lobby. A title that did not come is left out (its line then shows the
 * shortfall); an entered quantity is a positive whole number.
 */
export const ReceiptSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    date: date(),
    courierName: name("newspapers.errors.courierRequired"),
    signatureFileId: signature("newspapers.errors.receiptSignatureRequired"),
    lines: z
      .array(z.strictObject({ titleId: id(), received: copies("newspapers.errors.receivedPositive") }))
      .min(1, { message: "newspapers.errors.noLines" })
      .max(100),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((line, index) => {
      if (seen.has(line.titleId))
        ctx.addIssue({ code: "custom", message: "newspapers.errors.titleTwice", path: ["lines", index, "received"] });
      seen.add(line.titleId);
    });
  });

/** R-NEWS-2: the sorted papers go to the delivery staff. */
export const HandOverSchema = z.strictObject({ dayId: id(), deliveryStaffName: name("newspapers.errors.deliveryStaffRequired") });

/** R-NEWS-3: the tenant signs on receipt. */
export const DeliverSchema = z.strictObject({
  deliveryId: id(),
  recipientName: name("newspapers.errors.recipientRequired"),
  signatureFileId: signature("newspapers.errors.signatureRequired"),
  /** Set only by the phone's offline queue: when the tenant signed (lib/offline/rules.ts). */
  madeAt: madeAtField(),
});
/** R-NEWS-3: nobody there — the paper is logged and held at the front desk. */
export const HoldSchema = z.strictObject({ deliveryId: id() });
/** R-NEWS-3: a held paper is picked up later, signed then. */
export const PickUpSchema = z.strictObject({
  deliveryId: id(),
  pickupName: name("newspapers.errors.pickupNameRequired"),
  signatureFileId: signature("newspapers.errors.signatureRequired"),
});

/** Closing the day: the surplus returned per title, counted by the front desk. */
export const CloseDaySchema = z.strictObject({
  dayId: id(),
  returned: z
    .array(
      z.strictObject({
        titleId: id(),
        returned: z.coerce
          .number({ message: "newspapers.errors.copiesInvalid" })
          .refine((v) => Number.isInteger(v) && v >= 0, { message: "newspapers.errors.returnedInvalid" })
          .refine((v) => v <= MAX_COPIES, { message: "newspapers.errors.copiesTooLarge" }),
      }),
    )
    .max(100),
});

export type ReceiptInput = z.input<typeof ReceiptSchema>;
