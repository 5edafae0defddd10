"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhotoInput } from "@/components/files/photo-input";
import { useStep } from "@/components/newspapers/use-step";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  instructCleaningMonthlyReportAction,
  submitCleaningMonthlyReportAction,
  submitCleaningPlanAction,
} from "@/lib/cleaning-supervision/actions";
import { newRequestId } from "@/lib/request-id";

function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
  max: number;
}) {
  return (
    <Field id={props.id} label={props.label} required={props.required} error={props.error}>
      <textarea
        {...controlProps(props.id, props.error)}
        className={inputClass}
        rows={3}
        maxLength={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/** §10.11–12: the cleaning company's plan for a period, typed or photographed. */
export function PlanForm({ siteId, kind, period }: { siteId: string; kind: "WEEKLY" | "MONTHLY"; period: string }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [requestId] = useState(newRequestId);
  const [content, setContent] = useState("");
  const [photos, setPhotos] = useState<string[]>([]);
  const run = useStep(submitCleaningPlanAction);
  const id = `f-plan-${kind}-${period}`;
  return (
    <form
      noValidate
      aria-label={t("plans.contractorPlan")}
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ requestId, siteId, kind, period, content: content || undefined, photoFileIds: photos });
      }}
    >
      <TextArea
        id={`${id}-content`}
        label={t("plans.content")}
        value={content}
        onChange={setContent}
        error={run.fieldErrors.content ?? run.fieldErrors.period}
        max={4000}
      />
      <PhotoInput
        siteId={siteId}
        name={`${id}-photos`}
        label={t("plans.photos")}
        value={photos}
        onChange={setPhotos}
        error={run.fieldErrors.photoFileIds}
      />
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("plans.submit")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}

/** §10.13: the supervisor's written summary of the month and next month's plan. */
export function MonthlyReportForm({ siteId, month }: { siteId: string; month: string }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [requestId] = useState(newRequestId);
  const [summary, setSummary] = useState("");
  const [nextMonthPlan, setNextMonthPlan] = useState("");
  const run = useStep(submitCleaningMonthlyReportAction);
  return (
    <form
      noValidate
      aria-label={t("plans.monthlyReport")}
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ requestId, siteId, month, summary, nextMonthPlan });
      }}
    >
      <TextArea
        id={`f-summary-${month}`}
        label={t("plans.summary")}
        value={summary}
        onChange={setSummary}
        error={run.fieldErrors.summary ?? run.fieldErrors.month}
        required
        max={4000}
      />
      <TextArea
        id={`f-next-${month}`}
        label={t("plans.nextMonthPlan")}
        value={nextMonthPlan}
        onChange={setNextMonthPlan}
        error={run.fieldErrors.nextMonthPlan}
        required
        max={4000}
      />
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("plans.submitReport")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}

/** §10.13 明确指示: the manager's instruction on the monthly report. */
export function InstructionForm({ reportId }: { reportId: string }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [instruction, setInstruction] = useState("");
  const run = useStep(instructCleaningMonthlyReportAction);
  return (
    <form
      noValidate
      aria-label={t("plans.instruction")}
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ reportId, instruction });
      }}
    >
      <TextArea
        id={`f-instruction-${reportId}`}
        label={t("plans.instruction")}
        value={instruction}
        onChange={setInstruction}
        error={run.fieldErrors.instruction}
        required
        max={2000}
      />
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("plans.instruct")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}
