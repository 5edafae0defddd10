"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { scheduleMeetingAction } from "@/lib/meetings/actions";
import { ScheduleMeetingSchema } from "@/lib/meetings/schema";
import { newRequestId } from "@/lib/request-id";

/** Schedule one meeting of a series, prefilled with its next usual slot (at most 7 days ahead, site time). */
export function ScheduleForm(props: { seriesId: string; date: string; time: string; place: string }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: ScheduleMeetingSchema,
    action: scheduleMeetingAction,
    defaultValues: { requestId, seriesId: props.seriesId, date: props.date, time: props.time, place: props.place },
    onSuccess: (data) => router.push(`/meetings/${data.id}`),
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("schedule.title")}>
      <div className="grid gap-2 sm:grid-cols-3">
        <TextField name="date" type="date" label={t("fields.date")} register={register} error={errorOf("date")} required />
        <TextField name="time" type="time" label={t("fields.time")} register={register} error={errorOf("time")} required />
        <TextField name="place" label={t("fields.place")} register={register} error={errorOf("place")} required maxLength={100} />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("schedule.submit")} />
      </div>
    </form>
  );
}
