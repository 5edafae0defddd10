"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { TenantPicker } from "@/components/complaints/tenant-picker";
import { PhotoInput } from "@/components/files/photo-input";
import { SignaturePad } from "@/components/files/signature-pad";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { newRequestId } from "@/lib/request-id";
import { CreateSignatorySchema } from "@/lib/signatories/schema";

type SpecimenMode = "SIGNATURE" | "PHOTO";

/** R-GP-2: client service registers a tenant's authorised signatory with the certificate and a specimen. */
export function SignatoryForm(props: {
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("signatories");
  const tFields = useTranslations("fields");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [specimenMode, setSpecimenMode] = useState<SpecimenMode>("SIGNATURE");
  // One id per filled-in form: a double tap or a replayed request finds the signatory it already registered.
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateSignatorySchema,
    action: (values) => props.action(values),
    defaultValues: {
      requestId,
      siteId: props.sites.length === 1 ? props.sites[0].id : "",
      tenantId: "",
      name: "",
      position: "",
      phone: "",
      certificateFileId: "",
      specimenFileId: "",
      validFrom: props.today,
      validTo: "",
    },
    onSuccess: () => {
      router.push("/signatories");
      router.refresh();
    },
  });
  const { register, watch, setValue, control, formState } = form;
  const siteId = watch("siteId");

  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-2" noValidate>
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
      {/* The picker also offers a unit; a signatory belongs to the tenant, so the unit is ignored. */}
      <TenantPicker
        key={siteId}
        siteId={siteId}
        tenantError={errorOf("tenantId")}
        onChange={({ tenantId }) => setValue("tenantId", tenantId, { shouldValidate: formState.isSubmitted })}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <TextField register={register} name="name" label={t("name")} required maxLength={50} error={errorOf("name")} />
        <TextField register={register} name="position" label={t("position")} maxLength={50} error={errorOf("position")} />
        <TextField register={register} name="phone" label={t("phone")} required type="tel" maxLength={20} error={errorOf("phone")} />
      </div>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField register={register} name="validFrom" label={t("validFrom")} required type="date" error={errorOf("validFrom")} />
        <TextField register={register} name="validTo" label={t("validTo")} required type="date" error={errorOf("validTo")} />
      </div>
      {siteId ? (
        <>
          <Controller
            control={control}
            name="certificateFileId"
            render={({ field }) => (
              <PhotoInput
                siteId={siteId}
                name="certificateFileId"
                label={t("certificate")}
                max={1}
                required
                value={field.value ? [field.value] : []}
                onChange={(ids) => field.onChange(ids[0] ?? "")}
                error={errorOf("certificateFileId")}
              />
            )}
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">
              {t("specimen")}
              <span className="ml-0.5 text-red-600" aria-hidden>
                *
              </span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {(["SIGNATURE", "PHOTO"] as const).map((mode) => (
                <label
                  key={mode}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50"
                >
                  <input
                    type="radio"
                    name="specimenMode"
                    value={mode}
                    checked={specimenMode === mode}
                    onChange={() => {
                      setSpecimenMode(mode);
                      setValue("specimenFileId", "");
                    }}
                  />
                  {t(`specimenModes.${mode}`)}
                </label>
              ))}
            </div>
            {specimenMode === "SIGNATURE" ? (
              <SignaturePad
                siteId={siteId}
                id="specimen"
                label={t("specimenPad")}
                error={errorOf("specimenFileId")}
                onChange={(fileId) => setValue("specimenFileId", fileId ?? "", { shouldValidate: formState.isSubmitted })}
              />
            ) : (
              <Controller
                control={control}
                name="specimenFileId"
                render={({ field }) => (
                  <PhotoInput
                    siteId={siteId}
                    name="specimenFileId"
                    label={t("specimen")}
                    max={1}
                    required
                    value={field.value ? [field.value] : []}
                    onChange={(ids) => field.onChange(ids[0] ?? "")}
                    error={errorOf("specimenFileId")}
                  />
                )}
              />
            )}
          </fieldset>
        </>
      ) : null}
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("submit")} />
      </div>
    </form>
  );
}
