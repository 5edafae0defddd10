"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { PhotoInput } from "@/components/files/lazy-widgets";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { RadioGroupField, SelectField, TextAreaField } from "@/components/ui/form-controls";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { instantFromLocalDateTime } from "@/lib/calendar/local-date";
import { CATEGORIES, SEVERITIES, SOURCES } from "@/lib/complaints/options";
import { TenantPicker } from "./tenant-picker";
import { newRequestId } from "@/lib/request-id";

/** Intake (R-CMP-1): the front desk or a supervisor logs a complaint; deadlines are fixed by the server. */
export function IntakeForm(props: {
  action: (input: unknown) => Promise<ActionResult<{ id: string; number: string }>>;
  sites: { id: string; name: string; timeZone: string }[];
  departments: { id: string; name: string; siteId: string }[];
  mayBackdate: boolean;
}) {
  const t = useTranslations("complaints");
  const tCommon = useTranslations("common");
  const tFields = useTranslations("fields");
  const router = useRouter();
  // One id per filled-in form: a double click or a replayed request finds the complaint it already made.
  const [requestId] = useState(newRequestId);
  const [receivedLocal, setReceivedLocal] = useState("");
  const firstSite = props.sites.length === 1 ? props.sites[0].id : "";
  const { form, onSubmit, formError, formMessage, errorOf, busy, invalidFields } = useActionForm({
    schema: () => import("@/lib/complaints/schema").then((m) => m.CreateComplaintSchema),
    action: (values) => props.action(values),
    defaultValues: {
      requestId,
      siteId: firstSite,
      tenantId: "",
      unitId: "",
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "",
      departmentId: "",
      receivedAt: "",
      photoIds: [],
    },
    onSuccess: (data) => {
      router.push(`/complaints/${data.id}`);
      router.refresh();
    },
  });
  const { register, watch, setValue, control, formState } = form;
  const siteId = watch("siteId");
  const site = props.sites.find((s) => s.id === siteId);

  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-2" noValidate>
      {/* A long form: a refusal for its fields is summarised once at the top, each message stays by its field. */}
      <ErrorSummary message={formError} fields={invalidFields} />
      {props.sites.length > 1 ? (
        <SelectField
          register={register}
          name="siteId"
          label={tFields("site")}
          required
          emptyOption={tCommon("choose")}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("siteId")}
        />
      ) : null}
      <TenantPicker
        key={siteId}
        siteId={siteId}
        tenantError={errorOf("tenantId")}
        unitError={errorOf("unitId")}
        onChange={({ tenantId, unitId }) => {
          setValue("tenantId", tenantId, { shouldValidate: formState.isSubmitted });
          setValue("unitId", unitId);
        }}
      />
      <RadioGroupField
        register={register}
        name="severity"
        label={t("severity")}
        required
        options={SEVERITIES.map((s) => ({ value: s, label: t(`severities.${s}`), hint: t(`severityHints.${s}`) }))}
        error={errorOf("severity")}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <SelectField
          register={register}
          name="source"
          label={t("source")}
          required
          options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          error={errorOf("source")}
        />
        <SelectField
          register={register}
          name="category"
          label={t("category")}
          required
          options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          error={errorOf("category")}
        />
        <SelectField
          register={register}
          name="departmentId"
          label={t("department")}
          required
          emptyOption={tCommon("choose")}
          options={props.departments.filter((d) => d.siteId === siteId).map((d) => ({ value: d.id, label: d.name }))}
          error={errorOf("departmentId")}
        />
      </div>
      <TextAreaField
        register={register}
        name="description"
        label={t("description")}
        required
        maxLength={2000}
        error={errorOf("description")}
      />
      {props.mayBackdate ? (
        <Field id="f-receivedAt" label={t("receivedAt")} hint={t("receivedAtHint")} error={errorOf("receivedAt")}>
          <input
            {...controlProps("f-receivedAt", errorOf("receivedAt"))}
            type="datetime-local"
            className={inputClass}
            value={receivedLocal}
            onChange={(e) => {
              setReceivedLocal(e.target.value);
              // The time is the site's wall-clock time, whatever the phone's zone (R-CAL-2).
              let iso = "";
              try {
                iso = e.target.value && site ? instantFromLocalDateTime(e.target.value, site.timeZone).toISOString() : "";
              } catch {
                iso = "invalid";
              }
              setValue("receivedAt", iso);
            }}
          />
        </Field>
      ) : null}
      {siteId ? (
        <Controller
          control={control}
          name="photoIds"
          render={({ field }) => (
            <PhotoInput
              siteId={siteId}
              name="photoIds"
              label={t("photos")}
              max={6}
              value={field.value ?? []}
              onChange={field.onChange}
              error={errorOf("photoIds")}
            />
          )}
        />
      ) : null}
      <FormStatus error={invalidFields.length > 0 ? null : formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("submit")} />
      </div>
    </form>
  );
}
