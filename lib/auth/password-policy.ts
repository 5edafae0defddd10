import { isCommonPassword } from "./common-passwords";

/** Every password a person sets (their own, or one an administrator gives them) follows these rules. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = "tooShort" | "tooLong" | "sameAsUsername" | "common";

/** The first rule `password` breaks for the account `username`, or null when it is acceptable. */
export function passwordProblem(password: string, username: string | null | undefined): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.trim().toLowerCase();
  const name = username?.trim().toLowerCase() ?? "";
  // The username itself, or the username with a few characters around it ("clerk2026!").
  if (name && (lower === name || (name.length >= 3 && lower.includes(name)))) return "sameAsUsername";
  if (isCommonPassword(password)) return "common";
  return null;
}

/** Message key of a problem (lib/i18n/messages/*\/account.json). */
export function passwordProblemKey(problem: PasswordProblem): string {
  return `account.errors.password.${problem}`;
}
