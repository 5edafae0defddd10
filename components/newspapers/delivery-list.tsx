"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";
import { deliverNewspaperAction, holdNewspaperAction } from "@/lib/newspapers/actions";
import type { DeliveryRow } from "@/lib/newspapers/queries";
import { SignForm } from "./sign-form";
import { DeliveryStateBadge } from "./state-badge";
import { useStep } from "./use-step";

/**
 * R-NEWS-3 on the phone (390 px): one card per tenant stop, one tap to sign (name + signature pad) or
 * "absent → held at the front desk". Only one card is open at a time.
 */
export function DeliveryList(props: { siteId: string; deliveries: DeliveryRow[]; canLog: boolean; handedOver: boolean }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [open, setOpen] = useState<string | null>(null);
  const [onlyPending, setOnlyPending] = useState(false);
  const deliver = useStep(deliverNewspaperAction, () => setOpen(null));
  const hold = useStep(holdNewspaperAction);
  // The card whose "absent" was tapped last: a refusal shows there, not at the top of a long list.
  const [holdTarget, setHoldTarget] = useState<string | null>(null);
  const rows = onlyPending ? props.deliveries.filter((d) => d.state === "PENDING") : props.deliveries;
  // 户 counts households (a unit's tenant), not deliveries: a tenant with two titles is one stop.
  const pending = props.deliveries.filter((d) => d.state === "PENDING");
  const remaining = new Set(pending.map((d) => `${d.unitCode}\u0000${d.tenantName}`)).size;
  const remainingCopies = pending.reduce((sum, d) => sum + d.copies, 0);
  const active = props.canLog && props.handedOver;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span data-testid="deliveries-remaining">{t("delivery.remaining", { count: remaining, copies: remainingCopies })}</span>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" checked={onlyPending} onChange={(e) => setOnlyPending(e.target.checked)} />
          {t("delivery.filterPending")}
        </label>
      </div>
      {!props.handedOver ? <p className="text-sm text-slate-500">{t("delivery.notYet")}</p> : null}
      <ul className="flex flex-col gap-2">
        {rows.map((d) => (
          <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="delivery-card" data-state={d.state}>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {d.unitCode} · {d.tenantName}
                </p>
                <p className="text-sm text-slate-600">
                  {d.titleName} × {d.copies}
                </p>
                {d.recipientName ? (
                  <p className="text-xs text-slate-500">{t("delivery.by", { name: d.recipientName, at: d.deliveredAt ?? "" })}</p>
                ) : null}
              </div>
              <DeliveryStateBadge state={d.state} />
            </div>
            {active && d.state === "PENDING" && open !== d.id ? (
              <div className="mt-2 grid grid-cols-2 gap-2">
                <Button type="button" disabled={!hydrated} onClick={() => setOpen(d.id)}>
                  {t("delivery.sign")}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={!hydrated || hold.pending}
                  onClick={() => {
                    setHoldTarget(d.id);
                    hold.run({ deliveryId: d.id });
                  }}
                >
                  {t("delivery.absent")}
                </Button>
              </div>
            ) : null}
            {holdTarget === d.id ? <FormStatus error={hold.error} /> : null}
            {active && d.state === "PENDING" && open === d.id ? (
              <SignForm
                siteId={props.siteId}
                padId="delivery-signature"
                nameField="recipientName"
                nameLabel={t("delivery.recipientName")}
                signatureLabel={t("delivery.signature")}
                confirmLabel={t("delivery.confirm")}
                pending={deliver.pending}
                error={deliver.error}
                fieldErrors={deliver.fieldErrors}
                onSubmit={(recipientName, signatureFileId) => deliver.run({ deliveryId: d.id, recipientName, signatureFileId })}
                onCancel={() => setOpen(null)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
