"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveFoundItemSettingsAction } from "@/lib/found-items/actions";
import { FoundItemSettingsSchema } from "@/lib/found-items/schema";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "@/lib/found-items/rules";

/** A site's keeping period for found items; it applies to items registered from now on. */
export function FoundItemSettingsForm(props: { site: { id: string; name: string; retentionDays: number; version: number } }) {
  const t = useTranslations("foundItems");
  const router = useRouter();
  const { site } = props;
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: FoundItemSettingsSchema,
    action: saveFoundItemSettingsAction,
    defaultValues: { siteId: site.id, version: site.version, retentionDays: site.retentionDays },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("settings.title")} ${site.name}`}>
      <TextField
        register={form.register}
        idPrefix={`site-${site.id}`}
        name="retentionDays"
        label={t("settings.retentionDays", { site: site.name })}
        hint={t("settings.hint", { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS })}
        type="number"
        inputMode="numeric"
        min={MIN_RETENTION_DAYS}
        max={MAX_RETENTION_DAYS}
        required
        error={errorOf("retentionDays")}
      />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("settings.save")} />
      </div>
    </form>
  );
}
