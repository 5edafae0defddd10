"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignaturePad } from "@/components/files/lazy-widgets";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { receiveNewspapersAction } from "@/lib/newspapers/actions";
import { useStep } from "./use-step";
import { newRequestId } from "@/lib/request-id";

/**
 * R-NEWS-1: the front desk registers each title and quantity the courier brought and signs on the screen.
 * A title left empty did not come; the expected copies of the day's subscriptions are shown beside each.
 */
export function ReceiptForm(props: { siteId: string; date: string; titles: { id: string; name: string; expected: number }[] }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [requestId] = useState(newRequestId);
  const [courierName, setCourierName] = useState("");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [signatureFileId, setSignatureFileId] = useState("");
  const step = useStep(receiveNewspapersAction);

  // Only the titles with a quantity are sent; their position maps server errors back to the input.
  const entered = props.titles.filter((title) => (quantities[title.id] ?? "").trim() !== "");
  const errorOfTitle = (titleId: string) => {
    const index = entered.findIndex((e) => e.id === titleId);
    return index < 0 ? undefined : step.fieldErrors[`lines.${index}.received`];
  };
  const shortfall = props.titles.reduce((n, title) => {
    const got = Number(quantities[title.id] || 0);
    return n + Math.max(0, title.expected - (Number.isFinite(got) ? got : 0));
  }, 0);

  return (
    <form
      noValidate
      aria-label={t("receipt.heading")}
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        step.run({
          requestId,
          siteId: props.siteId,
          date: props.date,
          courierName,
          signatureFileId,
          lines: entered.map((title) => ({ titleId: title.id, received: quantities[title.id].trim() })),
        });
      }}
    >
      <Field id="f-courierName" label={t("receipt.courierName")} required error={step.fieldErrors.courierName}>
        <input
          {...controlProps("f-courierName", step.fieldErrors.courierName)}
          className={inputClass}
          maxLength={50}
          value={courierName}
          onChange={(e) => setCourierName(e.target.value)}
        />
      </Field>
      <p className="text-xs text-red-600" id="f-date-error" aria-live="polite">
        {step.fieldErrors.date ?? ""}
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {props.titles.map((title) => {
          const id = `f-qty-${title.id}`;
          const error = errorOfTitle(title.id);
          return (
            <Field key={title.id} id={id} label={title.name} hint={t("receipt.quantityHint", { expected: title.expected })} error={error}>
              <input
                {...controlProps(id, error)}
                className={`${inputClass} ${title.expected > 0 && quantities[title.id] && Number(quantities[title.id]) < title.expected ? "bg-amber-50" : ""}`}
                inputMode="numeric"
                value={quantities[title.id] ?? ""}
                onChange={(e) => setQuantities({ ...quantities, [title.id]: e.target.value })}
              />
            </Field>
          );
        })}
      </div>
      {step.fieldErrors.lines ? <p className="text-xs text-red-600">{step.fieldErrors.lines}</p> : null}
      {shortfall > 0 && entered.length > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="receipt-shortfall">
          {t("receipt.shortfallNote", { count: shortfall })}
        </p>
      ) : null}
      <div>
        <SignaturePad
          id="receipt-signature"
          siteId={props.siteId}
          label={t("receipt.signature")}
          onChange={(fileId) => setSignatureFileId(fileId ?? "")}
        />
        <p id="f-signatureFileId-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
          {step.fieldErrors.signatureFileId ?? ""}
        </p>
      </div>
      <FormStatus error={step.error} />
      <div>
        <SubmitButton busy={!hydrated || step.pending} pending={step.pending} label={t("receipt.submit")} />
      </div>
    </form>
  );
}
