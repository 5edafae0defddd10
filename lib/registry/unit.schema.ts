import { z } from "zod";
import { UnitStatus } from "@/lib/generated/prisma/enums";
import { id, optionalTrimmed, trimmed, version } from "@/lib/validation";

export const UNIT_STATUSES = Object.values(UnitStatus);

const unitFields = {
  code: trimmed(30).regex(/^[A-Za-z0-9][A-Za-z0-9\-_]*$/, { message: "validation.code" }),
  building: trimmed(50),
  floor: trimmed(20),
  areaSqm: z
    .union([z.literal(""), z.coerce.number().positive().max(100_000)])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  status: z.enum(UnitStatus),
  tenantId: optionalTrimmed(50),
};

// An occupied or renovating unit has a tenant; a vacant one has none.
const tenantMatchesStatus = (v: { status: string; tenantId?: string | null }) => (v.status === "VACANT" ? !v.tenantId : !!v.tenantId);
const tenantRule = { message: "units.errors.tenantStatus", path: ["tenantId"] };

export const CreateUnitSchema = z.strictObject({ siteId: id(), ...unitFields }).refine(tenantMatchesStatus, tenantRule);
export const UpdateUnitSchema = z.strictObject({ id: id(), version: version(), ...unitFields }).refine(tenantMatchesStatus, tenantRule);

export type CreateUnitInput = z.input<typeof CreateUnitSchema>;
