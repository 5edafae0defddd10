"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { sendBackVacantCleaningAction } from "@/lib/vacant-units/actions";
import { SendBackCleaningSchema } from "@/lib/vacant-units/schema";

/** The supervisor sends the record back with a reason, to be corrected and resubmitted (R-VAC-3). */
export function SendBackForm({ recordId }: { recordId: string }) {
  const t = useTranslations("vacant");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SendBackCleaningSchema,
    action: sendBackVacantCleaningAction,
    defaultValues: { recordId, reason: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("detail.sendBack")}>
      <TextAreaField
        register={form.register}
        name="reason"
        label={t("detail.reasonLabel")}
        required
        maxLength={500}
        rows={2}
        error={errorOf("reason")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy} aria-busy={form.formState.isSubmitting}>
          {t("detail.sendBack")}
        </Button>
      </div>
    </form>
  );
}
