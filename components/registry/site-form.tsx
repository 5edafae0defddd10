"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { COMMON_TIME_ZONES, CreateSiteSchema, UpdateSiteSchema } from "@/lib/registry/site.schema";

type SiteValues = {
  version?: number;
  id?: string;
  code?: string;
  name: string;
  address: string;
  timeZone: string;
  slot1Start: string;
  slot1End: string;
  slot2Start: string;
  slot2End: string;
  inspectOnWeekends: boolean;
};

export function SiteForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  initial: SiteValues;
}) {
  const t = useTranslations("sites");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: (props.mode === "create" ? CreateSiteSchema : UpdateSiteSchema) as typeof CreateSiteSchema,
    action: props.action,
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/registry/sites");
      router.refresh();
    },
  });
  const { register, formState } = form;
  // The common zones, plus whatever zone the site already has (never silently changed on save).
  const current = props.initial.timeZone;
  const zones =
    (COMMON_TIME_ZONES as readonly string[]).includes(current) || !current ? [...COMMON_TIME_ZONES] : [current, ...COMMON_TIME_ZONES];
  const zoneLabel = (zone: string) => (t.has(`zones.${zone}`) ? t(`zones.${zone}`) : zone);

  const slot = (n: 1 | 2) => (
    <fieldset className="rounded-lg border border-slate-200 px-3 pt-2">
      <legend className="px-1 text-sm font-medium text-slate-700">{t(`slot${n}`)}</legend>
      <div className="grid grid-cols-2 gap-x-3">
        <TextField
          register={register}
          name={`slot${n}Start`}
          label={t("slotStart")}
          type="time"
          required
          error={errorOf(`slot${n}Start`)}
        />
        <TextField register={register} name={`slot${n}End`} label={t("slotEnd")} type="time" required error={errorOf(`slot${n}End`)} />
      </div>
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col" noValidate>
      {props.mode === "create" ? (
        <TextField
          register={register}
          name="code"
          label={t("code")}
          required
          maxLength={16}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          error={errorOf("code")}
          hint={t("codeHint")}
        />
      ) : null}
      <TextField register={register} name="name" label={t("name")} required maxLength={100} error={errorOf("name")} />
      <TextField register={register} name="address" label={t("address")} maxLength={200} error={errorOf("address")} />
      <SelectField
        register={register}
        name="timeZone"
        label={t("timeZone")}
        required
        options={zones.map((z) => ({ value: z, label: zoneLabel(z) }))}
        error={errorOf("timeZone")}
        hint={t("timeZoneHint")}
      />
      <div className="mb-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {slot(1)}
        {slot(2)}
      </div>
      <CheckboxField register={register} name="inspectOnWeekends" label={t("inspectOnWeekends")} />
      <div className="mt-2 flex flex-col gap-2">
        <FormStatus error={formError} message={formMessage} stale={stale} />
        <div>
          <SubmitButton busy={busy} pending={formState.isSubmitting} />
        </div>
      </div>
    </form>
  );
}
