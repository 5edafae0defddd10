"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createNewspaperSubscriptionAction, updateNewspaperSubscriptionAction } from "@/lib/newspapers/actions";
import { SubscriptionSchema, UpdateSubscriptionSchema } from "@/lib/newspapers/schema";
import { newRequestId } from "@/lib/request-id";

/** Copies and from / to (inclusive): the part of a subscription that is set when it starts and changed later. */
function TermFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  errorOf: (name: string) => string | undefined;
  /** Each row's change form has its own element ids. */
  idPrefix?: string;
}) {
  const t = useTranslations("newspapers");
  return (
    <>
      <TextField
        register={props.register}
        idPrefix={props.idPrefix}
        name={"copies" as Path<T>}
        label={t("subscriptions.copies")}
        required
        inputMode="numeric"
        error={props.errorOf("copies")}
      />
      <TextField
        register={props.register}
        idPrefix={props.idPrefix}
        name={"startsOn" as Path<T>}
        label={t("subscriptions.startsOn")}
        required
        type="date"
        error={props.errorOf("startsOn")}
      />
      <TextField
        register={props.register}
        idPrefix={props.idPrefix}
        name={"endsOn" as Path<T>}
        label={t("subscriptions.endsOn")}
        type="date"
        error={props.errorOf("endsOn")}
      />
    </>
  );
}

type Options = { titles: { id: string; name: string }[]; tenants: { id: string; name: string; units: { id: string; code: string }[] }[] };

/** Which tenant / unit receives how many copies of a title, from / to (inclusive). */
export function SubscriptionForm(props: { siteId: string; today: string; options: Options }) {
  const t = useTranslations("newspapers");
  const tc = useTranslations("common");
  const router = useRouter();
  // One id per filled-in form: a double tap or a replayed request finds the subscription it already made.
  const [requestId] = useState(newRequestId);
  const defaults = {
    requestId,
    siteId: props.siteId,
    titleId: "",
    tenantId: "",
    unitId: "",
    copies: "1",
    startsOn: props.today,
    endsOn: "",
  };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubscriptionSchema,
    action: createNewspaperSubscriptionAction,
    defaultValues: defaults,
    onSuccess: () => {
      form.reset({ ...defaults, requestId: newRequestId() });
      router.refresh();
    },
  });
  const tenantId = form.watch("tenantId");
  const units = props.options.tenants.find((x) => x.id === tenantId)?.units ?? [];
  // Another tenant: the unit chosen for the previous one no longer applies (a tenant with one unit gets it).
  const onlyUnit = units.length === 1 ? units[0].id : "";
  useEffect(() => {
    form.setValue("unitId", onlyUnit);
  }, [tenantId, onlyUnit, form]);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("subscriptions.add")} className="grid gap-x-3 sm:grid-cols-3">
      <SelectField
        register={form.register}
        name="titleId"
        label={t("subscriptions.title")}
        required
        emptyOption={tc("choose")}
        options={props.options.titles.map((x) => ({ value: x.id, label: x.name }))}
        error={errorOf("titleId")}
      />
      <SelectField
        register={form.register}
        name="tenantId"
        label={t("subscriptions.tenant")}
        required
        emptyOption={tc("choose")}
        options={props.options.tenants.map((x) => ({ value: x.id, label: x.name }))}
        error={errorOf("tenantId")}
      />
      <SelectField
        register={form.register}
        name="unitId"
        label={t("subscriptions.unit")}
        required
        emptyOption={tc("choose")}
        options={units.map((u) => ({ value: u.id, label: u.code }))}
        error={errorOf("unitId")}
      />
      <TermFields register={form.register} errorOf={errorOf} />
      <div className="sm:col-span-3">
        <FormStatus error={formError} message={formMessage} />
        <div className="mt-2">
          <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("subscriptions.add")} />
        </div>
      </div>
    </form>
  );
}

/** Change the copies or end a subscription (days already received keep their own copies). */
export function SubscriptionEdit(props: { sub: { id: string; version: number; copies: number; startsOn: string; endsOn: string | null } }) {
  const t = useTranslations("newspapers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults = {
    id: props.sub.id,
    version: props.sub.version,
    copies: String(props.sub.copies),
    startsOn: props.sub.startsOn,
    endsOn: props.sub.endsOn ?? "",
  };
  const { form, onSubmit, formError, stale, errorOf, busy } = useActionForm({
    schema: UpdateSubscriptionSchema,
    action: updateNewspaperSubscriptionAction,
    defaultValues: defaults,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("subscriptions.edit")}
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("subscriptions.edit")} className="flex min-w-56 flex-col gap-1">
      <TermFields register={form.register} errorOf={errorOf} idPrefix={`sub-${props.sub.id}`} />
      <FormStatus error={formError} stale={stale} />
      <div className="flex gap-2">
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} />
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("delivery.cancel")}
        </Button>
      </div>
    </form>
  );
}
