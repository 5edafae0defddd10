"use server";

import { DomainError, type ActionResult } from "@/lib/action";
import { currentLocale, translator } from "@/lib/i18n/server";
import { MAX_FILE_BYTES } from "@/lib/storage/image";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation";
import { submitLinkResponse } from "./response.mutations";
import { signSurveyRevisitWithLink } from "./revisit.mutations";
import { SubmitLinkResponseSchema } from "./schema";

/**
 * The public pages' actions (no session): the one-time token in the request is the only authority,
 * and it opens one tenant's questionnaire or one revisit record. Like the complaint signing action,
 * they are not in the permission table: nobody signed in is needed or used.
 */

/** A tenant's answers through their link: checked with the same schema as the staff entry. */
export async function submitSurveyResponseAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const t = translator(await currentLocale());
  const parsed = SubmitLinkResponseSchema.safeParse(input, { error: zodErrorMap(t) });
  if (!parsed.success) return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors: fieldErrorsOf(parsed.error, t) };
  try {
    const saved = await submitLinkResponse(parsed.data);
    return { ok: true, data: saved, message: t("surveys.public.thanks") };
  } catch (err) {
    if (err instanceof DomainError) {
      const message = t(err.messageKey, err.values);
      return { ok: false, code: err.code, message, fieldErrors: err.field ? { [err.field]: message } : undefined };
    }
    throw err;
  }
}

/** The client's signature of an opinion's revisit record (R-SUR-3). FormData: `token`, `file` (the PNG). */
export async function signSurveyRevisitAction(
  formData: FormData,
): Promise<{ ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string> }> {
  const t = translator(await currentLocale());
  const token = formData instanceof FormData ? formData.get("token") : null;
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (typeof token !== "string") return { ok: false, message: t("signing.errors.linkInvalid") };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("files.errors.missing") };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: t("files.errors.tooLarge") };
  try {
    await signSurveyRevisitWithLink(token, new Uint8Array(await file.arrayBuffer()));
    return { ok: true, data: { id: "signed" } };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, message: t(err.messageKey, err.values) };
    throw err;
  }
}
