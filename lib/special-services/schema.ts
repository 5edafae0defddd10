import { z } from "zod";
import { SpecialServiceOrderState, Satisfaction } from "@/lib/generated/prisma/enums";
import { requestIdField } from "@/lib/request-id-schema";
import { id, instant, optionalInstant, optionalTrimmed, trimmed, version } from "@/lib/validation";
import { parsePriceFen } from "./money";
import { MAX_REVISIT_WORKING_DAYS, MIN_REVISIT_WORKING_DAYS } from "./rules";

export const ORDER_STATES = Object.values(SpecialServiceOrderState);
export const SATISFACTIONS = Object.values(Satisfaction);
export const MAX_PHOTOS = 6;

/**
 * A price typed in yuan ("120", "120.50") → integer fen (R-SVC-1). A negative, non-numeric, zero or
 * three-decimal price is refused with its own message next to the field.
 */
export const priceField = () =>
  z.string({ message: "specialServices.errors.price.notNumber" }).transform((raw, ctx) => {
    const parsed = parsePriceFen(raw);
    if (parsed.ok) return parsed.fen;
    ctx.addIssue({ code: "custom", message: `specialServices.errors.price.${parsed.problem}` });
    return z.NEVER;
  });

const serviceFields = {
  name: trimmed(60),
  unitLabel: trimmed(10),
  price: priceField(),
  description: optionalTrimmed(300),
};

/** A paid service of a site's catalogue (R-SVC-1), managers only. */
export const CreateSpecialServiceSchema = z.strictObject({ siteId: id(), ...serviceFields });

export const UpdateSpecialServiceSchema = z.strictObject({ id: id(), version: version(), ...serviceFields, active: z.boolean() });

/** R-SVC-2: the site's number of working days for the phone revisit. */
export const UpdateServiceSettingsSchema = z.strictObject({
  siteId: id(),
  /** The setting's version the form was loaded with (0 while the site has none saved). */
  version: z.number().int().min(0),
  revisitWorkingDays: z.coerce.number().int().min(MIN_REVISIT_WORKING_DAYS).max(MAX_REVISIT_WORKING_DAYS),
});

/** An order for a tenant and unit: what, the agreed price, when. `requestId` makes a replay create nothing twice. */
export const CreateServiceOrderSchema = z.strictObject({
  requestId: requestIdField(),
  siteId: id(),
  serviceId: id(),
  tenantId: id(),
  unitId: optionalTrimmed(50),
  agreedPrice: priceField(),
  scheduledAt: instant(),
  details: optionalTrimmed(500),
});

const order = { orderId: id() };

export const CancelServiceOrderSchema = z.strictObject({ ...order, reason: trimmed(200) });

/** The service done (R-SVC-2): who did it, when (empty = now), notes and photos. */
export const RecordServiceDoneSchema = z.strictObject({
  ...order,
  performedBy: trimmed(50),
  doneAt: optionalInstant(),
  notes: optionalTrimmed(1000),
  photoIds: z.array(id()).max(MAX_PHOTOS).default([]),
});

/** The payment notice 《缴费通知单》 handed to the tenant (R-SVC-2): to whom, when. */
export const RecordNoticeDeliverySchema = z.strictObject({
  ...order,
  deliveredTo: trimmed(50),
  deliveredAt: optionalInstant(),
});

/** R-SVC-2: the phone revisit on satisfaction — who answered, when, the answer; no signature. */
export const RecordServiceRevisitSchema = z.strictObject({
  ...order,
  contact: trimmed(50),
  revisitedAt: optionalInstant(),
  satisfaction: z.enum(Satisfaction),
  answer: trimmed(1000),
});
