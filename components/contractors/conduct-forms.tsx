"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useWatch } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordTrainingAction, recordViolationAction, recordViolationResponseAction } from "@/lib/contractors/actions";
import {
  MAX_PHOTOS,
  RecordTrainingSchema,
  RecordViolationResponseSchema,
  RecordViolationSchema,
  VIOLATION_KINDS,
} from "@/lib/contractors/schema";
import { newRequestId } from "@/lib/request-id";

export interface ContractorChoice {
  id: string;
  siteId: string;
  name: string;
  staff: { id: string; name: string; post: string | null }[];
}

/** §10 last item, §11.4(4) 《培训记录》: date, trainer, content, the attendees ticked from the contractor's staff. */
export function TrainingForm({ contractors, today }: { contractors: ContractorChoice[]; today: string }) {
  const t = useTranslations("contractors.training");
  const router = useRouter();
  // One request id per record: the same for a retry, a fresh one after each success.
  const [requestId] = useState(newRequestId);
  const empty = { contractorId: contractors[0]?.id ?? "", heldOn: today, trainer: "", content: "", attendeeIds: [] as string[] };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordTrainingSchema,
    action: recordTrainingAction,
    defaultValues: { requestId, ...empty },
    onSuccess: () => {
      form.reset({ requestId: newRequestId(), ...empty, contractorId: form.getValues("contractorId") });
      router.refresh();
    },
  });
  const contractorId = useWatch({ control: form.control, name: "contractorId" });
  const staff = contractors.find((c) => c.id === contractorId)?.staff ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("record")}>
      <div className="grid gap-2 sm:grid-cols-3">
        <SelectField
          register={form.register}
          name="contractorId"
          label={t("contractor")}
          required
          options={contractors.map((c) => ({ value: c.id, label: c.name }))}
          error={errorOf("contractorId")}
        />
        <TextField register={form.register} name="heldOn" type="date" max={today} label={t("heldOn")} required error={errorOf("heldOn")} />
        <TextField register={form.register} name="trainer" label={t("trainer")} required maxLength={50} error={errorOf("trainer")} />
      </div>
      <TextAreaField
        register={form.register}
        name="content"
        label={t("content")}
        required
        rows={3}
        maxLength={2000}
        error={errorOf("content")}
      />
      <fieldset className="flex flex-col gap-1" aria-describedby="f-attendeeIds-error">
        <legend className="text-sm font-medium text-slate-700">{t("attendees")}</legend>
        <div className="flex flex-wrap gap-2">
          {staff.map((s) => (
            <label
              key={s.id}
              className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50"
            >
              <input type="checkbox" value={s.id} className="h-5 w-5" {...form.register("attendeeIds")} />
              {s.name}
              {s.post ? <span className="text-xs text-slate-500">{s.post}</span> : null}
            </label>
          ))}
        </div>
        <p id="f-attendeeIds-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
          {errorOf("attendeeIds") ?? ""}
        </p>
      </fieldset>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("record")} />
      </div>
    </form>
  );
}

/** §6 / §7: a violation by contractor staff with photos; lost or damaged tools with the amount charged at cost. */
export function ViolationForm({ contractors, today }: { contractors: ContractorChoice[]; today: string }) {
  const t = useTranslations("contractors.violations");
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const first = contractors[0];
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordViolationSchema,
    action: recordViolationAction,
    defaultValues: {
      requestId,
      contractorId: first?.id ?? "",
      staffId: "",
      kind: "LATE_OR_EARLY_LEAVE",
      occurredOn: today,
      description: "",
      chargeAmount: "",
      photoFileIds: [],
    },
    onSuccess: () => {
      form.reset({
        requestId: newRequestId(),
        contractorId: form.getValues("contractorId"),
        staffId: "",
        kind: "LATE_OR_EARLY_LEAVE",
        occurredOn: today,
        description: "",
        chargeAmount: "",
        photoFileIds: [],
      });
      router.refresh();
    },
  });
  const contractorId = useWatch({ control: form.control, name: "contractorId" });
  const kind = useWatch({ control: form.control, name: "kind" });
  const contractor = contractors.find((c) => c.id === contractorId) ?? first;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("record")}>
      <div className="grid gap-2 sm:grid-cols-3">
        <SelectField
          register={form.register}
          name="contractorId"
          label={t("contractor")}
          required
          options={contractors.map((c) => ({ value: c.id, label: c.name }))}
          error={errorOf("contractorId")}
        />
        <SelectField
          register={form.register}
          name="staffId"
          label={t("staff")}
          emptyOption={t("unknownStaff")}
          options={(contractor?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("staffId")}
        />
        <SelectField
          register={form.register}
          name="kind"
          label={t("kind")}
          required
          options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          error={errorOf("kind")}
        />
        <TextField
          register={form.register}
          name="occurredOn"
          type="date"
          max={today}
          label={t("occurredOn")}
          required
          error={errorOf("occurredOn")}
        />
        {kind === "TOOLS_LOST_OR_DAMAGED" ? (
          <TextField
            register={form.register}
            name="chargeAmount"
            inputMode="decimal"
            label={t("chargeAmount")}
            required
            maxLength={12}
            error={errorOf("chargeAmount")}
          />
        ) : null}
      </div>
      <TextAreaField
        register={form.register}
        name="description"
        label={t("description")}
        required
        rows={3}
        maxLength={1000}
        error={errorOf("description")}
      />
      {contractor ? (
        <Controller
          control={form.control}
          name="photoFileIds"
          render={({ field }) => (
            <PhotoInput
              siteId={contractor.siteId}
              name="photoFileIds"
              label={t("photos")}
              max={MAX_PHOTOS}
              value={field.value ?? []}
              onChange={field.onChange}
              error={errorOf("photoFileIds")}
            />
          )}
        />
      ) : null}
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("record")} />
      </div>
    </form>
  );
}

/** The contractor's answer to one violation, recorded once. */
export function ViolationResponseForm({ violationId }: { violationId: string }) {
  const t = useTranslations("contractors.violations");
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, busy } = useActionForm({
    schema: RecordViolationResponseSchema,
    action: recordViolationResponseAction,
    defaultValues: { violationId, response: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("recordResponse")}>
      <TextAreaField
        register={form.register}
        name="response"
        idPrefix={`r-${violationId}`}
        label={t("response")}
        required
        rows={2}
        maxLength={1000}
        error={errorOf("response")}
      />
      <FormStatus error={formError} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("recordResponse")} />
      </div>
    </form>
  );
}
