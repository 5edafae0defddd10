"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignaturePad } from "@/components/files/signature-pad";
import { useUploadGate } from "@/components/files/upload-gate";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { REVISIT_METHODS, SATISFACTIONS } from "@/lib/complaints/schema";
import { newRequestId } from "@/lib/request-id";
import {
  DeliverOpinionSchema,
  RecordAnswerSchema,
  RecordRectificationSchema,
  RecordSurveyRevisitSchema,
  SummariseOpinionSchema,
} from "@/lib/surveys/schema";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** 汇总 (R-SUR-1): one tenant's opinion, summarised, to one responsible department. */
export function SummariseForm(props: { responseId: string; opinion: string; departments: { id: string; name: string }[]; action: Action }) {
  const t = useTranslations("surveys");
  const router = useRouter();
  const prefix = `s-${props.responseId}`;
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SummariseOpinionSchema,
    action: props.action,
    defaultValues: {
      requestId: newRequestId(),
      responseId: props.responseId,
      departmentId: props.departments[0]?.id ?? "",
      summary: props.opinion.slice(0, 1000),
    },
    onSuccess: () => {
      form.setValue("requestId", newRequestId());
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("opinions.submit")}>
      <TextAreaField
        register={form.register}
        idPrefix={prefix}
        name="summary"
        label={t("opinions.summary")}
        required
        maxLength={1000}
        rows={2}
        error={errorOf("summary")}
      />
      <SelectField
        register={form.register}
        idPrefix={prefix}
        name="departmentId"
        label={t("opinions.department")}
        required
        options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
        error={errorOf("departmentId")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("opinions.submit")} />
      </div>
    </form>
  );
}

function useStepForm<S extends Parameters<typeof useActionForm>[0]["schema"]>(
  schema: S,
  action: Action,
  defaultValues: Record<string, unknown>,
) {
  const router = useRouter();
  return useActionForm({ schema, action, defaultValues: defaultValues as never, onSuccess: () => router.refresh() });
}

/** R-SUR-1: handed to the department, and to whom. */
export function DeliverForm(props: { itemId: string; action: Action }) {
  const t = useTranslations("surveys");
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useStepForm(DeliverOpinionSchema, props.action, {
    itemId: props.itemId,
    deliveredTo: "",
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.deliver")}>
      <TextField
        register={form.register}
        name="deliveredTo"
        label={t("item.deliveredTo")}
        required
        maxLength={50}
        error={errorOf("deliveredTo")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.deliver")} />
      </div>
    </form>
  );
}

/** R-SUR-2: the department's written rectification measures. */
export function AnswerForm(props: { itemId: string; action: Action }) {
  const t = useTranslations("surveys");
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useStepForm(RecordAnswerSchema, props.action, {
    itemId: props.itemId,
    measures: "",
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.answer")}>
      <TextAreaField
        register={form.register}
        name="measures"
        label={t("item.measures")}
        required
        maxLength={2000}
        error={errorOf("measures")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.answer")} />
      </div>
    </form>
  );
}

/** The rectification reported done (R-SUR-3's two weeks start). */
export function RectifyForm(props: { itemId: string; action: Action }) {
  const t = useTranslations("surveys");
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useStepForm(RecordRectificationSchema, props.action, {
    itemId: props.itemId,
    note: "",
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.rectify")}>
      <TextAreaField
        register={form.register}
        name="note"
        label={t("item.rectificationNote")}
        maxLength={1000}
        rows={3}
        error={errorOf("note")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.rectify")} />
      </div>
    </form>
  );
}

/** 《回访记录表》 (R-SUR-3): the same record, signature pad and phone-then-link path as a complaint's revisit. */
export function SurveyRevisitForm(props: { itemId: string; siteId: string; action: Action }) {
  const t = useTranslations("surveys");
  const tc = useTranslations("complaints");
  const tf = useTranslations("files");
  const uploads = useUploadGate();
  const [waiting, setWaiting] = useState(false);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useStepForm(RecordSurveyRevisitSchema, props.action, {
    itemId: props.itemId,
    method: "VISIT",
    satisfaction: "SATISFIED",
    clientName: "",
    comments: "",
    signatureFileId: "",
  });
  const method = form.watch("method");
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setWaiting(true);
        await uploads.settled();
        setWaiting(false);
        await onSubmit();
      }}
      className="flex flex-col gap-2"
      noValidate
      aria-label={t("steps.revisit")}
    >
      <RadioGroupField
        register={form.register}
        name="method"
        label={tc("method")}
        required
        options={REVISIT_METHODS.map((m) => ({ value: m, label: tc(`methods.${m}`) }))}
        error={errorOf("method")}
      />
      <RadioGroupField
        register={form.register}
        name="satisfaction"
        label={tc("satisfaction")}
        required
        options={SATISFACTIONS.map((s) => ({ value: s, label: tc(`satisfactions.${s}`) }))}
        error={errorOf("satisfaction")}
      />
      <TextField
        register={form.register}
        name="clientName"
        label={tc("clientName")}
        required
        maxLength={50}
        error={errorOf("clientName")}
      />
      <TextAreaField
        register={form.register}
        name="comments"
        label={tc("comments")}
        maxLength={1000}
        rows={3}
        error={errorOf("comments")}
      />
      {method === "VISIT" ? (
        <div>
          <SignaturePad
            siteId={props.siteId}
            label={tc("clientSignature")}
            uploads={uploads}
            onChange={(fileId) => form.setValue("signatureFileId", fileId ?? "", { shouldValidate: form.formState.isSubmitted })}
          />
          <p id="f-signatureFileId-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
            {errorOf("signatureFileId") ?? ""}
          </p>
        </div>
      ) : null}
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton
          busy={busy || waiting}
          pending={form.formState.isSubmitting}
          label={waiting || uploads.uploading ? tf("signature.waiting") : t("steps.revisit")}
        />
      </div>
    </form>
  );
}
