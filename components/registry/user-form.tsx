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
  const t = useTranslations();
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
            label={t("users.username")}
            required
            autoCapitalize="none"
            maxLength={50}
            error={errorOf("username")}
            hint={t("users.usernameHint")}
          />
          <TextField
            register={register}
            name="password"
            label={t("users.initialPassword")}
            required
            type="password"
            autoComplete="new-password"
            error={errorOf("password")}
            hint={t("users.passwordHint")}
          />
        </>
      ) : null}
      <TextField register={register} name="name" label={t("users.name")} required maxLength={50} error={errorOf("name")} />
      <TextField
        register={register}
        name="email"
        label={t("users.email")}
        type="email"
        autoComplete="off"
        maxLength={100}
        error={errorOf("email")}
        hint={t("users.emailHint")}
      />
      <SelectField
        register={register}
        name="role"
        label={t("users.role")}
        required
        options={ROLE_VALUES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errorOf("role")}
      />
      {role === "SUPERVISOR" ? (
        <SelectField
          register={register}
          name="duty"
          label={t("users.duty")}
          required
          emptyOption={t("common.choose")}
          options={DUTY_VALUES.map((d) => ({ value: d, label: t(`duties.${d}`) }))}
          error={errorOf("duty")}
        />
      ) : null}
      <fieldset className="sm:col-span-2" aria-describedby="f-siteIds-error">
        <legend className="text-sm font-medium text-slate-700">{t("users.sites")}</legend>
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
      {props.mode === "update" ? <CheckboxField register={register} name={"disabled" as never} label={t("users.disabled")} /> : null}
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormStatus error={formError} message={formMessage} stale={stale} />
        <div>
          <SubmitButton busy={busy} pending={formState.isSubmitting} />
        </div>
      </div>
    </form>
  );
}
