"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { amendMeetingAction } from "@/lib/meetings/actions";
import { AMENDMENT_SECTIONS } from "@/lib/meetings/rules";
import { AmendMeetingSchema } from "@/lib/meetings/schema";
import { newRequestId } from "@/lib/request-id";

/** R-MTG-4: a correction of confirmed minutes is a new record linked to them; the original stays. */
export function AmendmentForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const empty = { meetingId, section: "assignments" as const, text: "", reason: "" };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: AmendMeetingSchema,
    action: amendMeetingAction,
    defaultValues: { ...empty, requestId },
    onSuccess: () => {
      // The next correction is a new request.
      form.reset({ ...empty, requestId: newRequestId() });
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("amendments.add")}>
      <SelectField
        name="section"
        label={t("amendments.section")}
        register={register}
        error={errorOf("section")}
        required
        options={AMENDMENT_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
      />
      <TextAreaField
        name="text"
        label={t("amendments.text")}
        register={register}
        error={errorOf("text")}
        required
        maxLength={5000}
        rows={3}
      />
      <TextField name="reason" label={t("amendments.reason")} register={register} error={errorOf("reason")} required maxLength={300} />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("amendments.add")} />
      </div>
    </form>
  );
}
