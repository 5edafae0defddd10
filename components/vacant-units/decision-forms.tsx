"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { sendBackVacantCleaningAction, verifyVacantCleaningAction } from "@/lib/vacant-units/actions";
import { SendBackCleaningSchema } from "@/lib/vacant-units/schema";

/** The supervisor accepts the record in one tap (R-VAC-3); pending-safe. */
export function VerifyButton({ recordId }: { recordId: string }) {
  const t = useTranslations("vacant");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div className="[&>button]:min-h-12 [&>button]:w-full sm:[&>button]:w-auto">
        <Button
          type="button"
          disabled={!hydrated || pending}
          onClick={() =>
            start(async () => {
              const result = await verifyVacantCleaningAction({ recordId });
              setError(result.ok ? null : result.message);
              router.refresh();
            })
          }
        >
          {t("detail.verify")}
        </Button>
      </div>
      <FormStatus error={error} />
    </div>
  );
}

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
