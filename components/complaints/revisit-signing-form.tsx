"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignaturePad } from "@/components/files/signature-pad";
import { signRevisitAction } from "@/lib/complaints/signing-actions";

/** The client's signature on the public signing page: confirming it signs the revisit record at once. */
export function RevisitSigningForm({ token }: { token: string }) {
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
        return signRevisitAction(form);
      }}
      onChange={(fileId) => setDone(!!fileId)}
    />
  );
}
