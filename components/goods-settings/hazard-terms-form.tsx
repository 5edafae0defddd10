"use client";

import { useRouter } from "next/navigation";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveHazardTermsAction } from "@/lib/goods-settings/actions";
import { HazardTermsFormSchema, duplicateTerm, splitTerms } from "@/lib/goods-settings/schema";

/** R-GP-4: the company-wide hazard list, one term per line; saving replaces the whole list. */
export function HazardTermsForm({ terms, version }: { terms: string[]; version: number }) {
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy, t } = useActionForm({
    schema: HazardTermsFormSchema,
    action: saveHazardTermsAction,
    defaultValues: { version, terms: terms.join("\n") },
    onSuccess: () => router.refresh(),
  });
  const { register, formState, watch } = form;
  const current = splitTerms(watch("terms") ?? "");
  const duplicate = duplicateTerm(current);
  const error = errorOf("terms");
  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-2" noValidate>
      <TextAreaField
        register={register}
        name="terms"
        label={t("goodsSettings.hazards.label")}
        rows={12}
        required
        error={error ? (duplicate ? `${error}：${duplicate}` : error) : undefined}
        hint={t("goodsSettings.hazards.count", { count: current.length })}
      />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} />
      </div>
    </form>
  );
}
