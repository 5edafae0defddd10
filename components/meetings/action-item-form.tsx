"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addActionItemAction } from "@/lib/meetings/actions";
import { AddActionItemSchema } from "@/lib/meetings/schema";
import { newRequestId } from "@/lib/request-id";

/** R-MTG-5: a decision that assigns work, with its owner and due date. */
export function ActionItemForm(props: { meetingId: string; owners: { id: string; name: string }[]; date: string }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: AddActionItemSchema,
    action: addActionItemAction,
    defaultValues: { requestId, meetingId: props.meetingId, description: "", ownerParticipantId: "", dueOn: "" },
    onSuccess: () => {
      // The next item is a new request.
      form.reset({ requestId: newRequestId(), meetingId: props.meetingId, description: "", ownerParticipantId: "", dueOn: "" });
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("items.add")}>
      <TextField
        name="description"
        label={t("items.description")}
        register={register}
        error={errorOf("description")}
        required
        maxLength={500}
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          name="ownerParticipantId"
          label={t("items.owner")}
          register={register}
          error={errorOf("ownerParticipantId")}
          required
          emptyOption={t("items.chooseOwner")}
          options={props.owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField
          name="dueOn"
          type="date"
          min={props.date}
          label={t("items.dueOn")}
          register={register}
          error={errorOf("dueOn")}
          required
        />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("items.add")} />
      </div>
    </form>
  );
}
