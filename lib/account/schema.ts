import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

/** One's own password: the current one proves it is really them; the new one is typed twice. */
export const ChangeOwnPasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    confirmPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "account.errors.mismatch", path: ["confirmPassword"] });

export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordSchema>;
