"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { resubmitVacantCleaningAction, submitVacantCleaningAction } from "@/lib/vacant-units/actions";
import { CHECK_ITEMS, MAX_PHOTOS, SubmitCleaningSchema, type SubmitCleaningInput } from "@/lib/vacant-units/schema";
import { newRequestId } from "@/lib/request-id";

const choiceClass =
  "flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-slate-300 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400";

/** One R-VAC-2 check: 合格 / 不合格 as two big buttons; a failure asks for a note; photos from the camera. */
function CheckRow(props: {
  index: number;
  siteId: string;
  control: Control<SubmitCleaningInput>;
  register: UseFormRegister<SubmitCleaningInput>;
  errorOf: (name: string) => string | undefined;
}) {
  const t = useTranslations("vacant");
  const { index } = props;
  const item = CHECK_ITEMS[index];
  const base = `checks.${index}` as const;
  const failed = useWatch({ control: props.control, name: `${base}.result` }) === "FAIL";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`check-${item}`}>
      <fieldset aria-describedby={`f-checks-${index}-result-error`}>
        <legend className="mb-2 font-medium">
          {index + 1}. {t(`items.${item}`)}
        </legend>
        <div className="flex gap-2">
          <label className={`${choiceClass} has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-50`}>
            <input type="radio" value="PASS" className="h-5 w-5" {...props.register(`${base}.result`)} />
            {t("pass")}
          </label>
          <label className={`${choiceClass} has-[:checked]:border-red-600 has-[:checked]:bg-red-50`}>
            <input type="radio" value="FAIL" className="h-5 w-5" {...props.register(`${base}.result`)} />
            {t("fail")}
          </label>
        </div>
        <p id={`f-checks-${index}-result-error`} className="text-xs text-red-600" aria-live="polite">
          {props.errorOf(`${base}.result`) ?? ""}
        </p>
      </fieldset>
      <div className="mt-2 flex flex-col gap-2">
        {failed ? (
          <TextAreaField
            register={props.register}
            name={`${base}.note`}
            label={t("note")}
            placeholder={t("notePlaceholder")}
            required
            maxLength={500}
            rows={2}
            error={props.errorOf(`${base}.note`)}
          />
        ) : null}
        <Controller
          control={props.control}
          name={`${base}.photoFileIds`}
          render={({ field }) => (
            <PhotoInput
              siteId={props.siteId}
              name={`${base}.photoFileIds`}
              label={t("photos")}
              max={MAX_PHOTOS}
              value={field.value ?? []}
              onChange={field.onChange}
              error={props.errorOf(`${base}.photoFileIds`)}
            />
          )}
        />
      </div>
    </li>
  );
}

interface Initial {
  cleanedOn: string;
  cleanerId: string | null;
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
  initial: Initial;
}) {
  const t = useTranslations("vacant");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const { mode } = props;
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubmitCleaningSchema,
    action: (values) => {
      // A passed check keeps no note typed while it was marked failed.
      const checks = values.checks.map((c) => (c.result === "PASS" ? { ...c, note: null } : c));
      return mode.kind === "new"
        ? submitVacantCleaningAction({ ...values, checks })
        : resubmitVacantCleaningAction({ recordId: mode.recordId, cleanedOn: values.cleanedOn, cleanerId: values.cleanerId, checks });
    },
    defaultValues: {
      // The resubmit schema has no requestId/unitId/month: the client-side parse uses these placeholders.
      requestId,
      unitId: mode.kind === "new" ? mode.unitId : "resubmit",
      month: mode.month,
      cleanedOn: props.initial.cleanedOn,
      cleanerId: props.initial.cleanerId ?? "",
      checks: CHECK_ITEMS.map((item) => {
        const c = props.initial.checks?.find((x) => x.item === item);
        return { item, result: c?.result ?? "PASS", note: c?.note ?? "", photoFileIds: c?.photoFileIds ?? [] };
      }),
    },
    onSuccess: (data) => router.push(`/vacant-units/records/${(data as { id: string }).id}`),
  });

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
      {errorOf("unitId") ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {errorOf("unitId")}
        </p>
      ) : null}
      <h2 className="mt-1 font-medium">{t("form.checks")}</h2>
      <ol className="flex flex-col gap-3">
        {CHECK_ITEMS.map((item, index) => (
          <CheckRow key={item} index={index} siteId={props.siteId} control={form.control} register={form.register} errorOf={errorOf} />
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
