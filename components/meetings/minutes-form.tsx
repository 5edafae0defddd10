"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveMinutesAction } from "@/lib/meetings/actions";
import { AGENDA_SECTIONS } from "@/lib/meetings/rules";
import { SaveMinutesSchema } from "@/lib/meetings/schema";

/** R-MTG-2: the fixed agenda as three text sections; drafts may be saved with empty sections. */
export function MinutesForm(props: {
  meetingId: string;
  version: number;
  agenda: Record<(typeof AGENDA_SECTIONS)[number], string | null>;
}) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: SaveMinutesSchema,
    action: saveMinutesAction,
    defaultValues: {
      meetingId: props.meetingId,
      version: props.version,
      lastWeekReview: props.agenda.lastWeekReview ?? "",
      nextWeekPlan: props.agenda.nextWeekPlan ?? "",
      assignments: props.agenda.assignments ?? "",
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("agenda.title")}>
      {AGENDA_SECTIONS.map((section) => (
        <TextAreaField
          key={section}
          name={section}
          label={t(`agenda.${section}`)}
          register={form.register}
          error={errorOf(section)}
          maxLength={5000}
        />
      ))}
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("agenda.save")} />
      </div>
    </form>
  );
}
