import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { heldPapers, receiptFormTitles, type NewspaperDayView } from "@/lib/newspapers/queries";
import { ClosePanel } from "./close-panel";
import { DeliveryList } from "./delivery-list";
import { HandOverForm } from "./hand-over-form";
import { HeldList } from "./held-list";
import { ReceiptForm } from "./receipt-form";

function Section(props: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="mb-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={props.id} className="text-base font-semibold text-slate-900">
          {props.title}
        </h2>
        {props.aside}
      </div>
      {props.children}
    </section>
  );
}

/**
 * The front desk's day (§9): ① receipt (R-NEWS-1) → ② distribution list and hand-over (R-NEWS-2) →
 * ③ deliveries signed or held (R-NEWS-3) → ④ held papers picked up → ⑤ reconciliation and close.
 */
export async function DayView(props: { siteId: string; date: string; day: NewspaperDayView | null; canLog: boolean; showHeld: boolean }) {
  const t = await getTranslations("newspapers");
  const { day } = props;
  const held = props.showHeld ? await heldPapers(props.siteId) : [];
  const receiptTitles = !day && props.canLog ? await receiptFormTitles(props.siteId, props.date) : [];
  const printHref = `/newspapers/days/${props.date}/print?site=${encodeURIComponent(props.siteId)}`;
  return (
    <>
      <Section id="receipt-title" title={t("receipt.heading")}>
        {day ? (
          <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="receipt-summary">
            <p>{t("receipt.summary", { courier: day.courierName, by: day.receivedBy ?? "", at: day.receivedAt ?? "" })}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored signature served by /api/files */}
            <img src={`/api/files/${day.receiptSignatureFileId}`} alt={t("receipt.signatureImage")} className="h-12 w-auto self-start" />
          </div>
        ) : props.canLog ? (
          receiptTitles.length > 0 ? (
            <ReceiptForm siteId={props.siteId} date={props.date} titles={receiptTitles} />
          ) : (
            <p className="text-sm text-slate-500">{t("receipt.noTitles")}</p>
          )
        ) : (
          <p className="text-sm text-slate-500">{t("receipt.none")}</p>
        )}
      </Section>

      {day ? (
        <>
          <Section
            id="distribution-title"
            title={t("distribution.heading")}
            aside={
              <Link href={printHref} className="text-sm text-sky-700 underline">
                {t("distribution.print")}
              </Link>
            }
          >
            <p className="mb-2 text-sm text-slate-600">
              {t("distribution.count", {
                count: day.deliveries.filter((d) => d.state !== "SHORT").length,
                copies: day.deliveries.filter((d) => d.state !== "SHORT").reduce((n, d) => n + d.copies, 0),
              })}
            </p>
            {day.handedOverAt ? (
              <p className="text-sm text-emerald-800" data-testid="handed-over">
                {t("distribution.handedOver", { at: day.handedOverAt, by: day.handedOverBy ?? "", staff: day.deliveryStaffName ?? "" })}
              </p>
            ) : props.canLog && day.deliveries.length > 0 ? (
              <HandOverForm dayId={day.id} />
            ) : null}
            {day.deliveries.length === 0 ? <p className="text-sm text-slate-500">{t("distribution.empty")}</p> : null}
          </Section>

          <Section id="delivery-title" title={t("delivery.heading")}>
            <DeliveryList siteId={props.siteId} deliveries={day.deliveries} canLog={props.canLog} handedOver={!!day.handedOverAt} />
          </Section>
        </>
      ) : null}

      {props.showHeld ? (
        <Section id="held-title" title={t("held.heading")}>
          <HeldList siteId={props.siteId} rows={held} canLog={props.canLog} />
        </Section>
      ) : null}

      {day ? (
        <Section id="close-title" title={t("close.heading")}>
          <ClosePanel day={day} canLog={props.canLog} />
        </Section>
      ) : null}
    </>
  );
}
