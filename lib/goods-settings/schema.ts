import { z } from "zod";
import { hhmm, id, optionalTrimmed, trimmed } from "@/lib/validation";

/** R-GP-4: the company-wide list of words that mark hazardous goods. */
export const MAX_HAZARD_TERMS = 200;
export const MAX_TERM_CHARS = 30;

/** Splits the form's text (one term per line, or separated by commas / 、 / ；) into trimmed terms. */
export function splitTerms(text: string): string[] {
  return text
    .split(/[\n\r,，、;；]+/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** The first term that occurs twice (case-insensitively: matching ignores case, R-GP-4), or null. */
export function duplicateTerm(terms: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const term of terms) {
    const key = term.trim().toLowerCase();
    if (seen.has(key)) return term.trim();
    seen.add(key);
  }
  return null;
}

const DUPLICATE = "goodsSettings.errors.duplicateTerm";

/** Every edit carries the version the form was loaded with (lib/versioning.ts). */
const version = () => z.number().int().min(0);

/** The action's input: the whole list, replacing the current one. */
export const SaveHazardTermsSchema = z.strictObject({
  version: version(),
  terms: z
    .array(z.string().trim().min(1).max(MAX_TERM_CHARS))
    .min(1)
    .max(MAX_HAZARD_TERMS)
    .refine((terms) => duplicateTerm(terms) === null, { message: DUPLICATE }),
});

/** The form's input: one textarea, checked as a whole so every problem shows under that one field. */
export const HazardTermsFormSchema = z.strictObject({
  version: version(),
  terms: z
    .string()
    .transform(splitTerms)
    .superRefine((terms, ctx) => {
      const problem =
        terms.length === 0
          ? "goodsSettings.errors.noTerms"
          : terms.length > MAX_HAZARD_TERMS
            ? "goodsSettings.errors.tooManyTerms"
            : terms.some((t) => t.length > MAX_TERM_CHARS)
              ? "goodsSettings.errors.termTooLong"
              : duplicateTerm(terms) !== null
                ? DUPLICATE
                : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

/**
 * R-GP-5: create a loading route of a site (no id) or rename / (de)activate one (with its id), with its
 * daily opening hours (left out: a new route opens 07:00–22:00, an existing one keeps its hours).
 */
export const SaveLoadingRouteSchema = z
  .strictObject({
    siteId: id(),
    id: optionalTrimmed(50),
    /** With an id (an edit): the version the form was loaded with. */
    version: version().optional(),
    name: trimmed(50),
    active: z.boolean(),
    opensAt: hhmm().optional(),
    closesAt: z.union([hhmm(), z.literal("24:00")]).optional(),
  })
  .refine((r) => !r.opensAt || !r.closesAt || r.opensAt < r.closesAt, {
    message: "goodsSettings.errors.hoursOrder",
    path: ["closesAt"],
  })
  .refine((r) => !r.id || r.version !== undefined, { message: "errors.staleVersion", path: ["version"] });
