"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { closeNewspaperDayAction } from "@/lib/newspapers/actions";
import type { NewspaperDayView } from "@/lib/newspapers/queries";
import { reconcileDifference } from "@/lib/newspapers/rules";
import { useStep } from "./use-step";

/**
 * The day's reconciliation per title: received = delivered + held + returned. Before the close the front
 * desk counts the surplus sent back (prefilled with what would reconcile); every title that does not add
 * up, and every shortfall against the subscriptions, is highlighted.
 */
export function ClosePanel(props: { day: NewspaperDayView; canLog: boolean }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const closed = !!props.day.closedAt;
  const [returned, setReturned] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.day.lines.map((l) => [l.titleId, String(l.returned)])),
  );
  const state = useStep(closeNewspaperDayAction);
  const pendingTotal = props.day.lines.reduce((n, l) => n + l.pending, 0);
  const editable = props.canLog && !closed;
  const c = (key: string) => t(`columns.${key}`);

  return (
    <form
      noValidate
      aria-label={t("close.heading")}
      onSubmit={(e) => {
        e.preventDefault();
        state.run({
          dayId: props.day.id,
          returned: props.day.lines.map((l) => ({ titleId: l.titleId, returned: (returned[l.titleId] ?? "").trim() })),
        });
      }}
      className="flex flex-col gap-3"
    >
      <p className="text-sm text-slate-600">{t("close.formula")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="reconciliation">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {["title", "expected", "received", "delivered", "held", "pending", "returned", "difference"].map((k) => (
                <th key={k} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                  {c(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.day.lines.map((l, index) => {
              const typed = Number(returned[l.titleId]);
              const value = Number.isFinite(typed) ? typed : 0;
              const difference = closed ? l.difference : reconcileDifference({ ...l, returned: value }) - l.pending;
              const id = `f-returned-${index}`;
              const error = state.fieldErrors[`returned.${index}.returned`];
              return (
                <tr key={l.titleId} data-testid="reconciliation-row" className={difference !== 0 || error ? "bg-red-50" : ""}>
                  <th scope="row" className="px-2 py-2 text-left font-medium whitespace-nowrap">
                    {l.titleName}
                  </th>
                  <td className="px-2 py-2">{l.expected}</td>
                  <td className={`px-2 py-2 ${l.shortfall > 0 ? "font-semibold text-amber-700" : ""}`}>
                    {l.received}
                    {l.shortfall > 0 ? <span className="ml-1 text-xs">(−{l.shortfall})</span> : null}
                  </td>
                  <td className="px-2 py-2">{l.delivered}</td>
                  <td className="px-2 py-2">{l.held}</td>
                  <td className="px-2 py-2">{l.pending}</td>
                  <td className="px-2 py-2">
                    {editable ? (
                      <>
                        <input
                          id={id}
                          aria-label={t("close.returnedLabel", { title: l.titleName })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={`${id}-error`}
                          inputMode="numeric"
                          className={inputClass.replace("w-full", "w-20")}
                          value={returned[l.titleId] ?? ""}
                          onChange={(e) => setReturned({ ...returned, [l.titleId]: e.target.value })}
                        />
                        <span id={`${id}-error`} className="block max-w-64 text-xs text-red-600" aria-live="polite">
                          {error ?? ""}
                        </span>
                      </>
                    ) : (
                      l.returned
                    )}
                  </td>
                  <td className={`px-2 py-2 ${difference !== 0 ? "font-semibold text-red-700" : "text-emerald-700"}`}>
                    {difference === 0 ? "✓" : `${difference > 0 ? "+" : ""}${difference} ${t("close.mismatch")}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {closed ? (
        <p className="text-sm text-emerald-800">{t("close.closed", { at: props.day.closedAt ?? "", by: props.day.closedBy ?? "" })}</p>
      ) : null}
      {editable ? (
        <>
          {pendingTotal > 0 ? <p className="text-sm text-amber-800">{t("close.pendingFirst", { count: pendingTotal })}</p> : null}
          <FormStatus error={state.error} />
          <div>
            <SubmitButton busy={!hydrated || state.pending} pending={state.pending} label={t("close.submit")} />
          </div>
        </>
      ) : null}
    </form>
  );
}
