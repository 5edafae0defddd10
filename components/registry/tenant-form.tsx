"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { CreateTenantSchema, UpdateTenantSchema } from "@/lib/registry/tenant.schema";

type Contact = { id?: string; name: string; position: string; phone: string };
type TenantValues = { siteId?: string; id?: string; version?: number; name: string; notes: string; contacts: Contact[] };

export function TenantForm(props: {
  mode: "create" | "update";
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: { value: string; label: string }[];
  initial: TenantValues;
}) {
  const t = useTranslations("tenants");
  const tFields = useTranslations("fields");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: (props.mode === "create" ? CreateTenantSchema : UpdateTenantSchema) as typeof CreateTenantSchema,
    action: props.action,
    defaultValues: props.initial as never,
    onSuccess: () => {
      router.push("/registry/tenants");
      router.refresh();
    },
  });
  const { register, control, formState } = form;
  const contacts = useFieldArray({ control, name: "contacts" });

  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-2" noValidate>
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
      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("contacts")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("contactsHint")}</p>
        {contacts.fields.map((field, index) => (
          <div key={field.id} className="mb-2 grid grid-cols-1 gap-x-3 border-b border-slate-100 pb-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
            <TextField
              register={register}
              name={`contacts.${index}.name`}
              label={t("contactName")}
              required
              maxLength={50}
              error={errorOf(`contacts.${index}.name`)}
            />
            <TextField
              register={register}
              name={`contacts.${index}.position`}
              label={t("position")}
              maxLength={50}
              error={errorOf(`contacts.${index}.position`)}
            />
            <TextField
              register={register}
              name={`contacts.${index}.phone`}
              label={tFields("phone")}
              required
              inputMode="tel"
              maxLength={20}
              error={errorOf(`contacts.${index}.phone`)}
            />
            <div className="flex items-center">
              <Button
                type="button"
                variant="secondary"
                onClick={() => contacts.remove(index)}
                disabled={contacts.fields.length <= 1}
                aria-label={`${tCommon("remove")} ${index + 1}`}
              >
                {tCommon("remove")}
              </Button>
            </div>
          </div>
        ))}
        <p className="text-xs text-red-600" aria-live="polite">
          {errorOf("contacts") ?? ""}
        </p>
        {contacts.fields.length < 10 ? (
          <Button type="button" variant="secondary" onClick={() => contacts.append({ name: "", position: "", phone: "" })}>
            {t("addContact")}
          </Button>
        ) : null}
      </fieldset>
      <TextField register={register} name="notes" label={tFields("notes")} maxLength={500} error={errorOf("notes")} />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} />
      </div>
    </form>
  );
}
