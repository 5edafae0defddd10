"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { PhotoInput } from "@/components/files/lazy-widgets";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { submitWeeklyDocAction } from "@/lib/contractors/actions";
import { CANTEEN_DOC_KINDS, MAX_PHOTOS } from "@/lib/contractors/options";
import { newRequestId } from "@/lib/request-id";

/** R-CAT-1: the catering company's weekly menu or summary received — typed, photographed, or both. */
export function WeeklyDocForm(props: { siteId: string; weekStart: string }) {
  const t = useTranslations("contractors.canteen");
  const router = useRouter();
  const [requestId, setRequestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: () => import("@/lib/contractors/schema").then((m) => m.SubmitWeeklyDocSchema),
    action: submitWeeklyDocAction,
    defaultValues: { requestId, siteId: props.siteId, kind: "WEEKLY_MENU", weekStart: props.weekStart, text: "", photoFileIds: [] },
    onSuccess: () => {
      const next = newRequestId();
      setRequestId(next);
      form.reset({ requestId: next, siteId: props.siteId, kind: "WEEKLY_MENU", weekStart: props.weekStart, text: "", photoFileIds: [] });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("recordDoc")}>
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          register={form.register}
          name="kind"
          idPrefix={`doc-${props.siteId}`}
          label={t("weekly")}
          required
          options={CANTEEN_DOC_KINDS.map((k) => ({ value: k, label: t(`docKinds.${k}`) }))}
          error={errorOf("kind")}
        />
        <TextField
          register={form.register}
          name="weekStart"
          idPrefix={`doc-${props.siteId}`}
          type="date"
          label={t("week")}
          required
          error={errorOf("weekStart")}
        />
      </div>
      <TextAreaField
        register={form.register}
        name="text"
        idPrefix={`doc-${props.siteId}`}
        label={t("docText")}
        rows={3}
        maxLength={4000}
        error={errorOf("text")}
      />
      <Controller
        control={form.control}
        name="photoFileIds"
        render={({ field }) => (
          <PhotoInput
            siteId={props.siteId}
            name={`doc-${props.siteId}-photoFileIds`}
            label={t("docPhotos")}
            max={MAX_PHOTOS}
            value={field.value ?? []}
            onChange={field.onChange}
            error={errorOf("photoFileIds")}
          />
        )}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("recordDoc")} />
      </div>
    </form>
  );
}
