"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Controller, type UseFormReturn } from "react-hook-form";
import { PhotoInput, SignaturePad } from "@/components/files/lazy-widgets";
import { SelectField, RadioGroupField } from "@/components/ui/form-controls";
import { AUTHORIZATIONS } from "@/lib/goods-passes/options";
import type { CreateGoodsPassInput, CreateGoodsPassValues } from "@/lib/goods-passes/schema";

type PassForm = UseFormReturn<CreateGoodsPassInput, unknown, CreateGoodsPassValues>;

export interface ActiveSignatory {
  id: string;
  name: string;
  position: string | null;
  specimenFileId: string;
  validTo: string;
}

/**
 * R-GP-2 for goods going out: a photo of the form bearing the company seal, or an active authorised
 * signatory of the tenant signs on screen next to the specimen on file, and the staff member confirms.
 */
export function AuthorizationFields(props: {
  form: PassForm;
  errorOf: (name: string) => string | undefined;
  siteId: string;
  tenantId: string;
  loadSignatories: (tenantId: string) => Promise<ActiveSignatory[]>;
}) {
  const t = useTranslations("goodsPasses");
  const { form, errorOf, siteId, tenantId } = props;
  const { register, control, watch, setValue } = form;
  const authorization = watch("authorization");
  const signatoryId = watch("signatoryId");
  const [signatories, setSignatories] = useState<{ tenantId: string; list: ActiveSignatory[] } | null>(null);
  const { loadSignatories } = props;

  useEffect(() => {
    if (authorization !== "SIGNATORY" || !tenantId || signatories?.tenantId === tenantId) return;
    let live = true;
    loadSignatories(tenantId).then(
      (list) => live && setSignatories({ tenantId, list }),
      () => live && setSignatories({ tenantId, list: [] }),
    );
    return () => {
      live = false;
    };
  }, [authorization, tenantId, signatories, loadSignatories]);

  const list = signatories?.tenantId === tenantId ? signatories.list : [];
  const chosen = list.find((s) => s.id === signatoryId);

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("authorization")}>
      <RadioGroupField
        register={register}
        name="authorization"
        label={t("authorization")}
        required
        options={AUTHORIZATIONS.map((a) => ({ value: a, label: t(`authorizations.${a}`), hint: t(`authorizationHints.${a}`) }))}
        error={errorOf("authorization")}
      />
      {authorization === "SEAL" && siteId ? (
        <Controller
          control={control}
          name="sealPhotoFileId"
          render={({ field }) => (
            <PhotoInput
              siteId={siteId}
              name="sealPhotoFileId"
              label={t("sealPhoto")}
              max={1}
              required
              value={field.value ? [field.value] : []}
              onChange={(ids) => field.onChange(ids[0] ?? "")}
              error={errorOf("sealPhotoFileId")}
            />
          )}
        />
      ) : null}
      {authorization === "SIGNATORY" ? (
        !tenantId ? (
          <p className="text-sm text-slate-500">{t("chooseTenantFirst")}</p>
        ) : (
          <>
            <SelectField
              register={register}
              name="signatoryId"
              label={t("signatory")}
              required
              emptyOption={list.length ? "—" : t("noSignatories")}
              options={list.map((s) => ({ value: s.id, label: `${s.name}${s.position ? `（${s.position}）` : ""} · ${s.validTo}` }))}
              error={errorOf("signatoryId")}
            />
            {chosen && siteId ? (
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="signature-compare">
                <figure className="flex flex-col gap-2">
                  <figcaption className="text-sm font-medium text-slate-700">{t("specimen")}</figcaption>
                  {/* eslint-disable-next-line @next/next/no-img-element -- private, access-checked file */}
                  <img
                    src={`/api/files/${chosen.specimenFileId}`}
                    alt={t("specimen")}
                    className="max-h-48 w-full rounded-md border border-slate-300 bg-white object-contain"
                  />
                </figure>
                <SignaturePad
                  key={chosen.id}
                  siteId={siteId}
                  id="pass-signature"
                  label={t("signature")}
                  error={errorOf("signatureFileId")}
                  onChange={(fileId) => {
                    setValue("signatureFileId", fileId ?? "");
                    setValue("signatureConfirmed", false);
                  }}
                />
              </div>
            ) : null}
            {chosen ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="f-signatureConfirmed" className="flex min-h-11 items-center gap-2 text-sm font-medium">
                  <input
                    id="f-signatureConfirmed"
                    type="checkbox"
                    className="h-5 w-5"
                    aria-describedby="f-signatureConfirmed-error"
                    disabled={!watch("signatureFileId")}
                    {...register("signatureConfirmed")}
                  />
                  {t("signatureConfirmed")}
                </label>
                <p id="f-signatureConfirmed-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
                  {errorOf("signatureConfirmed") ?? ""}
                </p>
              </div>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
