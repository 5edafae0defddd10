import { z } from "zod";
import { SEVERITIES } from "@/lib/complaints/schema";
import { id, optionalTrimmed, trimmed } from "@/lib/validation";
import { WorkOrderState } from "@/lib/generated/prisma/enums";

/** R-INS-5: a work order is open → fixed (engineering) → verified (supervisor); a send-back reopens it. */
export const WORK_ORDER_STATES = Object.values(WorkOrderState);

export const MarkWorkOrderFixedSchema = z.strictObject({
  workOrderId: id(),
  fixNote: trimmed(1000),
});

export const VerifyWorkOrderSchema = z.strictObject({
  workOrderId: id(),
});

export const SendBackWorkOrderSchema = z.strictObject({
  workOrderId: id(),
  reason: trimmed(500),
});

/**
 * A failure that affects a tenant becomes a complaint (R-CMP-1: source INSPECTION, category REPAIR,
 * the site's engineering department). No client request id: the work order's link to its complaint
 * (a unique foreign key) is what makes the conversion happen once.
 */
export const WorkOrderToComplaintSchema = z.strictObject({
  workOrderId: id(),
  tenantId: id(),
  unitId: optionalTrimmed(50),
  severity: z.enum(SEVERITIES),
});
