import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { CancelForm, DeliveryForm, DoneForm, ServiceRevisitForm } from "@/components/special-services/step-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas, type Permission } from "@/lib/permissions";
import { amountInWords, formatYuan } from "@/lib/special-services/money";
import { getServiceOrder } from "@/lib/special-services/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** One special service: the order, the service done, the payment notice and its delivery, the phone revisit (R-SVC-1..2). */
async function ServiceOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("service:read");
  const { id } = await params;
  const o = await getServiceOrder(id);
  if (!o) notFound();
  const t = await getTranslations("specialServices");
  const can = (p: Permission) => roleHas(actor.role, p);
  const step = { orderId: o.id, siteId: o.siteId, timeZone: o.site.timeZone };
  const row = (label: string, value: ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm break-words sm:col-span-3">{value}</dd>
    </div>
  );
  const section = (key: string, title: string, children: ReactNode) => (
    <section aria-labelledby={key} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={key} className="mb-2 font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
  const done = o.state === "DONE" || o.state === "CLOSED";

  return (
    <>
      <PageHeader
        title={t("order.title", { service: o.serviceName })}
        subtitle={`${o.site.name} · ${t(`states.${o.state}`)}`}
        actions={
          <Link href="/special-services" className="text-sm text-sky-700 underline">
            {t("order.backToList")}
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        {section(
          "order",
          t("order.section"),
          <dl className="divide-y divide-slate-100">
            {row(t("tenant"), `${o.tenant.name}${o.unit ? ` · ${o.unit.code}` : ""}`)}
            {o.contact ? row(t("order.contact"), `${o.contact.name} ${o.contact.phone}`) : null}
            {row(t("service"), o.serviceName)}
            {row(t("agreedPrice"), <span data-testid="agreed-price">{formatYuan(o.agreedPriceFen)}</span>)}
            {row(t("scheduledAt"), o.local.scheduledAt)}
            {o.details ? row(t("details"), <span className="whitespace-pre-wrap">{o.details}</span>) : null}
            {row(t("order.orderedBy"), `${o.names.orderedBy ?? "—"} · ${o.local.createdAt}`)}
            {o.state === "CANCELLED" ? row(t("cancel.cancelledAt"), `${o.local.cancelledAt} · ${o.cancelReason}`) : null}
          </dl>,
        )}

        {o.state !== "CANCELLED"
          ? section(
              "done",
              t("done.section"),
              done ? (
                <>
                  <dl className="divide-y divide-slate-100">
                    {row(t("done.performedBy"), o.performedBy)}
                    {row(t("done.doneAt"), o.local.doneAt)}
                    {o.doneNotes ? row(t("done.notes"), <span className="whitespace-pre-wrap">{o.doneNotes}</span>) : null}
                    {row(t("done.recordedBy"), o.names.doneRecordedBy ?? "—")}
                  </dl>
                  <PhotoStrip fileIds={o.photoFileIds} label={t("done.photos")} />
                </>
              ) : can("service:complete") ? (
                <DoneForm {...step} />
              ) : (
                <p className="text-sm text-slate-600">{t("done.waiting")}</p>
              ),
            )
          : null}

        {o.state !== "CANCELLED"
          ? section(
              "notice",
              t("noticeSection.section"),
              o.noticeNumber ? (
                <>
                  <dl className="divide-y divide-slate-100">
                    {row(t("noticeSection.number"), <span data-testid="notice-number">{o.noticeNumber}</span>)}
                    {row(t("noticeSection.amount"), `¥${formatYuan(o.agreedPriceFen)}（${amountInWords(o.agreedPriceFen)}）`)}
                    {o.noticeDeliveredAt
                      ? row(
                          t("noticeSection.deliveredTo"),
                          `${o.noticeDeliveredTo} · ${o.local.noticeDeliveredAt} · ${t("noticeSection.deliveredBy")} ${o.names.noticeDeliveredBy ?? "—"}`,
                        )
                      : row(t("noticeSection.deliveredTo"), t("noticeSection.notDelivered"))}
                  </dl>
                  <p className="my-2">
                    <Link
                      href={`/special-services/${o.id}/notice`}
                      className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
                    >
                      {t("noticeSection.print")}
                    </Link>
                  </p>
                  {!o.noticeDeliveredAt && o.state === "DONE" && can("service:notice") ? <DeliveryForm {...step} /> : null}
                </>
              ) : (
                <p className="text-sm text-slate-600">{t("noticeSection.notIssued")}</p>
              ),
            )
          : null}

        {o.state !== "CANCELLED"
          ? section(
              "revisit",
              t("revisitSection.section"),
              <>
                {o.revisitDueAt ? (
                  <dl className="divide-y divide-slate-100">
                    {row(
                      t("revisitSection.due"),
                      <span className="flex flex-wrap items-center gap-2">
                        {o.local.revisitDueAt}
                        {o.revisitState ? <DeadlineBadge state={o.revisitState} provisional={o.revisitDueProvisional} /> : null}
                      </span>,
                    )}
                    {o.revisitedAt ? (
                      <>
                        {row(t("revisitSection.satisfaction"), o.revisitSatisfaction ? t(`satisfactions.${o.revisitSatisfaction}`) : "—")}
                        {row(t("revisitSection.answer"), <span className="whitespace-pre-wrap">{o.revisitAnswer}</span>)}
                        {row(t("revisitSection.contact"), o.revisitContact)}
                        {row(
                          t("revisitSection.revisitedAt"),
                          `${o.local.revisitedAt} · ${t("revisitSection.by")} ${o.names.revisitBy ?? "—"}`,
                        )}
                      </>
                    ) : null}
                  </dl>
                ) : (
                  <p className="text-sm text-slate-600">{t("revisitSection.notYet")}</p>
                )}
                {o.state === "DONE" && !o.revisitedAt && can("service:revisit") ? (
                  <div className="mt-3">
                    <ServiceRevisitForm {...step} contactName={o.contact?.name ?? ""} />
                  </div>
                ) : null}
              </>,
            )
          : null}

        {o.state === "ORDERED" && can("service:cancel") ? section("cancel", t("cancel.section"), <CancelForm orderId={o.id} />) : null}
      </div>
    </>
  );
}

export default withClientMessages(["specialServices", "files", "common", "validation"], ServiceOrderPage);
