"use client";

import { useTranslations } from "next-intl";
import { NoteForm } from "@/components/ui/note-form";
import { sendBackVacantCleaningAction } from "@/lib/vacant-units/actions";
import { SendBackCleaningSchema } from "@/lib/vacant-units/schema";

/** The supervisor sends the record back with a reason, to be corrected and resubmitted (R-VAC-3). */
export function SendBackForm({ recordId }: { recordId: string }) {
  const t = useTranslations("vacant");
  return (
    <NoteForm
      schema={SendBackCleaningSchema}
      action={sendBackVacantCleaningAction}
      target={{ recordId }}
      field="reason"
      label={t("detail.reasonLabel")}
      maxLength={500}
      rows={2}
      submitLabel={t("detail.sendBack")}
      variant="secondary"
    />
  );
}
