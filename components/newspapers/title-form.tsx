"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createNewspaperTitleAction, updateNewspaperTitleAction } from "@/lib/newspapers/actions";
import { TitleSchema, UpdateTitleSchema } from "@/lib/newspapers/schema";

/** A new title (报刊) of the site. */
export function TitleForm({ siteId }: { siteId: string }) {
  const t = useTranslations("newspapers");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: TitleSchema,
    action: createNewspaperTitleAction,
    defaultValues: { siteId, name: "", publisher: "" },
    onSuccess: () => {
      form.reset({ siteId, name: "", publisher: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("titles.add")} className="grid gap-x-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <TextField register={form.register} name="name" label={t("titles.name")} required maxLength={60} error={errorOf("name")} />
      <TextField register={form.register} name="publisher" label={t("titles.publisher")} maxLength={60} error={errorOf("publisher")} />
      <div className="sm:mt-6">
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("titles.add")} />
      </div>
      <div className="sm:col-span-3">
        <FormStatus error={formError} message={formMessage} />
      </div>
    </form>
  );
}

/** Rename a title or stop it (a stopped title gets no deliveries from the next receipt on). */
export function TitleEdit(props: { title: { id: string; version: number; name: string; publisher: string | null; active: boolean } }) {
  const t = useTranslations("newspapers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults = {
    id: props.title.id,
    version: props.title.version,
    name: props.title.name,
    publisher: props.title.publisher ?? "",
    active: props.title.active,
  };
  const { form, onSubmit, formError, stale, errorOf, busy } = useActionForm({
    schema: UpdateTitleSchema,
    action: updateNewspaperTitleAction,
    defaultValues: defaults,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("titles.edit")}
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("titles.edit")} className="flex min-w-64 flex-col gap-1">
      <TextField register={form.register} name="name" label={t("titles.name")} required maxLength={60} error={errorOf("name")} />
      <TextField register={form.register} name="publisher" label={t("titles.publisher")} maxLength={60} error={errorOf("publisher")} />
      <CheckboxField register={form.register} name="active" label={t("titles.active")} />
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
