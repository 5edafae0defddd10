"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckRow } from "@/components/checks/check-row";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useOutbox } from "@/components/offline/outbox";
import { useActionForm } from "@/components/ui/use-action-form";
import { resubmitVacantCleaningAction, submitVacantCleaningAction } from "@/lib/vacant-units/actions";
import { CHECK_ITEMS, MAX_PHOTOS, SubmitCleaningSchema } from "@/lib/vacant-units/schema";
import { newRequestId } from "@/lib/request-id";

interface Initial {
  cleanedOn: string;
  cleanerId: string | null;
  substituteReason?: string | null;
  checks?: { item: string; result: "PASS" | "FAIL"; note: string | null; photoFileIds: string[] }[];
}

/**
 * 《空置单元清洁记录表》 on a phone: date, cleaner, the four checks of R-VAC-2 with camera photos. New
 * records carry a requestId made once per opened form (a double tap records once); a record sent
 * back is corrected and resubmitted with `recordId`.
 */
export function CleaningForm(props: {
  mode: { kind: "new"; unitId: string; month: string } | { kind: "resubmit"; recordId: string; month: string };
  siteId: string;
  today: string;
  cleaners: { id: string; name: string; company: string | null }[];
  /** R-VAC-1 (专人): the unit's dedicated cleaner; anyone else needs a reason. */
  assignedCleanerId: string | null;
  initial: Initial;
  /** How a new record reads in the phone's outbox ("A-1203 · 2026-11"). */
  label?: string;
}) {
  const t = useTranslations("vacant");
  const labels = { pass: t("pass"), fail: t("fail"), note: t("note"), notePlaceholder: t("notePlaceholder"), photos: t("photos") };
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const outbox = useOutbox();
  const { mode } = props;
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubmitCleaningSchema,
    action: (values) => {
      // A passed check keeps no note typed while it was marked failed.
      const checks = values.checks.map((c) => (c.result === "PASS" ? { ...c, note: null } : c));
      // A new record made without a signal is kept on the phone and sent later (its request id, its time).
      return mode.kind === "new"
        ? outbox.submitOrKeep("vacant", props.label ?? mode.month, submitVacantCleaningAction, { ...values, checks })
        : resubmitVacantCleaningAction({
            recordId: mode.recordId,
            cleanedOn: values.cleanedOn,
            cleanerId: values.cleanerId,
            substituteReason: values.substituteReason,
            checks,
          });
    },
    defaultValues: {
      // The resubmit schema has no requestId/unitId/month: the client-side parse uses these placeholders.
      requestId,
      unitId: mode.kind === "new" ? mode.unitId : "resubmit",
      month: mode.month,
      cleanedOn: props.initial.cleanedOn,
      cleanerId: props.initial.cleanerId ?? "",
      substituteReason: props.initial.substituteReason ?? "",
      checks: CHECK_ITEMS.map((item) => {
        const c = props.initial.checks?.find((x) => x.item === item);
        return { item, result: c?.result ?? "PASS", note: c?.note ?? "", photoFileIds: c?.photoFileIds ?? [] };
      }),
    },
    onSuccess: (data) => {
      const saved = data as { id?: string; queued?: true };
      router.push(saved.id ? `/vacant-units/records/${saved.id}` : "/vacant-units");
    },
  });
  const cleanerId = form.watch("cleanerId");
  const substitute = !!cleanerId && cleanerId !== props.assignedCleanerId;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("form.title")}>
      <p className="text-sm text-slate-600">{t("form.enteredFor")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          register={form.register}
          name="cleanedOn"
          type="date"
          label={t("form.cleanedOn")}
          required
          min={`${mode.month}-01`}
          max={props.today}
          error={errorOf("cleanedOn") ?? errorOf("month")}
        />
        <SelectField
          register={form.register}
          name="cleanerId"
          label={t("form.cleaner")}
          required
          emptyOption={t("form.chooseCleaner")}
          options={props.cleaners.map((c) => ({ value: c.id, label: c.company ? `${c.name}（${c.company}）` : c.name }))}
          error={errorOf("cleanerId")}
        />
      </div>
      {/* R-VAC-1 (专人): someone other than the unit's dedicated cleaner only with a reason. */}
      {substitute ? (
        <TextField
          register={form.register}
          name="substituteReason"
          label={props.assignedCleanerId ? t("form.substituteReason") : t("form.noAssignedCleanerReason")}
          required
          maxLength={200}
          error={errorOf("substituteReason")}
        />
      ) : null}
      {errorOf("unitId") ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {errorOf("unitId")}
        </p>
      ) : null}
      <h2 className="mt-1 font-medium">{t("form.checks")}</h2>
      <ol className="flex flex-col gap-3">
        {CHECK_ITEMS.map((item, index) => (
          <CheckRow
            key={item}
            base={`checks.${index}`}
            legend={`${index + 1}. ${t(`items.${item}`)}`}
            testId={`check-${item}`}
            siteId={props.siteId}
            maxPhotos={MAX_PHOTOS}
            labels={labels}
            control={form.control}
            register={form.register}
            errorOf={errorOf}
            photosAlways
          />
        ))}
      </ol>
      <FormStatus error={formError} message={formMessage} />
      <div className="sticky bottom-0 -mx-1 bg-slate-50/95 px-1 py-2">
        <div className="[&>button]:min-h-12 [&>button]:w-full [&>button]:text-base">
          <SubmitButton
            busy={busy}
            pending={form.formState.isSubmitting}
            label={mode.kind === "new" ? t("form.submit") : t("form.resubmit")}
          />
        </div>
      </div>
    </form>
  );
}
