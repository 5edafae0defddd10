"use client";

import { useRouter } from "next/navigation";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";

/**
 * A step that needs one written note (a fix note, a reason for sending back): the record's id, one
 * required text area, one button; the record refreshes after. Module wrappers pass their schema and action.
 */
export function NoteForm(props: {
  schema: z.ZodType<FieldValues, FieldValues>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** The record the step acts on, e.g. { workOrderId }. */
  target: Record<string, string>;
  field: string;
  label: string;
  hint?: string;
  maxLength: number;
  rows?: number;
  submitLabel: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: props.schema,
    action: props.action,
    defaultValues: { ...props.target, [props.field]: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={props.submitLabel}>
      <TextAreaField
        register={form.register}
        name={props.field}
        label={props.label}
        hint={props.hint}
        required
        maxLength={props.maxLength}
        rows={props.rows}
        error={errorOf(props.field)}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={props.submitLabel} variant={props.variant} />
      </div>
    </form>
  );
}
