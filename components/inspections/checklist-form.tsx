"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { MAX_PHOTOS, SubmitInspectionSchema, type SubmitInspectionInput } from "@/lib/inspections/schema";
import { newRequestId } from "@/lib/request-id";

interface Item {
  id: string;
  label: string;
  equipment: boolean;
}

const choiceClass =
  "flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400";

/** One item: 合格 / 不合格 as two big buttons; the note and camera appear only for a failure (R-INS-3). */
function ItemRow(props: {
  index: number;
  item: Item;
  siteId: string;
  control: Control<SubmitInspectionInput>;
  register: UseFormRegister<SubmitInspectionInput>;
  errorOf: (name: string) => string | undefined;
}) {
  const t = useTranslations("inspections");
  const { index, item } = props;
  const base = `results.${index}` as const;
  const failed = useWatch({ control: props.control, name: `${base}.result` }) === "FAIL";
  const resultError = props.errorOf(`${base}.result`);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`item-${item.id}`}>
      <fieldset aria-describedby={`f-results-${index}-result-error`}>
        <legend className="mb-2 font-medium">
          {index + 1}. {item.label}
          {item.equipment ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("equipment")}</span> : null}
        </legend>
        <div className="flex gap-2">
          <label className={`${choiceClass} border-slate-300 has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-50`}>
            <input type="radio" value="PASS" className="h-5 w-5" {...props.register(`${base}.result`)} />
            {t("pass")}
          </label>
          <label className={`${choiceClass} border-slate-300 has-[:checked]:border-red-600 has-[:checked]:bg-red-50`}>
            <input type="radio" value="FAIL" className="h-5 w-5" {...props.register(`${base}.result`)} />
            {t("fail")}
          </label>
        </div>
        <p id={`f-results-${index}-result-error`} className="text-xs text-red-600" aria-live="polite">
          {resultError ?? ""}
        </p>
      </fieldset>
      {failed ? (
        <div className="mt-2 flex flex-col gap-2">
          {item.equipment ? <p className="text-xs text-amber-800">{t("equipmentHint")}</p> : null}
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
      ) : null}
    </li>
  );
}

/**
 * The checklist of one area in one window: every item answered, one submit. Who, where and when are
 * taken by the server from the session and the clock; the form sends only the answers.
 */
export function ChecklistForm(props: {
  areaId: string;
  periodKey: string;
  siteId: string;
  templateId: string;
  items: Item[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("inspections");
  const router = useRouter();
  // One id per opened checklist: a double tap or a retried request records the check once.
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubmitInspectionSchema,
    // A passed item keeps no note or photos that were entered while it was marked failed.
    action: (values) =>
      props.action({
        ...values,
        results: values.results.map((r) => (r.result === "PASS" ? { ...r, note: null, photoFileIds: [] } : r)),
      }),
    defaultValues: {
      requestId,
      areaId: props.areaId,
      periodKey: props.periodKey,
      templateId: props.templateId,
      results: props.items.map((item) => ({ itemId: item.id, result: "PASS" as const, note: "", photoFileIds: [] })),
    },
    onSuccess: () => router.push("/inspections"),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("checklist")}>
      <ol className="flex flex-col gap-3">
        {props.items.map((item, index) => (
          <ItemRow
            key={item.id}
            index={index}
            item={item}
            siteId={props.siteId}
            control={form.control}
            register={form.register}
            errorOf={errorOf}
          />
        ))}
      </ol>
      <FormStatus error={formError} message={formMessage} />
      <div className="sticky bottom-0 -mx-1 bg-slate-50/95 px-1 py-2">
        <div className="[&>button]:min-h-12 [&>button]:w-full [&>button]:text-base">
          <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("submit")} />
        </div>
      </div>
    </form>
  );
}
