"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { CreateUnitSchema, UNIT_STATUSES, UpdateUnitSchema } from "@/lib/registry/unit.schema";

type Option = { value: string; label: string };
type UnitValues = {
  version?: number;
  siteId?: string;
  id?: string;
  code: string;
  building: string;
  floor: string;
  areaSqm: string;
  status: (typeof UNIT_STATUSES)[number];
  tenantId: string;
};

export function UnitForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: Option[];
  tenants: { id: string; name: string; siteId: string }[];
  initial: UnitValues;
  /** The unit's site when editing (a unit never moves between sites). */
  siteId?: string;
}) {
  const t = useTranslations("units");
  const tFields = useTranslations("fields");
  const tCommon = useTranslations("common");
  const tUnitStatus = useTranslations("unitStatus");
  const router = useRouter();
  const schema = props.mode === "create" ? CreateUnitSchema : UpdateUnitSchema;
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: schema as typeof CreateUnitSchema,
    action: props.action,
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/registry/units");
      router.refresh();
    },
  });
  const { register, watch, formState } = form;
  const siteId = props.mode === "create" ? watch("siteId") : props.siteId;
  const tenantOptions = props.tenants.filter((x) => x.siteId === siteId).map((x) => ({ value: x.id, label: x.name }));

  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl grid-cols-1 gap-x-4 sm:grid-cols-2" noValidate>
      {props.mode === "create" ? (
        <SelectField
          register={register}
          name="siteId"
          label={tFields("site")}
          required
          options={props.sites}
          emptyOption={tCommon("choose")}
          error={errorOf("siteId")}
        />
      ) : null}
      <TextField register={register} name="code" label={t("code")} required maxLength={30} error={errorOf("code")} hint={t("codeHint")} />
      <TextField register={register} name="building" label={tFields("building")} required maxLength={50} error={errorOf("building")} />
      <TextField register={register} name="floor" label={tFields("floor")} required maxLength={20} error={errorOf("floor")} />
      <TextField register={register} name="areaSqm" label={t("areaSqm")} inputMode="decimal" error={errorOf("areaSqm")} />
      <SelectField
        register={register}
        name="status"
        label={t("status")}
        required
        options={UNIT_STATUSES.map((s) => ({ value: s, label: tUnitStatus(`${s}`) }))}
        error={errorOf("status")}
      />
      <SelectField
        register={register}
        name="tenantId"
        label={t("tenant")}
        options={tenantOptions}
        emptyOption={t("noTenant")}
        error={errorOf("tenantId")}
      />
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormStatus error={formError} message={formMessage} stale={stale} />
        <div>
          <SubmitButton busy={busy} pending={formState.isSubmitting} />
        </div>
      </div>
    </form>
  );
}
