"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { SetOverrideSchema } from "@/lib/calendar-admin/schema";

/** `versions`: the version of each day's override the page shows, sent with a change of that day (lib/versioning.ts). */
export function OverrideForm(props: {
  siteId: string;
  versions: Record<string, number>;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("calendar");
  const tFields = useTranslations("fields");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: SetOverrideSchema,
    action: (values: { date: string }) => props.action({ ...values, version: props.versions[values.date] }),
    defaultValues: { siteId: props.siteId, date: "", kind: "HOLIDAY", note: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-x-3 sm:grid-cols-4" noValidate>
      <TextField register={form.register} name="date" type="date" label={t("date")} required error={errorOf("date")} />
      <SelectField
        register={form.register}
        name="kind"
        label={t("kind")}
        options={[
          { value: "HOLIDAY", label: t("kinds.HOLIDAY") },
          { value: "WORKDAY", label: t("kinds.WORKDAY") },
        ]}
        error={errorOf("kind")}
      />
      <TextField register={form.register} name="note" label={tFields("notes")} maxLength={100} error={errorOf("note")} />
      <div className="flex items-center">
        <Button type="submit" disabled={busy}>
          {t("addOverride")}
        </Button>
      </div>
      <div className="sm:col-span-4">
        <FormStatus error={formError} message={formMessage} stale={stale} />
      </div>
    </form>
  );
}
