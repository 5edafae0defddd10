"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { RecordResponseSchema, SubmitLinkResponseSchema } from "@/lib/surveys/schema";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Question = { id: string; label: string };

const SCORES = ["1", "2", "3", "4", "5"].map((s) => ({ value: s, label: s }));

/**
 * One tenant's questionnaire: a 1–5 score per question (radio buttons, a thumb's size on a phone) and
 * the free opinion. Staff enter a paper form with it (`paper`: round and tenant), the tenant fills it
 * in through their link (`link`: the token only). Both are checked by the server with the same rules.
 */
export function ScoreForm(
  props: { questions: Question[]; action: Action; submitLabel: string } & (
    { mode: "paper"; roundId: string; tenantId: string; backHref: string } | { mode: "link"; token: string }
  ),
) {
  const t = useTranslations("surveys");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const answers = props.questions.map((q) => ({ questionId: q.id, score: "" as unknown as number }));
  const common = { respondentName: "", opinion: "", answers };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: props.mode === "paper" ? RecordResponseSchema : SubmitLinkResponseSchema,
    action: props.action,
    defaultValues:
      props.mode === "paper" ? { ...common, roundId: props.roundId, tenantId: props.tenantId } : { ...common, token: props.token },
    onSuccess: () => {
      if (props.mode === "paper") router.push(props.backHref);
      else setDone(true);
    },
  });
  if (done)
    return (
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900" data-testid="survey-thanks">
        <p className="font-medium">{t("public.thanks")}</p>
        <p className="mt-1 text-sm">{t("public.thanksHint")}</p>
      </div>
    );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("questionnaire")}>
      <p className="text-xs text-slate-500">{t("scoreHint")}</p>
      {props.questions.map((q, i) => (
        <RadioGroupField
          key={q.id}
          register={form.register}
          name={`answers.${i}.score`}
          label={`${i + 1}. ${q.label}`}
          required
          options={SCORES}
          error={errorOf(`answers.${i}.score`)}
        />
      ))}
      <p className="min-h-4 text-xs text-red-600" aria-live="polite">
        {errorOf("answers") ?? ""}
      </p>
      <TextAreaField register={form.register} name="opinion" label={t("opinion")} maxLength={1000} rows={4} error={errorOf("opinion")} />
      <TextField
        register={form.register}
        name="respondentName"
        label={t("respondentName")}
        maxLength={50}
        error={errorOf("respondentName")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={props.submitLabel} />
      </div>
    </form>
  );
}
