"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { CreateUserSchema, DUTY_VALUES, ROLE_VALUES, UpdateUserSchema } from "@/lib/registry/user.schema";

type UserValues = {
  version?: number;
  id?: string;
  username?: string;
  password?: string;
  name: string;
  email?: string;
  role: (typeof ROLE_VALUES)[number];
  duty: string | null;
  siteIds: string[];
  disabled?: boolean;
};

export function UserForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: { value: string; label: string }[];
  initial: UserValues;
}) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const tDuties = useTranslations("duties");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: (props.mode === "create" ? CreateUserSchema : UpdateUserSchema) as typeof CreateUserSchema,
    action: (values) => props.action({ ...values, duty: values.role === "SUPERVISOR" ? values.duty || null : null }),
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/admin/users");
      router.refresh();
    },
  });
  const { register, watch, formState } = form;
  const role = watch("role");

  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl grid-cols-1 gap-x-4 sm:grid-cols-2" noValidate>
      {props.mode === "create" ? (
        <>
          <TextField
            register={register}
            name="username"
            label={t("username")}
            required
            autoCapitalize="none"
            maxLength={50}
            error={errorOf("username")}
            hint={t("usernameHint")}
          />
          <TextField
            register={register}
            name="password"
            label={t("initialPassword")}
            required
            type="password"
            autoComplete="new-password"
            error={errorOf("password")}
            hint={t("passwordHint")}
          />
        </>
      ) : null}
      <TextField register={register} name="name" label={t("name")} required maxLength={50} error={errorOf("name")} />
      <TextField
        register={register}
        name="email"
        label={t("email")}
        type="email"
        autoComplete="off"
        maxLength={100}
        error={errorOf("email")}
        hint={t("emailHint")}
      />
      <SelectField
        register={register}
        name="role"
        label={t("role")}
        required
        options={ROLE_VALUES.map((r) => ({ value: r, label: tRoles(`${r}`) }))}
        error={errorOf("role")}
      />
      {role === "SUPERVISOR" ? (
        <SelectField
          register={register}
          name="duty"
          label={t("duty")}
          required
          emptyOption={tCommon("choose")}
          options={DUTY_VALUES.map((d) => ({ value: d, label: tDuties(`${d}`) }))}
          error={errorOf("duty")}
        />
      ) : null}
      <fieldset className="sm:col-span-2" aria-describedby="f-siteIds-error">
        <legend className="text-sm font-medium text-slate-700">{t("sites")}</legend>
        <div className="flex flex-wrap gap-x-4">
          {props.sites.map((s) => (
            <label key={s.value} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={s.value} className="h-5 w-5" {...register("siteIds")} />
              {s.label}
            </label>
          ))}
        </div>
        <p id="f-siteIds-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
          {errorOf("siteIds") ?? ""}
        </p>
      </fieldset>
      {props.mode === "update" ? <CheckboxField register={register} name={"disabled" as never} label={t("disabled")} /> : null}
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormStatus error={formError} message={formMessage} stale={stale} />
        <div>
          <SubmitButton busy={busy} pending={formState.isSubmitting} />
        </div>
      </div>
    </form>
  );
}
