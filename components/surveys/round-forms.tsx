"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { newRequestId } from "@/lib/request-id";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** A new round of one site and period with the current questionnaire. */
export function OpenRoundForm(props: {
  sites: { id: string; name: string }[];
  defaults: { title: string; periodStart: string; periodEnd: string };
  action: Action;
}) {
  const t = useTranslations("surveys");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: () => import("@/lib/surveys/schema").then((m) => m.OpenRoundSchema),
    action: props.action,
    defaultValues: { requestId: newRequestId(), siteId: props.sites[0]?.id ?? "", ...props.defaults },
    onSuccess: (data) => {
      form.setValue("requestId", newRequestId());
      const id = (data as { id?: string } | null)?.id;
      if (id) router.push(`/surveys/${id}`);
      else router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-2 sm:grid-cols-2" noValidate aria-label={t("openRound")}>
      {props.sites.length > 1 ? (
        <SelectField
          register={form.register}
          name="siteId"
          label={t("site")}
          required
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("siteId")}
        />
      ) : null}
      <TextField register={form.register} name="title" label={t("roundTitle")} required maxLength={100} error={errorOf("title")} />
      <TextField register={form.register} name="periodStart" type="date" label={t("periodStart")} required error={errorOf("periodStart")} />
      <TextField register={form.register} name="periodEnd" type="date" label={t("periodEnd")} required error={errorOf("periodEnd")} />
      <div className="sm:col-span-2">
        <FormStatus error={formError} message={formMessage} />
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("openRound")} />
      </div>
    </form>
  );
}

/** The questionnaire's questions; saving makes a new version. */
export function QuestionnaireForm(props: { questions: string[]; action: Action }) {
  const t = useTranslations("surveys");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: () => import("@/lib/surveys/schema").then((m) => m.SaveQuestionnaireSchema),
    action: props.action,
    defaultValues: { questions: (props.questions.length ? props.questions : [""]).map((label) => ({ label })) },
    onSuccess: () => router.refresh(),
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "questions" });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("editQuestionnaire")}>
      {fields.map((field, i) => (
        <div key={field.id} className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              register={form.register}
              name={`questions.${i}.label`}
              label={t("question", { n: i + 1 })}
              required
              maxLength={200}
              error={errorOf(`questions.${i}.label`)}
            />
          </div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => remove(i)}
            disabled={fields.length <= 1}
            aria-label={`${t("removeQuestion")} ${i + 1}`}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => append({ label: "" })}>
          {t("addQuestion")}
        </Button>
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("saveQuestionnaire")} />
      </div>
    </form>
  );
}
