"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TenantPicker } from "@/components/complaints/tenant-picker";
import { RadioGroupField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SEVERITIES } from "@/lib/complaints/schema";
import { workOrderToComplaintAction } from "@/lib/work-orders/actions";
import { WorkOrderToComplaintSchema } from "@/lib/work-orders/schema";

/** A fault that affects a tenant becomes a complaint in one step: pick the tenant and the severity. */
export function ToComplaintForm({ workOrderId, siteId }: { workOrderId: string; siteId: string }) {
  const t = useTranslations("workOrders");
  const tComplaints = useTranslations("complaints");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: WorkOrderToComplaintSchema,
    action: workOrderToComplaintAction,
    defaultValues: { workOrderId, tenantId: "", unitId: "", severity: "GENERAL" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("steps.toComplaint")}>
      <p className="text-xs text-slate-500">{t("toComplaintHint")}</p>
      <TenantPicker
        siteId={siteId}
        tenantError={errorOf("tenantId")}
        unitError={errorOf("unitId")}
        onChange={({ tenantId, unitId }) => {
          form.setValue("tenantId", tenantId, { shouldValidate: form.formState.isSubmitted });
          form.setValue("unitId", unitId);
        }}
      />
      <RadioGroupField
        register={form.register}
        name="severity"
        label={t("severity")}
        required
        options={SEVERITIES.map((s) => ({ value: s, label: tComplaints(`severities.${s}`) }))}
        error={errorOf("severity")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("steps.toComplaint")} />
      </div>
    </form>
  );
}
