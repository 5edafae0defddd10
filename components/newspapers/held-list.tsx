"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { pickUpNewspaperAction } from "@/lib/newspapers/actions";
import { SignForm } from "./sign-form";
import { useStep } from "./use-step";

import type { HeldStop } from "@/lib/newspapers/queries";

/** R-NEWS-3: papers held at the front desk, whatever day they came; picked up later, signed once per household. */
export function HeldList(props: { siteId: string; rows: HeldStop[]; canLog: boolean }) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [open, setOpen] = useState<string | null>(null);
  const pickUp = useStep(pickUpNewspaperAction, () => setOpen(null));
  if (props.rows.length === 0) return <p className="text-sm text-slate-500">{t("held.empty")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {props.rows.map((r) => (
        <li key={r.id} className="rounded-lg border border-amber-200 bg-amber-50/40 p-3" data-testid="held-card">
          <div className="flex items-start justify-between gap-2">
            <div>
              <p className="font-medium text-slate-900">
                {r.unitCode} · {r.tenantName}
              </p>
              <ul className="text-sm text-slate-600">
                {r.papers.map((p) => (
                  <li key={p.titleName}>
                    {p.titleName} × {p.copies}
                  </li>
                ))}
              </ul>
            </div>
            <span className="text-xs whitespace-nowrap text-slate-500">{r.date}</span>
          </div>
          {props.canLog && open !== r.id ? (
            <div className="mt-2">
              <Button type="button" variant="secondary" disabled={!hydrated} onClick={() => setOpen(r.id)}>
                {t("held.pickUp")}
              </Button>
            </div>
          ) : null}
          {props.canLog && open === r.id ? (
            <SignForm
              siteId={props.siteId}
              padId="pickup-signature"
              nameField="pickupName"
              nameLabel={t("held.pickupName")}
              signatureLabel={t("held.signature")}
              confirmLabel={t("held.confirm")}
              pending={pickUp.pending}
              error={pickUp.error}
              fieldErrors={pickUp.fieldErrors}
              onSubmit={(pickupName, signatureFileId) => pickUp.run({ deliveryId: r.id, pickupName, signatureFileId })}
              onCancel={() => setOpen(null)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
