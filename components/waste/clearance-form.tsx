"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestId } from "@/lib/request-id";
import { recordWasteClearanceAction } from "@/lib/waste/actions";
import { RecordWasteClearanceSchema, WASTE_STREAMS, WASTE_UNITS } from "@/lib/waste/schema";
import type { WasteStream } from "@/lib/generated/prisma/enums";

/** R-WST-2/3: one clearance of a stream — the day, how much, who took it, the receipt photo. */
export function ClearanceForm(props: { sites: { id: string; name: string }[]; today: string; stream?: WasteStream }) {
  const t = useTranslations("waste");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordWasteClearanceSchema,
    action: recordWasteClearanceAction,
    defaultValues: {
      requestId,
      siteId: props.sites.length === 1 ? props.sites[0].id : "",
      stream: props.stream ?? "RECYCLABLE",
      clearedOn: props.today,
      quantity: "" as unknown as number,
      unit: "KG",
      takenBy: "",
      receiptFileId: "",
      note: "",
    },
    onSuccess: () => {
      router.push("/waste");
      router.refresh();
    },
  });
  const { register, watch, control, formState } = form;
  const siteId = watch("siteId");
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-2" aria-label={t("clearance.title")}>
      {props.sites.length > 1 ? (
        <SelectField
          register={register}
          name="siteId"
          label={t("site")}
          required
          emptyOption={t("chooseSite")}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("siteId")}
        />
      ) : null}
      <SelectField
        register={register}
        name="stream"
        label={t("stream")}
        required
        options={WASTE_STREAMS.map((s) => ({ value: s, label: t(`streams.${s}`) }))}
        error={errorOf("stream")}
      />
      <TextField register={register} name="clearedOn" label={t("clearance.clearedOn")} type="date" required error={errorOf("clearedOn")} />
      <div className="grid grid-cols-2 gap-x-3">
        <TextField
          register={register}
          name="quantity"
          label={t("clearance.quantity")}
          type="number"
          inputMode="decimal"
          step="0.01"
          min="0"
          required
          error={errorOf("quantity")}
        />
        <SelectField
          register={register}
          name="unit"
          label={t("clearance.unit")}
          required
          options={WASTE_UNITS.map((u) => ({ value: u, label: t(`unitNames.${u}`) }))}
          error={errorOf("unit")}
        />
      </div>
      <TextField
        register={register}
        name="takenBy"
        label={t("clearance.takenBy")}
        hint={t("clearance.takenByHint")}
        required
        maxLength={60}
        error={errorOf("takenBy")}
      />
      {siteId ? (
        <Controller
          control={control}
          name="receiptFileId"
          render={({ field }) => (
            <PhotoInput
              siteId={siteId}
              name="receiptFileId"
              label={t("clearance.receipt")}
              max={1}
              value={field.value ? [field.value] : []}
              onChange={(ids) => field.onChange(ids[0] ?? "")}
              error={errorOf("receiptFileId")}
            />
          )}
        />
      ) : null}
      <TextField register={register} name="note" label={t("clearance.note")} maxLength={300} error={errorOf("note")} />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("clearance.submit")} />
      </div>
    </form>
  );
}
