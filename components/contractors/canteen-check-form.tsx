"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { CheckRow } from "@/components/checks/check-row";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { submitCanteenCheckAction } from "@/lib/contractors/actions";
import { DISH_COUNT_FIELDS, DISH_MINIMUMS } from "@/lib/contractors/rules";
import { CANTEEN_ITEMS, MAX_PHOTOS, SubmitCanteenCheckSchema } from "@/lib/contractors/schema";
import { newRequestId } from "@/lib/request-id";

/**
 * The coordination supervisor's daily canteen check on a phone (R-CAT-1): the four dish counts (a count
 * below its minimum shows at once, with its number), the hygiene and service items as big pass/fail
 * buttons with photos, catering staff without a valid 健康证 flagged on top, and how problems were
 * handled (§11.4(1)). One requestId per opened form: a double tap records once.
 */
export function CanteenCheckForm(props: { siteId: string; flagged: { name: string; state: string; expiresOn: string | null }[] }) {
  const t = useTranslations("contractors.canteen");
  const tc = useTranslations("contractors.certificates");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const labels = { pass: t("pass"), fail: t("fail"), note: t("note"), notePlaceholder: t("notePlaceholder"), photos: t("photos") };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubmitCanteenCheckSchema,
    action: (values) => {
      const results = values.results.map((r) => (r.result === "PASS" ? { ...r, note: null } : r));
      return submitCanteenCheckAction({ ...values, results });
    },
    defaultValues: {
      requestId,
      siteId: props.siteId,
      breakfastKinds: "",
      lunchMainDishes: "",
      lunchStaples: "",
      dinnerKinds: "",
      results: CANTEEN_ITEMS.map((item) => ({ item, result: "PASS" as const, note: "", photoFileIds: [] })),
      resolution: "NONE",
      resolutionNote: "",
      cateringFeedback: "",
    },
    onSuccess: (data) => router.push(`/contractors/canteen/checks/${(data as { id: string }).id}`),
  });
  // The counts as typed (text until the schema reads them), to show a short count at once.
  const counts = useWatch({ control: form.control, name: DISH_COUNT_FIELDS }).map((v) => String(v ?? ""));
  const resolution = useWatch({ control: form.control, name: "resolution" });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("today")}>
      {props.flagged.length > 0 ? (
        <div
          role="status"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          data-testid="expired-certificates"
        >
          <p className="font-medium">{t("certificateWarning")}</p>
          <ul className="mt-1 list-disc pl-5">
            {props.flagged.map((f) => (
              <li key={f.name}>
                {f.name} · {tc(`states.${f.state}`)}
                {f.expiresOn ? ` · ${tc("until", { date: f.expiresOn })}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="counts-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="counts-title" className="font-medium">
          {t("counts")}
        </h2>
        <div className="grid grid-cols-2 gap-3">
          {DISH_COUNT_FIELDS.map((field, index) => {
            const typed = counts?.[index] ?? "";
            const short = /^\d+$/.test(typed.trim()) && Number(typed) < DISH_MINIMUMS[field];
            return (
              <div key={field}>
                <TextField
                  register={form.register}
                  name={field}
                  label={t(`countLabels.${field}`)}
                  hint={t("countHint", { min: DISH_MINIMUMS[field] })}
                  inputMode="numeric"
                  autoComplete="off"
                  required
                  maxLength={3}
                  error={errorOf(field)}
                />
                {short ? (
                  <p className="text-sm font-medium text-red-700" data-testid={`short-${field}`}>
                    {t("countShort", { label: t(`countLabels.${field}`), count: Number(typed), min: DISH_MINIMUMS[field] })}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </section>

      <h2 className="font-medium">{t("checkItems")}</h2>
      <ol className="flex flex-col gap-3">
        {CANTEEN_ITEMS.map((item, index) => (
          <CheckRow
            key={item}
            base={`results.${index}`}
            legend={`${index + 1}. ${t(`items.${item}`)}`}
            testId={`item-${item}`}
            siteId={props.siteId}
            maxPhotos={MAX_PHOTOS}
            labels={labels}
            control={form.control}
            register={form.register}
            errorOf={errorOf}
          />
        ))}
      </ol>

      <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3">
        <RadioGroupField
          register={form.register}
          name="resolution"
          label={t("resolution")}
          required
          options={(["NONE", "CORRECTED", "ESCALATED"] as const).map((value) => ({ value, label: t(`resolutions.${value}`) }))}
          error={errorOf("resolution")}
        />
        {resolution === "CORRECTED" ? (
          <TextAreaField
            register={form.register}
            name="resolutionNote"
            label={t("resolutionNote")}
            required
            rows={2}
            maxLength={500}
            error={errorOf("resolutionNote")}
          />
        ) : null}
        {resolution === "ESCALATED" ? (
          <TextAreaField
            register={form.register}
            name="cateringFeedback"
            label={t("cateringFeedback")}
            required
            rows={2}
            maxLength={500}
            error={errorOf("cateringFeedback")}
          />
        ) : null}
      </section>

      <FormStatus error={formError} message={formMessage} />
      <div className="sticky bottom-0 -mx-1 bg-slate-50/95 px-1 py-2">
        <div className="[&>button]:min-h-12 [&>button]:w-full [&>button]:text-base">
          <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("submit")} />
        </div>
      </div>
    </form>
  );
}
