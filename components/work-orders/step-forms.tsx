"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { markWorkOrderFixedAction, sendBackWorkOrderAction } from "@/lib/work-orders/actions";
import { MarkWorkOrderFixedSchema, SendBackWorkOrderSchema } from "@/lib/work-orders/schema";

/** Engineering records the fix with a note (open → fixed). */
export function FixForm({ workOrderId }: { workOrderId: string }) {
  const t = useTranslations("workOrders");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: MarkWorkOrderFixedSchema,
    action: markWorkOrderFixedAction,
    defaultValues: { workOrderId, fixNote: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.markFixed")}>
      <TextAreaField
        register={form.register}
        name="fixNote"
        label={t("fixNote")}
        hint={t("fixNoteHint")}
        required
        maxLength={1000}
        error={errorOf("fixNote")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.markFixed")} />
      </div>
    </form>
  );
}

/** The supervisor refuses the fix with a reason (fixed → open again). */
export function SendBackForm({ workOrderId }: { workOrderId: string }) {
  const t = useTranslations("workOrders");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SendBackWorkOrderSchema,
    action: sendBackWorkOrderAction,
    defaultValues: { workOrderId, reason: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.sendBack")}>
      <TextAreaField
        register={form.register}
        name="reason"
        label={t("reason")}
        required
        maxLength={500}
        rows={2}
        error={errorOf("reason")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy} aria-busy={form.formState.isSubmitting}>
          {t("steps.sendBack")}
        </Button>
      </div>
    </form>
  );
}
