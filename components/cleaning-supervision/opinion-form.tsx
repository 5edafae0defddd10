"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStep } from "@/components/newspapers/use-step";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { recordCleaningOpinionAction } from "@/lib/cleaning-supervision/actions";
import { newRequestId } from "@/lib/request-id";

type Option = { value: string; label: string };

/**
 * §10.6: a tenant's opinion heard; ticked, it is logged as a complaint in the same step (the complaints
 * intake, source: visit). Tenants are shown by name only (contacts are confidential, §1.9).
 */
export function OpinionForm(props: {
  siteId: string;
  tenants: Option[];
  departments: Option[];
  severities: Option[];
  categories: Option[];
}) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [requestId, setRequestId] = useState(newRequestId);
  const [form, setForm] = useState({ content: "", toComplaint: false, tenantId: "", severity: "", category: "CLEANING", departmentId: "" });
  const run = useStep(recordCleaningOpinionAction, () => {
    setForm((f) => ({ ...f, content: "", toComplaint: false }));
    setRequestId(newRequestId());
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const select = (name: "tenantId" | "severity" | "category" | "departmentId", label: string, options: Option[]) => (
    <Field id={`f-op-${name}`} label={label} required error={run.fieldErrors[name]}>
      <select {...controlProps(`f-op-${name}`, run.fieldErrors[name])} className={inputClass} value={form[name]} onChange={set(name)}>
        <option value="">{t("opinion.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form
      noValidate
      aria-label={t("opinion.heading")}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const c = form.toComplaint;
        run.run({
          requestId,
          siteId: props.siteId,
          content: form.content,
          toComplaint: c,
          ...(c
            ? {
                tenantId: form.tenantId || undefined,
                severity: form.severity || undefined,
                category: form.category || undefined,
                departmentId: form.departmentId || undefined,
              }
            : {}),
        });
      }}
    >
      <Field id="f-op-content" label={t("opinion.content")} required error={run.fieldErrors.content}>
        <textarea
          {...controlProps("f-op-content", run.fieldErrors.content)}
          className={inputClass}
          rows={2}
          maxLength={1000}
          value={form.content}
          onChange={set("content")}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.toComplaint} onChange={(e) => setForm((f) => ({ ...f, toComplaint: e.target.checked }))} />
        {t("opinion.toComplaint")}
      </label>
      {form.toComplaint ? (
        <>
          {select("tenantId", t("opinion.tenant"), props.tenants)}
          {select("severity", t("opinion.severity"), props.severities)}
          {select("category", t("opinion.category"), props.categories)}
          {select("departmentId", t("opinion.department"), props.departments)}
        </>
      ) : null}
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("opinion.save")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}
