"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestLeaveAction } from "@/lib/meetings/actions";
import { RequestLeaveSchema } from "@/lib/meetings/schema";
import { newRequestId } from "@/lib/request-id";

/** R-MTG-3: ask leave before the meeting (for oneself, or for anyone expected when minute-taker/convener). */
export function LeaveRequestForm({ meetingId, people }: { meetingId: string; people: { id: string; name: string }[] }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RequestLeaveSchema,
    action: requestLeaveAction,
    defaultValues: { requestId, meetingId, participantId: people.length === 1 ? people[0].id : "", reason: "" },
    onSuccess: () => {
      // A new request id for the next request; this one is done.
      form.reset({ requestId: newRequestId(), meetingId, participantId: people.length === 1 ? people[0].id : "", reason: "" });
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("leave.ask")}>
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          name="participantId"
          label={t("leave.person")}
          register={register}
          error={errorOf("participantId")}
          required
          emptyOption={t("leave.choosePerson")}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextField name="reason" label={t("leave.reason")} register={register} error={errorOf("reason")} required maxLength={300} />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("leave.ask")} />
      </div>
    </form>
  );
}
