"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useOutbox } from "@/components/offline/outbox";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";
import { deliverNewspaperAction, holdNewspaperAction } from "@/lib/newspapers/actions";
import type { DeliveryRow } from "@/lib/newspapers/queries";
import { SignForm } from "./sign-form";
import { DeliveryStateBadge } from "./state-badge";
import { useStep } from "./use-step";

/** The round's stops: a tenant at a unit, with every title they take that day (rows come in list order). */
function households(rows: readonly DeliveryRow[]) {
  const stops: { key: string; unitCode: string; tenantName: string; papers: DeliveryRow[] }[] = [];
  for (const row of rows) {
    const last = stops.at(-1);
    if (last?.key === row.household) last.papers.push(row);
    else stops.push({ key: row.household, unitCode: row.unitCode, tenantName: row.tenantName, papers: [row] });
  }
  return stops;
}

/**
 * R-NEWS-3 on the phone (390 px): one card per tenant stop with all their titles, one tap to sign once for
 * them all (name + signature pad) or "absent → held at the front desk". Only one card is open at a time.
 */
export function DeliveryList(props: { siteId: string; deliveries: DeliveryRow[]; canLog: boolean; handedOver: boolean }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [open, setOpen] = useState<string | null>(null);
  const [onlyPending, setOnlyPending] = useState(false);
  const outbox = useOutbox();
  const labelOf = ({ deliveryId }: { deliveryId: string }) => {
    const row = props.deliveries.find((d) => d.id === deliveryId);
    return row ? `${row.unitCode} · ${row.tenantName}` : deliveryId;
  };
  // Signed without a signal: kept on the phone (with the signature) and sent when the connection returns.
  const deliver = useStep(
    (input) =>
      outbox.submitOrKeep("delivery", labelOf(input as { deliveryId: string }), deliverNewspaperAction, input as Record<string, unknown>),
    () => setOpen(null),
  );
  // Households whose signed delivery waits on the phone: not offered for signing again.
  const queued = new Set(
    outbox.items.filter((i) => i.kind === "delivery" && !i.refusal).map((i) => (i.input as { deliveryId?: string }).deliveryId),
  );
  const hold = useStep(holdNewspaperAction);
  // The card whose "absent" was tapped last: a refusal shows there, not at the top of a long list.
  const [holdTarget, setHoldTarget] = useState<string | null>(null);
  const stops = households(props.deliveries);
  const shown = onlyPending ? stops.filter((h) => h.papers.some((d) => d.state === "PENDING")) : stops;
  // 户 counts households (a unit's tenant), not deliveries: a tenant with two titles is one stop.
  const pending = props.deliveries.filter((d) => d.state === "PENDING");
  const remaining = new Set(pending.map((d) => d.household)).size;
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
        {shown.map((h) => {
          const waitingToSend = h.papers.some((d) => queued.has(d.id));
          const firstPending = waitingToSend ? undefined : h.papers.find((d) => d.state === "PENDING");
          const signed = h.papers.find((d) => d.recipientName);
          return (
            <li
              key={h.key}
              className="rounded-lg border border-slate-200 bg-white p-3"
              data-testid="delivery-card"
              data-state={firstPending ? "PENDING" : h.papers[0].state}
            >
              <p className="font-medium text-slate-900">
                {h.unitCode} · {h.tenantName}
              </p>
              <ul className="mt-1 flex flex-col gap-1">
                {h.papers.map((d) => (
                  <li key={d.id} className="flex items-center justify-between gap-2 text-sm text-slate-600">
                    <span>
                      {d.titleName} × {d.copies}
                    </span>
                    <DeliveryStateBadge state={d.state} />
                  </li>
                ))}
              </ul>
              {waitingToSend ? (
                <p className="mt-1 text-xs font-medium text-amber-800" data-testid="delivery-waiting">
                  {t("delivery.waitingToSend")}
                </p>
              ) : null}
              {signed ? (
                <p className="text-xs text-slate-500">
                  {t("delivery.by", { name: signed.recipientName ?? "", at: signed.deliveredAt ?? "" })}
                </p>
              ) : null}
              {active && firstPending && open !== h.key ? (
                <div className="mt-2 grid grid-cols-2 gap-2">
                  <Button type="button" disabled={!hydrated} onClick={() => setOpen(h.key)}>
                    {t("delivery.sign")}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={!hydrated || hold.pending}
                    onClick={() => {
                      setHoldTarget(h.key);
                      hold.run({ deliveryId: firstPending.id });
                    }}
                  >
                    {t("delivery.absent")}
                  </Button>
                </div>
              ) : null}
              {holdTarget === h.key ? <FormStatus error={hold.error} /> : null}
              {active && firstPending && open === h.key ? (
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
                  onSubmit={(recipientName, signatureFileId) =>
                    deliver.run({ deliveryId: firstPending.id, recipientName, signatureFileId })
                  }
                  onCancel={() => setOpen(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
