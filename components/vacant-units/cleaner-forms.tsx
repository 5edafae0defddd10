"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { assignUnitCleanerAction, createCleanerAction, updateCleanerAction } from "@/lib/vacant-units/actions";
import { AssignCleanerSchema, CreateCleanerSchema, UpdateCleanerSchema } from "@/lib/vacant-units/schema";

type SiteOption = { id: string; name: string };

/** A new cleaner of a site: a contractor's employee needs no account, only a name (R-VAC-1). */
export function CreateCleanerForm({ sites }: { sites: SiteOption[] }) {
  const t = useTranslations("vacant.cleanersPage");
  const tv = useTranslations("vacant");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateCleanerSchema,
    action: createCleanerAction,
    defaultValues: { siteId: sites[0]?.id ?? "", name: "", company: "", phone: "" },
    onSuccess: () => {
      form.reset({ siteId: form.getValues("siteId"), name: "", company: "", phone: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("add")}>
      <div className="grid gap-2 sm:grid-cols-4">
        {sites.length > 1 ? (
          <SelectField
            register={form.register}
            name="siteId"
            label={tv("site")}
            required
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            error={errorOf("siteId")}
          />
        ) : null}
        <TextField register={form.register} name="name" label={t("name")} required maxLength={50} error={errorOf("name")} />
        <TextField
          register={form.register}
          name="company"
          label={t("company")}
          hint={t("companyHint")}
          maxLength={60}
          error={errorOf("company")}
        />
        <TextField register={form.register} name="phone" label={t("phone")} type="tel" maxLength={20} error={errorOf("phone")} />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("add")} />
      </div>
    </form>
  );
}

/** Edit a cleaner: name, company, phone, still working here or not. */
export function EditCleanerForm(props: {
  cleaner: { id: string; version: number; name: string; company: string | null; phone: string | null; active: boolean };
}) {
  const t = useTranslations("vacant.cleanersPage");
  const router = useRouter();
  const c = props.cleaner;
  const { form, onSubmit, formError, stale, errorOf, busy } = useActionForm({
    schema: UpdateCleanerSchema,
    action: updateCleanerAction,
    defaultValues: { id: c.id, version: c.version, name: c.name, company: c.company ?? "", phone: c.phone ?? "", active: c.active },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("edit")} ${c.name}`}>
      <div className="grid gap-2 sm:grid-cols-3">
        <TextField register={form.register} name="name" label={t("name")} required maxLength={50} error={errorOf("name")} />
        <TextField register={form.register} name="company" label={t("company")} maxLength={60} error={errorOf("company")} />
        <TextField register={form.register} name="phone" label={t("phone")} type="tel" maxLength={20} error={errorOf("phone")} />
      </div>
      <CheckboxField register={form.register} name="active" label={t("active")} />
      <FormStatus error={formError} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("save")} />
      </div>
    </form>
  );
}

/** R-VAC-1: choose the dedicated cleaner of one vacant unit. */
export function AssignCleanerForm(props: {
  unitId: string;
  unitLabel: string;
  cleanerId: string | null;
  cleaners: { id: string; name: string; company: string | null }[];
}) {
  const t = useTranslations("vacant.cleanersPage");
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, busy } = useActionForm({
    schema: AssignCleanerSchema,
    action: assignUnitCleanerAction,
    defaultValues: { unitId: props.unitId, cleanerId: props.cleanerId ?? "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label={t("assignLabel", { unit: props.unitLabel })}
    >
      <div className="min-w-48 flex-1">
        <SelectField
          register={form.register}
          name="cleanerId"
          label={t("assignLabel", { unit: props.unitLabel })}
          emptyOption={t("noneAssigned")}
          options={props.cleaners.map((c) => ({ value: c.id, label: c.company ? `${c.name}（${c.company}）` : c.name }))}
          error={errorOf("cleanerId")}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy} aria-busy={form.formState.isSubmitting}>
        {t("assign")}
      </Button>
      <div className="basis-full">
        <FormStatus error={formError} />
      </div>
    </form>
  );
}
