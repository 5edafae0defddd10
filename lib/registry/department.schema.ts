import { z } from "zod";
import { DepartmentKind } from "@/lib/generated/prisma/enums";
import { id, optionalTrimmed, trimmed, version } from "@/lib/validation";

export const DEPARTMENT_KINDS = Object.values(DepartmentKind);

const departmentFields = {
  name: trimmed(100),
  kind: z.enum(DepartmentKind),
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
