import { z } from "zod";
import { id, optionalTrimmed, phone, trimmed, version } from "@/lib/validation";

export const TenantContactSchema = z.strictObject({
  /** An existing contact, edited in place; absent for a new one. */
  id: id().optional(),
  name: trimmed(50),
  position: optionalTrimmed(50),
  phone: phone(),
});

const tenantFields = {
  name: trimmed(100),
  notes: optionalTrimmed(500),
  contacts: z.array(TenantContactSchema).min(1).max(10),
};

export const CreateTenantSchema = z.strictObject({ siteId: id(), ...tenantFields });
export const UpdateTenantSchema = z.strictObject({ id: id(), version: version(), ...tenantFields });
