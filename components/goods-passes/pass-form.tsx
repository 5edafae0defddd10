"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TenantPicker } from "@/components/complaints/tenant-picker";
import { Button } from "@/components/ui/button";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "@/components/ui/form-controls";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { addDays, instantFromLocalDateTime, localDateTimeInZone } from "@/lib/calendar/local-date";
import { DIRECTIONS } from "@/lib/goods-passes/options";
import type { CreateGoodsPassInput } from "@/lib/goods-passes/schema";
import { AuthorizationFields, type ActiveSignatory } from "./authorization-fields";
import { ItemRows, emptyItem } from "./item-rows";
import { newRequestId } from "@/lib/request-id";

export interface FreeWindow {
  start: string;
  end: string;
  label: string;
}

type LocalWindow = { date: string; start: string; end: string };

/** Date + start/end time typed at the site → instants; an end before the start is the next day. */
function toInstants(w: LocalWindow, timeZone: string): { windowStart: string; windowEnd: string } {
  if (!w.date || !w.start || !w.end) return { windowStart: "", windowEnd: "" };
  try {
    const endDate = w.end < w.start ? addDays(w.date, 1) : w.date;
    return {
      windowStart: instantFromLocalDateTime(`${w.date}T${w.start}`, timeZone).toISOString(),
      windowEnd: instantFromLocalDateTime(`${endDate}T${w.end}`, timeZone).toISOString(),
    };
  } catch {
    return { windowStart: "invalid", windowEnd: "invalid" };
  }
}

/** Registration by the front desk (R-GP-1..6): the server decides; the form shows hazards and proposals early. */
/** Look-ups through GET routes; the server checks the session, permission and site of each. */
async function loadSignatories(tenantId: string): Promise<ActiveSignatory[]> {
  const res = await fetch(`/api/signatories/active?tenant=${encodeURIComponent(tenantId)}`);
  return res.ok ? ((await res.json()) as { signatories: ActiveSignatory[] }).signatories : [];
}

async function findFreeWindows(routeId: string, start: string, end: string): Promise<FreeWindow[]> {
  const q = new URLSearchParams({ route: routeId, start, end });
  const res = await fetch(`/api/goods-passes/free-windows?${q.toString()}`);
  return res.ok ? ((await res.json()) as { windows: FreeWindow[] }).windows : [];
}

export function PassForm(props: {
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  sites: { id: string; name: string; timeZone: string }[];
  routes: { id: string; name: string; siteId: string; opensAt: string; closesAt: string }[];
  hazardTerms: string[];
}) {
  const t = useTranslations("goodsPasses");
  const tCommon = useTranslations("common");
  const tFields = useTranslations("fields");
  const router = useRouter();
  // One id per filled-in form: a double click or a replayed request finds the pass it already made.
  const [requestId] = useState(newRequestId);
  const [local, setLocal] = useState<LocalWindow>({ date: "", start: "", end: "" });
  // Proposals belong to the route they were computed for; another route hides them.
  const [proposalState, setProposalState] = useState<{ routeId: string; windows: FreeWindow[] | "loading" } | null>(null);
  const firstSite = props.sites.length === 1 ? props.sites[0].id : "";

  const { form, onSubmit, formError, formMessage, errorOf, busy, invalidFields } = useActionForm({
    schema: () => import("@/lib/goods-passes/schema").then((m) => m.CreateGoodsPassSchema),
    action: async (values: CreateGoodsPassInput) => {
      setProposalState(null);
      const result = await props.action(values);
      // R-GP-5: the window is taken on this route: offer the next free ones of the same length.
      if (!result.ok && result.code === "conflict" && result.fieldErrors?.windowStart) {
        const routeId = values.routeId;
        setProposalState({ routeId, windows: "loading" });
        findFreeWindows(routeId, values.windowStart, values.windowEnd).then(
          (windows) => setProposalState({ routeId, windows }),
          () => setProposalState({ routeId, windows: [] }),
        );
      }
      return result;
    },
    defaultValues: {
      requestId,
      siteId: firstSite,
      tenantId: "",
      unitId: "",
      direction: "IN",
      carrierName: "",
      carrierIdLast4: "",
      routeId: "",
      windowStart: "",
      windowEnd: "",
      notes: "",
      items: [{ ...emptyItem }],
      authorization: null,
      sealPhotoFileId: "",
      signatoryId: "",
      signatureFileId: "",
      signatureConfirmed: false,
    },
    onSuccess: (data) => {
      router.push(`/goods-passes/${data.id}`);
      router.refresh();
    },
  });
  const { register, watch, setValue, formState } = form;
  const siteId = watch("siteId");
  const tenantId = watch("tenantId");
  const direction = watch("direction");
  const routeId = watch("routeId");
  const site = props.sites.find((s) => s.id === siteId);
  const proposals = proposalState?.routeId === routeId ? proposalState.windows : null;

  function changeWindow(next: LocalWindow) {
    setLocal(next);
    setProposalState(null);
    const { windowStart, windowEnd } = site ? toInstants(next, site.timeZone) : { windowStart: "", windowEnd: "" };
    setValue("windowStart", windowStart, { shouldValidate: formState.isSubmitted });
    setValue("windowEnd", windowEnd, { shouldValidate: formState.isSubmitted });
  }

  function applyProposal(w: FreeWindow) {
    if (!site) return;
    const start = localDateTimeInZone(new Date(w.start), site.timeZone);
    const end = localDateTimeInZone(new Date(w.end), site.timeZone);
    changeWindow({ date: start.slice(0, 10), start: start.slice(11), end: end.slice(11) });
  }

  const windowError = errorOf("windowStart") ?? errorOf("windowEnd");
  const overnight = local.start && local.end && local.end < local.start;

  return (
    <form onSubmit={onSubmit} className="flex max-w-4xl flex-col gap-3" noValidate>
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
      <RadioGroupField
        register={register}
        name="direction"
        label={t("direction")}
        required
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))}
        error={errorOf("direction")}
      />
      <TenantPicker
        key={siteId}
        siteId={siteId}
        tenantError={errorOf("tenantId")}
        unitError={errorOf("unitId")}
        unitRequired
        onChange={({ tenantId: tenant, unitId }) => {
          setValue("tenantId", tenant, { shouldValidate: formState.isSubmitted });
          setValue("unitId", unitId, { shouldValidate: formState.isSubmitted });
          setValue("signatoryId", "");
          setValue("signatureFileId", "");
          setValue("signatureConfirmed", false);
        }}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField register={register} name="carrierName" label={t("carrierName")} required maxLength={50} error={errorOf("carrierName")} />
        <TextField
          register={register}
          name="carrierIdLast4"
          label={t("carrierIdLast4")}
          hint={t("carrierIdLast4Hint")}
          required
          maxLength={4}
          autoComplete="off"
          error={errorOf("carrierIdLast4")}
        />
      </div>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-4">
        <SelectField
          register={register}
          name="routeId"
          label={t("route")}
          required
          emptyOption={tCommon("choose")}
          // R-GP-5: each route with its opening hours, within which the window must lie.
          options={props.routes
            .filter((r) => r.siteId === siteId)
            .map((r) => ({ value: r.id, label: `${r.name}（${r.opensAt}–${r.closesAt}）` }))}
          error={errorOf("routeId")}
        />
        <Field id="f-windowStart" label={t("date")} required error={windowError}>
          <input
            {...controlProps("f-windowStart", windowError)}
            type="date"
            className={inputClass}
            value={local.date}
            onChange={(e) => changeWindow({ ...local, date: e.target.value })}
          />
        </Field>
        <Field id="f-windowStartTime" label={t("startTime")} required hint={t("windowHint")}>
          <input
            {...controlProps("f-windowStartTime")}
            type="time"
            className={inputClass}
            value={local.start}
            onChange={(e) => changeWindow({ ...local, start: e.target.value })}
          />
        </Field>
        <Field id="f-windowEnd" label={`${t("endTime")}${overnight ? ` ${t("nextDay")}` : ""}`} required>
          <input
            {...controlProps("f-windowEnd")}
            type="time"
            className={inputClass}
            value={local.end}
            onChange={(e) => changeWindow({ ...local, end: e.target.value })}
          />
        </Field>
      </div>
      {proposals ? (
        <div className="rounded-md bg-sky-50 px-3 py-2 text-sm" aria-live="polite" data-testid="window-proposals">
          {proposals === "loading" ? (
            t("loadingProposals")
          ) : proposals.length === 0 ? (
            t("noProposals")
          ) : (
            <>
              <p className="mb-2">{t("proposalsTitle")}</p>
              <div className="flex flex-wrap gap-2">
                {proposals.map((w) => (
                  <Button key={w.start} type="button" variant="secondary" onClick={() => applyProposal(w)}>
                    {t("applyProposal", { label: w.label })}
                  </Button>
                ))}
              </div>
            </>
          )}
        </div>
      ) : null}
      <ItemRows form={form} errorOf={errorOf} hazardTerms={props.hazardTerms} />
      {direction === "OUT" ? (
        <AuthorizationFields form={form} errorOf={errorOf} siteId={siteId} tenantId={tenantId} loadSignatories={loadSignatories} />
      ) : null}
      <TextAreaField register={register} name="notes" label={t("notes")} maxLength={500} rows={2} error={errorOf("notes")} />
      <FormStatus error={invalidFields.length > 0 ? null : formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("submit")} />
      </div>
    </form>
  );
}
