"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  cancelServiceOrderAction,
  recordNoticeDeliveryAction,
  recordServiceDoneAction,
  recordServiceRevisitAction,
} from "@/lib/special-services/actions";
import {
  CancelServiceOrderSchema,
  MAX_PHOTOS,
  RecordNoticeDeliverySchema,
  RecordServiceDoneSchema,
  RecordServiceRevisitSchema,
  SATISFACTIONS,
} from "@/lib/special-services/schema";

type StepProps = { orderId: string; siteId: string; timeZone: string };

/** R-SVC-2: the service done — who did it, when, notes, photos; issues the payment notice. */
export function DoneForm(props: StepProps) {
  const t = useTranslations("specialServices");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordServiceDoneSchema,
    action: recordServiceDoneAction,
    defaultValues: { orderId: props.orderId, performedBy: "", doneAt: "", notes: "", photoIds: [] },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("done.action")}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          register={form.register}
          name="performedBy"
          label={t("done.performedBy")}
          hint={t("done.performedByHint")}
          required
          maxLength={50}
          error={errorOf("performedBy")}
        />
        <LocalDateTime
          id="f-doneAt"
          label={t("done.doneAt")}
          hint={t("nowIfEmpty")}
          timeZone={props.timeZone}
          error={errorOf("doneAt")}
          onChange={(iso) => form.setValue("doneAt", iso)}
        />
      </div>
      <TextAreaField register={form.register} name="notes" label={t("done.notes")} maxLength={1000} rows={3} error={errorOf("notes")} />
      <Controller
        control={form.control}
        name="photoIds"
        render={({ field }) => (
          <PhotoInput
            siteId={props.siteId}
            name="photoIds"
            label={t("done.photos")}
            max={MAX_PHOTOS}
            value={field.value ?? []}
            onChange={field.onChange}
            error={errorOf("photoIds")}
          />
        )}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("done.action")} />
      </div>
    </form>
  );
}

/** R-SVC-2: the payment notice handed over — to whom, when. */
export function DeliveryForm(props: StepProps) {
  const t = useTranslations("specialServices");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordNoticeDeliverySchema,
    action: recordNoticeDeliveryAction,
    defaultValues: { orderId: props.orderId, deliveredTo: "", deliveredAt: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("noticeSection.deliver")}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          register={form.register}
          name="deliveredTo"
          label={t("noticeSection.deliveredTo")}
          hint={t("noticeSection.deliveredToHint")}
          required
          maxLength={50}
          error={errorOf("deliveredTo")}
        />
        <LocalDateTime
          id="f-deliveredAt"
          label={t("noticeSection.deliveredAt")}
          hint={t("nowIfEmpty")}
          timeZone={props.timeZone}
          error={errorOf("deliveredAt")}
          onChange={(iso) => form.setValue("deliveredAt", iso)}
        />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("noticeSection.deliver")} />
      </div>
    </form>
  );
}

/** R-SVC-2: the phone revisit on satisfaction — who answered, when, the answer; no signature. */
export function ServiceRevisitForm(props: StepProps & { contactName: string }) {
  const t = useTranslations("specialServices");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordServiceRevisitSchema,
    action: recordServiceRevisitAction,
    defaultValues: { orderId: props.orderId, contact: props.contactName, revisitedAt: "", satisfaction: "SATISFIED", answer: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("revisitSection.action")}>
      <RadioGroupField
        register={form.register}
        name="satisfaction"
        label={t("revisitSection.satisfaction")}
        required
        options={SATISFACTIONS.map((s) => ({ value: s, label: t(`satisfactions.${s}`) }))}
        error={errorOf("satisfaction")}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          register={form.register}
          name="contact"
          label={t("revisitSection.contact")}
          hint={t("revisitSection.contactHint")}
          required
          maxLength={50}
          error={errorOf("contact")}
        />
        <LocalDateTime
          id="f-revisitedAt"
          label={t("revisitSection.revisitedAt")}
          hint={t("nowIfEmpty")}
          timeZone={props.timeZone}
          error={errorOf("revisitedAt")}
          onChange={(iso) => form.setValue("revisitedAt", iso)}
        />
      </div>
      <TextAreaField
        register={form.register}
        name="answer"
        label={t("revisitSection.answer")}
        required
        maxLength={1000}
        rows={3}
        error={errorOf("answer")}
      />
      <p className="text-xs text-slate-500">{t("revisitSection.noSignature")}</p>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("revisitSection.action")} />
      </div>
    </form>
  );
}

/** An order not done yet can be cancelled, with the reason. */
export function CancelForm({ orderId }: { orderId: string }) {
  const t = useTranslations("specialServices.cancel");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CancelServiceOrderSchema,
    action: cancelServiceOrderAction,
    defaultValues: { orderId, reason: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("action")}>
      <TextField
        register={form.register}
        idPrefix="cancel"
        name="reason"
        label={t("reason")}
        required
        maxLength={200}
        error={errorOf("reason")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("action")} variant="danger" />
      </div>
    </form>
  );
}
