"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSpecialServiceAction, updateServiceSettingsAction, updateSpecialServiceAction } from "@/lib/special-services/actions";
import { fenToInput } from "@/lib/special-services/money";
import { MAX_REVISIT_WORKING_DAYS, MIN_REVISIT_WORKING_DAYS } from "@/lib/special-services/rules";
import { CreateSpecialServiceSchema, UpdateServiceSettingsSchema, UpdateSpecialServiceSchema } from "@/lib/special-services/schema";

/** R-SVC-1: a new paid service of a site, with its price in yuan (kept as exact fen). */
export function CreateServiceForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations("specialServices");
  const router = useRouter();
  const blank = { name: "", unitLabel: "次", price: "", description: "" };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateSpecialServiceSchema,
    action: createSpecialServiceAction,
    defaultValues: { siteId: sites[0]?.id ?? "", ...blank },
    onSuccess: () => {
      form.reset({ siteId: form.getValues("siteId"), ...blank });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("catalogue.add")}>
      <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-4">
        {sites.length > 1 ? (
          <SelectField
            register={form.register}
            idPrefix="new"
            name="siteId"
            label={t("site")}
            required
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            error={errorOf("siteId")}
          />
        ) : null}
        <TextField
          register={form.register}
          idPrefix="new"
          name="name"
          label={t("catalogue.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          idPrefix="new"
          name="price"
          label={t("catalogue.price")}
          hint={t("priceHint")}
          required
          inputMode="decimal"
          error={errorOf("price")}
        />
        <TextField
          register={form.register}
          idPrefix="new"
          name="unitLabel"
          label={t("catalogue.unitLabel")}
          hint={t("catalogue.unitLabelHint")}
          required
          maxLength={10}
          error={errorOf("unitLabel")}
        />
      </div>
      <TextField
        register={form.register}
        idPrefix="new"
        name="description"
        label={t("catalogue.description")}
        maxLength={300}
        error={errorOf("description")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("catalogue.add")} />
      </div>
    </form>
  );
}

/** A new price, name or description, or the service withdrawn (orders keep their agreed price). */
export function EditServiceForm({
  service,
}: {
  service: { id: string; version: number; name: string; unitLabel: string; priceFen: number; description: string | null; active: boolean };
}) {
  const t = useTranslations("specialServices");
  const router = useRouter();
  const s = service;
  const prefix = `svc-${s.id}`;
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: UpdateSpecialServiceSchema,
    action: updateSpecialServiceAction,
    defaultValues: {
      id: s.id,
      version: s.version,
      name: s.name,
      unitLabel: s.unitLabel,
      price: fenToInput(s.priceFen),
      description: s.description ?? "",
      active: s.active,
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("catalogue.edit")} ${s.name}`}>
      <div className="grid gap-x-3 sm:grid-cols-3">
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="name"
          label={t("catalogue.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="price"
          label={t("catalogue.price")}
          required
          inputMode="decimal"
          error={errorOf("price")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="unitLabel"
          label={t("catalogue.unitLabel")}
          required
          maxLength={10}
          error={errorOf("unitLabel")}
        />
      </div>
      <TextField
        register={form.register}
        idPrefix={prefix}
        name="description"
        label={t("catalogue.description")}
        maxLength={300}
        error={errorOf("description")}
      />
      <CheckboxField register={form.register} idPrefix={prefix} name="active" label={t("catalogue.active")} />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("catalogue.save")} />
      </div>
    </form>
  );
}

/** R-SVC-2: the site's number of working days for the phone revisit (default 3). */
export function ServiceSettingsForm({
  siteId,
  siteName,
  revisitWorkingDays,
  version,
}: {
  siteId: string;
  siteName: string;
  revisitWorkingDays: number;
  version: number;
}) {
  const t = useTranslations("specialServices.catalogue");
  const router = useRouter();
  const prefix = `settings-${siteId}`;
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: UpdateServiceSettingsSchema,
    action: updateServiceSettingsAction,
    defaultValues: { siteId, version, revisitWorkingDays },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("settings")} ${siteName}`}>
      <div className="max-w-sm">
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="revisitWorkingDays"
          label={t("revisitWorkingDays")}
          hint={t("revisitWorkingDaysHint")}
          type="number"
          min={MIN_REVISIT_WORKING_DAYS}
          max={MAX_REVISIT_WORKING_DAYS}
          required
          error={errorOf("revisitWorkingDays")}
        />
      </div>
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("saveSettings")} variant="secondary" />
      </div>
    </form>
  );
}
