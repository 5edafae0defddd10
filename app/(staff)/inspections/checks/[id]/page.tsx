import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getInspectionCheck } from "@/lib/inspections/check.queries";
import { roleHas } from "@/lib/permissions";

/** A submitted check: every item with its result, the failed ones first with note and photos; who and when. */
export default async function InspectionCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("inspection:read");
  const { id } = await params;
  const check = await getInspectionCheck(id);
  if (!check) notFound();
  const t = await getTranslations("inspections");
  const tw = await getTranslations("workOrders");
  const [day, slot] = check.periodKey.split("#");
  const when = slot ? `${day} ${t("slot", { slot })}` : t("month", { month: day });
  const mayOpenWorkOrders = roleHas(actor.role, "workorder:read");
  return (
    <>
      <PageHeader
        title={t("checklistTitle", { area: check.area.name })}
        subtitle={`${check.site} · ${check.area.building} ${check.area.floor} · ${when}`}
      />
      <p className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="check-summary">
        {t("doneBy", { name: check.supervisor, at: check.checkedLocal, failures: check.failures })}
        <span className="block text-xs text-slate-500">{t("templateVersion", { version: check.templateVersion })}</span>
      </p>
      <section aria-labelledby="results" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="results" className="mb-2 font-medium">
          {t("check.results")}
        </h2>
        <ol className="flex flex-col gap-2">
          {check.results.map((r) => (
            <li key={r.id} className="border-b border-slate-100 pb-2 last:border-0" data-testid={r.failed ? "result-fail" : "result-pass"}>
              <p className="flex justify-between gap-2 text-sm">
                <span>{r.label}</span>
                <span className={r.failed ? "font-semibold text-red-700" : "text-emerald-700"}>{t(r.failed ? "fail" : "pass")}</span>
              </p>
              {r.note ? <p className="text-sm whitespace-pre-wrap text-slate-700">{r.note}</p> : null}
              <PhotoStrip fileIds={r.photoFileIds} label={t("check.photos")} />
              {r.workOrder ? (
                <p className="text-sm">
                  {tw("title")}{" "}
                  {mayOpenWorkOrders ? (
                    <Link className="text-sky-700 underline" href={`/work-orders/${r.workOrder.id}`}>
                      {r.workOrder.number}
                    </Link>
                  ) : (
                    r.workOrder.number
                  )}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <p className="mt-4 flex flex-wrap gap-4">
        {roleHas(actor.role, "inspection:perform") ? (
          <Link href="/inspections" className="inline-flex min-h-10 items-center text-sm text-sky-700 underline">
            {t("back")}
          </Link>
        ) : null}
        {roleHas(actor.role, "inspection:compliance") ? (
          <Link href="/inspections/compliance" className="inline-flex min-h-10 items-center text-sm text-sky-700 underline">
            {t("check.toCompliance")}
          </Link>
        ) : null}
      </p>
    </>
  );
}
