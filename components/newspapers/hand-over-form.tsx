"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { handOverNewspapersAction } from "@/lib/newspapers/actions";
import { useStep } from "./use-step";

/** R-NEWS-2: the sorted papers and their list go to the delivery staff (recorded once). */
export function HandOverForm({ dayId }: { dayId: string }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [name, setName] = useState("");
  const step = useStep(handOverNewspapersAction);
  const error = step.fieldErrors.deliveryStaffName;
  return (
    <form
      noValidate
      aria-label={t("distribution.handOver")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        step.run({ dayId, deliveryStaffName: name });
      }}
    >
      <div className="min-w-56 flex-1">
        <Field id="f-deliveryStaffName" label={t("distribution.deliveryStaffName")} required error={error}>
          <input
            {...controlProps("f-deliveryStaffName", error)}
            className={inputClass}
            maxLength={50}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </div>
      <div className="mb-5">
        <SubmitButton busy={!hydrated || step.pending} pending={step.pending} label={t("distribution.handOver")} />
      </div>
      <div className="w-full">
        <FormStatus error={step.error} />
      </div>
    </form>
  );
}
