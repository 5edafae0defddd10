"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckRow } from "@/components/checks/check-row";
import { useOutbox } from "@/components/offline/outbox";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { MAX_PHOTOS, SubmitInspectionSchema } from "@/lib/inspections/schema";
import { newRequestId } from "@/lib/request-id";

interface Item {
  id: string;
  label: string;
  equipment: boolean;
}

/**
 * The checklist of one area in one window: every item answered, one submit. Who and where are taken by
 * the server from the session; the time is the server's clock, or for a round kept on the phone offline
 * the time it was made (components/offline/outbox.tsx).
 */
export function ChecklistForm(props: {
  areaId: string;
  periodKey: string;
  siteId: string;
  templateId: string;
  items: Item[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** How the round reads in the phone's outbox when it is made without a signal ("大堂 · 2026-11-27#1"). */
  label: string;
}) {
  const t = useTranslations("inspections");
  const labels = { pass: t("pass"), fail: t("fail"), note: t("note"), notePlaceholder: t("notePlaceholder"), photos: t("photos") };
  const router = useRouter();
  const outbox = useOutbox();
  // One id per opened checklist: a double tap or a retried request records the check once.
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: SubmitInspectionSchema,
    // A passed item keeps no note or photos that were entered while it was marked failed.
    // Without a signal the round is kept on the phone and sent later with its request id and its own time.
    action: (values) =>
      outbox.submitOrKeep("inspection", props.label, props.action, {
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
          <CheckRow
            key={item.id}
            base={`results.${index}`}
            legend={
              <>
                {index + 1}. {item.label}
                {item.equipment ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("equipment")}</span>
                ) : null}
              </>
            }
            testId={`item-${item.id}`}
            siteId={props.siteId}
            maxPhotos={MAX_PHOTOS}
            labels={labels}
            control={form.control}
            register={form.register}
            errorOf={errorOf}
            failHint={item.equipment ? <p className="text-xs text-amber-800">{t("equipmentHint")}</p> : null}
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
