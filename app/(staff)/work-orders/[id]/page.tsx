import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { PageHeader } from "@/components/ui/page-header";
import { WorkOrderStateBadge } from "@/components/work-orders/state-badge";
import { ActionButton } from "@/components/ui/action-button";
import { verifyWorkOrderAction } from "@/lib/work-orders/actions";
import { FixForm, SendBackForm } from "@/components/work-orders/step-forms";
import { ToComplaintForm } from "@/components/work-orders/to-complaint-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { workOrderNextStep } from "@/lib/next-step/rules";
import { roleHas } from "@/lib/permissions";
import { NextStepNote } from "@/components/records/next-step-note";
import { getWorkOrder } from "@/lib/work-orders/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("workorder:read");
  const { id } = await params;
  const wo = await getWorkOrder(id);
  if (!wo) notFound();
  const t = await getTranslations("workOrders");
  const next = workOrderNextStep(wo.state);
  // Who raised the order checks the fix; a sent-back order goes back to whoever fixed it.
  const person = wo.state === "FIXED" ? wo.createdBy : wo.sentBackCount > 0 ? wo.fixedBy : null;
  const can = (p: Parameters<typeof roleHas>[1]) => roleHas(actor.role, p);
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm sm:col-span-3">{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader title={`${t("title")} ${wo.number}`} subtitle={`${wo.site.name} · ${t("ageDays", { days: wo.ageDays })}`} />
      <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-2 font-medium">
          {t("facts")}
        </h2>
        <dl className="divide-y divide-slate-100">
          {row(t("state"), <WorkOrderStateBadge state={wo.state} label={t(`states.${wo.state}`)} />)}
          {row(t("area"), `${wo.area.building}${wo.area.floor} · ${wo.area.name}`)}
          {row(t("description"), <span className="whitespace-pre-wrap">{wo.description}</span>)}
          {wo.inspection
            ? row(
                t("inspection"),
                <>
                  {t("inspectionBy", { supervisor: wo.inspection.supervisor, at: wo.inspection.checkedAt ?? "", item: wo.inspection.item })}
                  {wo.inspection.note ? <span className="block text-slate-600">「{wo.inspection.note}」</span> : null}
                </>,
              )
            : null}
          {wo.complaint
            ? row(
                t("complaint"),
                wo.complaint.mayOpen ? (
                  <Link className="text-sky-700 underline" href={`/complaints/${wo.complaint.id}`}>
                    {wo.complaint.number}
                  </Link>
                ) : (
                  wo.complaint.number
                ),
              )
            : null}
        </dl>
        <PhotoStrip fileIds={wo.photoFileIds} label={t("photos")} />
      </section>

      <section aria-labelledby="history" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="history" className="mb-2 font-medium">
          {t("history")}
        </h2>
        <ul className="flex flex-col gap-1 text-sm">
          <li>{t("createdBy", { name: wo.createdBy ?? "—", at: wo.local.createdAt ?? "" })}</li>
          {wo.sentBackCount > 0 ? (
            <li className="text-amber-800">
              {t("sentBackTimes", { count: wo.sentBackCount })}
              {wo.sentBackNote ? ` · ${t("sentBackNote")}：${wo.sentBackNote}` : null}
            </li>
          ) : null}
          {wo.fixedAt ? (
            <li>
              {t("fixedBy", { name: wo.fixedBy ?? "—", at: wo.local.fixedAt ?? "" })}
              {wo.fixNote ? <span className="block whitespace-pre-wrap text-slate-700">{wo.fixNote}</span> : null}
            </li>
          ) : null}
          {wo.verifiedAt ? <li>{t("verifiedBy", { name: wo.verifiedBy ?? "—", at: wo.local.verifiedAt ?? "" })}</li> : null}
        </ul>
      </section>

      {wo.state !== "VERIFIED" ? (
        <section aria-labelledby="next" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="next" className="mb-2 font-medium">
            {t("nextStep")}
          </h2>
          {next ? <NextStepNote next={next} person={person} /> : null}
          {wo.state === "OPEN" && can("workorder:fix") ? (
            <FixForm workOrderId={wo.id} />
          ) : wo.state === "FIXED" && can("workorder:verify") ? (
            <div className="flex flex-col gap-4">
              <ActionButton action={verifyWorkOrderAction} input={{ workOrderId: wo.id }} label={t("steps.verify")} />
              <SendBackForm workOrderId={wo.id} />
            </div>
          ) : null}
        </section>
      ) : null}

      {!wo.complaint && can("complaint:create") ? (
        <section aria-labelledby="to-complaint" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="to-complaint" className="mb-2 font-medium">
            {t("steps.toComplaint")}
          </h2>
          <ToComplaintForm workOrderId={wo.id} siteId={wo.siteId} />
        </section>
      ) : null}
    </>
  );
}

export default withClientMessages(["workOrders", "common", "validation", "complaints"], WorkOrderPage);
