import { z } from "zod";
import { id, optionalTrimmed, trimmed, version } from "@/lib/validation";

export const DEPARTMENT_KINDS = ["ENGINEERING", "CLEANING_CONTRACTOR", "CATERING", "ADMIN_HR", "PURCHASING", "SECURITY"] as const;

const departmentFields = {
  name: trimmed(100),
  kind: z.enum(DEPARTMENT_KINDS),
  contactName: optionalTrimmed(50),
  contactPhone: optionalTrimmed(30).pipe(
    z
      .string()
      .regex(/^[0-9+\- ]{5,20}$/, { message: "validation.phone" })
      .nullable()
      .optional(),
  ),
};

export const CreateDepartmentSchema = z.strictObject({ siteId: id(), ...departmentFields });
export const UpdateDepartmentSchema = z.strictObject({ id: id(), version: version(), ...departmentFields });
