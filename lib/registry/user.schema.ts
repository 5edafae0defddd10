import { z } from "zod";
import { Role, SupervisorDuty } from "@/lib/generated/prisma/enums";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { id, trimmed, version } from "@/lib/validation";

export const ROLE_VALUES = Object.values(Role);
export const DUTY_VALUES = Object.values(SupervisorDuty);

/** The rules (length, not the username, not a common password) are checked by assertPasswordAcceptable. */
export const password = () => z.string().min(1).max(PASSWORD_MAX_LENGTH);

const userFields = {
  name: trimmed(50),
  /** Optional: where reminder digests go when SMTP is configured. */
  email: z
    .union([z.literal(""), z.email({ message: "users.errors.email" }).max(100)])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  role: z.enum(Role),
  duty: z.enum(SupervisorDuty).nullable().optional(),
  siteIds: z.array(id()).max(50),
};

// A supervisor has exactly one duty (cleaning or coordination); other roles none. Everyone but the
// system admin works on at least one site.
const dutyMatchesRole = (v: { role: string; duty?: string | null }) => (v.role === "SUPERVISOR") === !!v.duty;
const hasSites = (v: { role: string; siteIds: string[] }) => v.role === "ADMIN" || v.siteIds.length > 0;

export const CreateUserSchema = z
  .strictObject({
    username: trimmed(50).regex(/^[a-z0-9_.-]+$/, { message: "users.errors.username" }),
    password: password(),
    ...userFields,
  })
  .refine(dutyMatchesRole, { message: "users.errors.duty", path: ["duty"] })
  .refine(hasSites, { message: "users.errors.sites", path: ["siteIds"] });

export const UpdateUserSchema = z
  .strictObject({ id: id(), version: version(), disabled: z.boolean(), ...userFields })
  .refine(dutyMatchesRole, { message: "users.errors.duty", path: ["duty"] })
  .refine(hasSites, { message: "users.errors.sites", path: ["siteIds"] });

export const ResetPasswordSchema = z.strictObject({ id: id(), password: password() });
