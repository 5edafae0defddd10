"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { CreateDepartmentSchema, DEPARTMENT_KINDS, UpdateDepartmentSchema } from "@/lib/registry/department.schema";

type Option = { value: string; label: string };
type DepartmentValues = {
  version?: number;
  siteId?: string;
  id?: string;
  name: string;
  kind: (typeof DEPARTMENT_KINDS)[number] | "";
  contactName: string;
  contactPhone: string;
};

export function DepartmentForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: Option[];
  initial: DepartmentValues;
}) {
  const t = useTranslations("departments");
  const tCommon = useTranslations("common");
  const tFields = useTranslations("fields");
  const tDepartmentKind = useTranslations("departmentKind");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: (props.mode === "create" ? CreateDepartmentSchema : UpdateDepartmentSchema) as typeof CreateDepartmentSchema,
    action: props.action,
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/registry/departments");
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
      <TextField register={register} name="name" label={t("name")} required maxLength={100} error={errorOf("name")} />
      <SelectField
        register={register}
        name="kind"
        label={t("kind")}
        required
        options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: tDepartmentKind(`${k}`) }))}
        emptyOption={tCommon("choose")}
        error={errorOf("kind")}
      />
      <TextField
        register={register}
        name="contactName"
        label={t("contactName")}
        maxLength={50}
        autoComplete="off"
        error={errorOf("contactName")}
      />
      <TextField
        register={register}
        name="contactPhone"
        label={t("contactPhone")}
        type="tel"
        inputMode="tel"
        maxLength={20}
        autoComplete="off"
        error={errorOf("contactPhone")}
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
