"use server";

import { DomainError } from "@/lib/action";
import { signRevisitWithLink } from "@/lib/complaints/signing";
import { currentLocale, translator } from "@/lib/i18n/server";
import { MAX_FILE_BYTES } from "@/lib/storage/image";

export type SignResult = { ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/**
 * The public signing page's one action (R-CMP-4): no session — the one-time token in the form is the
 * only authority, and it opens one revisit record. FormData fields: `token`, `file` (the PNG).
 */
export async function signRevisitAction(formData: FormData): Promise<SignResult> {
  const t = translator(await currentLocale());
  const token = formData instanceof FormData ? formData.get("token") : null;
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (typeof token !== "string") return { ok: false, message: t("signing.errors.linkInvalid") };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("files.errors.missing") };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: t("files.errors.tooLarge") };
  try {
    await signRevisitWithLink(token, new Uint8Array(await file.arrayBuffer()));
    return { ok: true, data: { id: "signed" } };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, message: t(err.messageKey, err.values) };
    throw err;
  }
}
