"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateSeriesAction } from "@/lib/meetings/actions";
import { UpdateSeriesSchema, type UpdateSeriesInput } from "@/lib/meetings/schema";

/** A manager sets the series' convener, minute-taker and usual slot (R-MTG-1). */
export function SeriesForm({ values, staff }: { values: UpdateSeriesInput; staff: { id: string; name: string }[] }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: UpdateSeriesSchema,
    action: updateSeriesAction,
    defaultValues: values,
    onSuccess: () => router.refresh(),
  });
  const { register } = form;
  const people = staff.map((s) => ({ value: s.id, label: s.name }));
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("series.settings")}>
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          name="convenerId"
          label={t("series.convener")}
          register={register}
          error={errorOf("convenerId")}
          required
          options={people}
        />
        <SelectField
          name="minuteTakerId"
          label={t("series.minuteTaker")}
          register={register}
          error={errorOf("minuteTakerId")}
          required
          options={people}
        />
        <SelectField
          name="weekday"
          label={t("series.weekday")}
          register={register}
          error={errorOf("weekday")}
          required
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))}
        />
        <TextField name="startTime" type="time" label={t("fields.time")} register={register} error={errorOf("startTime")} required />
        <TextField name="place" label={t("fields.place")} register={register} error={errorOf("place")} required maxLength={100} />
      </div>
      <CheckboxField name="active" label={t("series.active")} register={register} />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} />
      </div>
    </form>
  );
}
