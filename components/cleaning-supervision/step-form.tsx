"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStep } from "@/components/newspapers/use-step";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { recordCleaningStepAction } from "@/lib/cleaning-supervision/actions";
import type { DayStep } from "@/lib/cleaning-supervision/rules";
import { newRequestId } from "@/lib/request-id";

/**
 * One step of today's day (R-CLN-1), recorded with the clock's time; the lunchtime check (§10.4) asks
 * whether the public areas were kept and, when not, for the re-staffing agreed with the contractor.
 */
export function StepForm({ siteId, step }: { siteId: string; step: DayStep }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [requestId] = useState(newRequestId);
  const [note, setNote] = useState("");
  const [ok, setOk] = useState<"" | "yes" | "no">("");
  const [restaffingNote, setRestaffingNote] = useState("");
  const run = useStep(recordCleaningStepAction);
  const lunch = step === "LUNCH_CHECK";
  const id = (name: string) => `f-${step}-${name}`;
  return (
    <form
      noValidate
      aria-label={t(`items.${step}`)}
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({
          requestId,
          siteId,
          step,
          note: note || undefined,
          ...(lunch ? { ok: ok === "" ? undefined : ok === "yes", restaffingNote: restaffingNote || undefined } : {}),
        });
      }}
    >
      {lunch ? (
        <fieldset aria-describedby={`${id("ok")}-error`}>
          <legend className="sr-only">{t("items.LUNCH_CHECK")}</legend>
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 py-1 text-sm">
              <input type="radio" name={id("ok")} value={v} checked={ok === v} onChange={() => setOk(v)} />
              {v === "yes" ? t("step.lunchOk") : t("step.lunchNotOk")}
            </label>
          ))}
          <p id={`${id("ok")}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
            {run.fieldErrors.ok ?? ""}
          </p>
        </fieldset>
      ) : null}
      {lunch && ok === "no" ? (
        <Field id={id("restaffingNote")} label={t("step.restaffingNote")} required error={run.fieldErrors.restaffingNote}>
          <input
            {...controlProps(id("restaffingNote"), run.fieldErrors.restaffingNote)}
            className={inputClass}
            maxLength={500}
            value={restaffingNote}
            onChange={(e) => setRestaffingNote(e.target.value)}
          />
        </Field>
      ) : null}
      <Field id={id("note")} label={t("step.note")} error={run.fieldErrors.note}>
        <input
          {...controlProps(id("note"), run.fieldErrors.note)}
          className={inputClass}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("step.record")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}
