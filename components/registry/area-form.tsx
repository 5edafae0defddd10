"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { AREA_TYPES, CreateAreaSchema, UpdateAreaSchema } from "@/lib/registry/area.schema";

type Option = { value: string; label: string };
type AreaValues = {
  version?: number;
  siteId?: string;
  id?: string;
  name: string;
  type: (typeof AREA_TYPES)[number] | "";
  building: string;
  floor: string;
  active: boolean;
};

export function AreaForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: Option[];
  initial: AreaValues;
}) {
  const t = useTranslations("areas");
  const tFields = useTranslations("fields");
  const tCommon = useTranslations("common");
  const tAreaType = useTranslations("areaType");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: (props.mode === "create" ? CreateAreaSchema : UpdateAreaSchema) as typeof CreateAreaSchema,
    action: props.action,
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/registry/areas");
      router.refresh();
    },
  });
  const { register, formState } = form;

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
      <TextField register={register} name="name" label={t("name")} required maxLength={100} error={errorOf("name")} hint={t("nameHint")} />
      <SelectField
        register={register}
        name="type"
        label={t("type")}
        required
        options={AREA_TYPES.map((x) => ({ value: x, label: tAreaType(`${x}`) }))}
        emptyOption={tCommon("choose")}
        error={errorOf("type")}
      />
      <TextField register={register} name="building" label={tFields("building")} required maxLength={50} error={errorOf("building")} />
      <TextField register={register} name="floor" label={tFields("floor")} required maxLength={20} error={errorOf("floor")} />
      <div className="sm:col-span-2">
        <CheckboxField register={register} name="active" label={t("active")} />
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormStatus error={formError} message={formMessage} stale={stale} />
        <div>
          <SubmitButton busy={busy} pending={formState.isSubmitting} />
        </div>
      </div>
    </form>
  );
}
