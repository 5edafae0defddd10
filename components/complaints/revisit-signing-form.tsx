"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignaturePad } from "@/components/files/signature-pad";
import { signRevisitAction } from "@/lib/complaints/signing-actions";

type SignAction = typeof signRevisitAction;

/**
 * The client's signature on the public signing page: confirming it signs the revisit record at once.
 * `sign` is the revisit's own public action (a complaint's by default, a survey opinion's R-SUR-3).
 */
export function RevisitSigningForm({ token, sign = signRevisitAction }: { token: string; sign?: SignAction }) {
  const t = useTranslations("signing");
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
        <p className="font-medium">{t("done")}</p>
        <p className="mt-1 text-sm">{t("doneHint")}</p>
      </div>
    );
  return (
    <SignaturePad
      siteId=""
      id="client-signature"
      label={t("signature")}
      upload={(form) => {
        form.set("token", token);
        form.delete("requestId");
        form.delete("siteId");
        form.delete("kind");
        return sign(form);
      }}
      onChange={(fileId) => setDone(!!fileId)}
    />
  );
}
