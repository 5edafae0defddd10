"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { TenantPicker } from "@/components/complaints/tenant-picker";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestId } from "@/lib/request-id";
import { createServiceOrderAction } from "@/lib/special-services/actions";
import { fenToInput, formatYuan } from "@/lib/special-services/money";
import { CreateServiceOrderSchema } from "@/lib/special-services/schema";

type SiteOption = {
  id: string;
  name: string;
  timeZone: string;
  specialServices: { id: string; name: string; unitLabel: string; priceFen: number }[];
};

/** R-SVC-1: an order for a tenant and unit — which service, the agreed price, when. */
export function OrderForm({ sites }: { sites: SiteOption[] }) {
  const t = useTranslations("specialServices");
  const tCommon = useTranslations("common");
  const router = useRouter();
  // One id per filled-in form: a double click or a replayed request finds the order it already made.
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateServiceOrderSchema,
    action: createServiceOrderAction,
    defaultValues: {
      requestId,
      siteId: sites.length === 1 ? sites[0].id : "",
      serviceId: "",
      tenantId: "",
      unitId: "",
      agreedPrice: "",
      scheduledAt: "",
      details: "",
    },
    onSuccess: (data) => {
      router.push(`/special-services/${data.id}`);
      router.refresh();
    },
  });
  const { register, watch, setValue, formState } = form;
  const siteId = watch("siteId");
  const site = sites.find((s) => s.id === siteId);
  const services = site?.specialServices ?? [];
  const serviceId = watch("serviceId");
  const listedFen = services.find((s) => s.id === serviceId)?.priceFen;
  // The listed price is the starting point of the agreement: filled in when a service is chosen.
  useEffect(() => {
    if (listedFen !== undefined) setValue("agreedPrice", fenToInput(listedFen));
  }, [serviceId, listedFen, setValue]);

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-2" aria-label={t("newOrder")}>
      {sites.length > 1 ? (
        <SelectField
          register={register}
          name="siteId"
          label={t("site")}
          required
          emptyOption={tCommon("choose")}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("siteId")}
        />
      ) : null}
      {site && services.length === 0 ? <p className="text-sm text-amber-800">{t("order.noServices")}</p> : null}
      <SelectField
        register={register}
        name="serviceId"
        label={t("service")}
        required
        emptyOption={t("order.choose")}
        options={services.map((s) => ({
          value: s.id,
          label: `${s.name} · ${t("catalogue.perUnit", { price: formatYuan(s.priceFen), unit: s.unitLabel })}`,
        }))}
        error={errorOf("serviceId")}
      />
      <TenantPicker
        key={siteId}
        siteId={siteId}
        tenantError={errorOf("tenantId")}
        unitError={errorOf("unitId")}
        onChange={({ tenantId, unitId }) => {
          setValue("tenantId", tenantId, { shouldValidate: formState.isSubmitted });
          setValue("unitId", unitId);
        }}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          register={register}
          name="agreedPrice"
          label={t("agreedPrice")}
          hint={t("agreedPriceHint")}
          required
          inputMode="decimal"
          error={errorOf("agreedPrice")}
        />
        <LocalDateTime
          id="f-scheduledAt"
          label={t("scheduledAt")}
          timeZone={site?.timeZone ?? "Asia/Shanghai"}
          required
          error={errorOf("scheduledAt")}
          onChange={(iso) => setValue("scheduledAt", iso, { shouldValidate: formState.isSubmitted })}
        />
      </div>
      <TextAreaField register={register} name="details" label={t("details")} maxLength={500} rows={3} error={errorOf("details")} />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("newOrder")} />
      </div>
    </form>
  );
}
