"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStep } from "@/components/newspapers/use-step";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { readCleaningReportAction, sendCleaningReportAction } from "@/lib/cleaning-supervision/actions";

/** §10.7: the supervisor generates today's report from the day's records and sends it to the manager. */
export function SendReportForm({ siteId }: { siteId: string }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [remarks, setRemarks] = useState("");
  const run = useStep(sendCleaningReportAction);
  return (
    <form
      noValidate
      aria-label={t("report.heading")}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ siteId, remarks: remarks || undefined });
      }}
    >
      <Field id="f-report-remarks" label={t("report.remarks")} error={run.fieldErrors.remarks}>
        <textarea
          {...controlProps("f-report-remarks", run.fieldErrors.remarks)}
          className={inputClass}
          rows={2}
          maxLength={1000}
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
        />
      </Field>
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("report.send")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}

/** The manager marks the day's report read. */
export function ReadReportButton({ dayId }: { dayId: string }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const run = useStep(readCleaningReportAction);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ dayId });
      }}
    >
      <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("report.markRead")} />
      <FormStatus error={run.error} />
    </form>
  );
}
