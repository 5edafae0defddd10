"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { PhotoInput, SignaturePad } from "@/components/files/lazy-widgets";
import { useUploadGate } from "@/components/files/upload-gate";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { REVISIT_METHODS, SATISFACTIONS } from "@/lib/complaints/options";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type StepProps = { complaintId: string; round: number; siteId: string; timeZone: string; action: Action };

export function RectificationForm(props: StepProps) {
  const t = useTranslations("complaints");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: () => import("@/lib/complaints/schema").then((m) => m.RecordRectificationSchema),
    action: props.action,
    defaultValues: { complaintId: props.complaintId, round: props.round, actionTaken: "", rectifiedAt: "", photoIds: [] },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.rectify")}>
      <TextAreaField
        register={form.register}
        name="actionTaken"
        label={t("actionTaken")}
        required
        maxLength={2000}
        error={errorOf("actionTaken")}
      />
      <LocalDateTime
        id="f-rectifiedAt"
        label={t("rectifiedAt")}
        hint={t("nowIfEmpty")}
        timeZone={props.timeZone}
        error={errorOf("rectifiedAt")}
        onChange={(iso) => form.setValue("rectifiedAt", iso)}
      />
      <Controller
        control={form.control}
        name="photoIds"
        render={({ field }) => (
          <PhotoInput
            siteId={props.siteId}
            name="photoIds"
            label={t("rectificationPhotos")}
            max={6}
            value={field.value ?? []}
            onChange={field.onChange}
          />
        )}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.rectify")} />
      </div>
    </form>
  );
}

/** 《回访记录表》 (R-CMP-4): a visit revisit is saved only with the client's signature. */
export function RevisitForm(props: StepProps & { clientName: string }) {
  const t = useTranslations("complaints");
  const tf = useTranslations("files");
  const uploads = useUploadGate();
  const [waiting, setWaiting] = useState(false);
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: () => import("@/lib/complaints/schema").then((m) => m.RecordRevisitSchema),
    action: props.action,
    defaultValues: {
      complaintId: props.complaintId,
      round: props.round,
      method: "VISIT",
      revisitedAt: "",
      satisfaction: "SATISFIED",
      clientName: props.clientName,
      comments: "",
      signatureFileId: "",
    },
    onSuccess: () => router.refresh(),
  });
  const method = form.watch("method");
  return (
    <form
      onSubmit={async (e) => {
        // A signature still uploading: wait for it (the button says so), then save with it.
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
        label={t("method")}
        required
        options={REVISIT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        error={errorOf("method")}
      />
      <RadioGroupField
        register={form.register}
        name="satisfaction"
        label={t("satisfaction")}
        required
        options={SATISFACTIONS.map((s) => ({ value: s, label: t(`satisfactions.${s}`) }))}
        error={errorOf("satisfaction")}
      />
      <TextField register={form.register} name="clientName" label={t("clientName")} required maxLength={50} error={errorOf("clientName")} />
      <TextAreaField register={form.register} name="comments" label={t("comments")} maxLength={1000} rows={3} error={errorOf("comments")} />
      <LocalDateTime
        id="f-revisitedAt"
        label={t("revisitedAt")}
        hint={t("nowIfEmpty")}
        timeZone={props.timeZone}
        error={errorOf("revisitedAt")}
        onChange={(iso) => form.setValue("revisitedAt", iso)}
      />
      {method === "VISIT" ? (
        <div>
          <SignaturePad
            siteId={props.siteId}
            label={t("clientSignature")}
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
