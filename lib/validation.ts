import { z } from "zod";

/**
 * Shared zod helpers for forms (client) and actions (server): one schema per form, and one error map
 * that turns zod issues into message keys of the `validation` namespace, so every field error is shown
 * in the user's language (Chinese first).
 */
export { issueToKey, zodErrorMap, type ErrorKey } from "./validation-messages";

/** Field errors keyed by dotted path ("contacts.0.phone"), first message per field. */
export function fieldErrorsOf(error: z.ZodError, t: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    out[path] ??= t(issue.message);
  }
  return out;
}

// Small building blocks shared by all modules' schemas.
export const trimmed = (max: number) => z.string().trim().min(1).max(max);
export const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
export const id = () => z.string().trim().min(1).max(50);
/** The version of the record the edit form was loaded with (optimistic concurrency, lib/versioning.ts). */
export const version = () =>
  z.number({ message: "validation.version" }).int({ message: "validation.version" }).min(0, { message: "validation.version" });
/** Chinese mobile or landline: digits, spaces, +, - ; 5–20 characters. */
export const phone = () =>
  z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, { message: "validation.phone" });
export const hhmm = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "validation.time" });
export const localDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" });

/** Date, time to the minute (seconds and fraction optional), then `Z` or ±HH:MM. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant from a form, as ISO 8601 WITH its offset ("2026-03-01T02:00:00.000Z", "…T10:00+08:00"):
 * the form turns the site's wall-clock time into one with the site's zone (R-CAL-2). A time without
 * an offset ("2026-03-01T10:00") would be read in the server's zone, so it is refused with its own
 * message. `invalidKey` names the message for anything that is no date-time at all.
 */
export const instant = (invalidKey = "validation.dateTime") => instantText(invalidKey, false).transform((v) => new Date(v));

/** The same, where an empty field (or none) means "now" to the mutation: empty → undefined. */
export const optionalInstant = (invalidKey = "validation.dateTime") =>
  instantText(invalidKey, true)
    .transform((v) => (v === "" ? undefined : new Date(v)))
    .optional();

function instantText(invalidKey: string, emptyAllowed: boolean) {
  const empty = (v: string) => emptyAllowed && v === "";
  return z
    .string()
    .trim()
    .refine((v) => empty(v) || !Number.isNaN(Date.parse(v)), { message: invalidKey, abort: true })
    .refine((v) => empty(v) || INSTANT_WITH_OFFSET.test(v), { message: "validation.instantOffset" });
}

/** The same test for instants read outside a schema (GET params of API routes). */
export function parseInstant(value: string | null | undefined): Date | null {
  const result = instant().safeParse(value ?? "");
  return result.success ? result.data : null;
}
