import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MonthForm } from "@/components/contractors/month-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { contractorAssessment } from "@/lib/contractors/assessment.queries";
import { monthParam } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The monthly contractor assessment: violations per contractor beside the canteen, vacant-unit and inspection results. */
export default async function ContractorAssessmentPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("contractor:assessment");
  const sp = await searchParams;
  const [t, tk, tr, report] = await Promise.all([
    getTranslations("contractors.assessment"),
    getTranslations("contractors"),
    getTranslations("contractorReports.report"),
    contractorAssessment(monthParam(sp.month)),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <MonthForm label={t("month")} value={report.month} />
      {report.sites.map((s) => (
        <section key={s.site.id} aria-labelledby={`a-${s.site.id}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`a-${s.site.id}`} className="text-lg font-semibold">
              {s.site.name}
            </h2>
            <Link href={`/contractors/report?site=${s.site.id}&month=${report.month}`} className="text-sm text-sky-700 underline">
              {tr("link")}
            </Link>
          </div>
          <ul className="flex flex-col gap-3">
            {s.contractors.map((c) => (
              <li key={c.id} data-testid={`assessment-${c.name}`}>
                <p className="font-medium">
                  {tk(`kinds.${c.kind}`)} · {c.name}
                </p>
                <p>
                  {t("violations", { count: c.violations })} · {t("openViolations", { count: c.open })} ·{" "}
                  {t("charges", { amount: c.charges })} · {t("trainings", { count: c.trainings })}
                </p>
                {c.kind === "CATERING" ? (
                  <p>
                    {t("canteenChecks", { done: s.canteen.done, failed: s.canteen.failed, escalated: s.canteen.escalated })} ·{" "}
                    {t("menus", { onTime: s.canteen.menus.onTime, late: s.canteen.menus.late, missing: s.canteen.menus.missing })}
                  </p>
                ) : (
                  <>
                    <p>
                      {t("vacantScore")}：
                      {s.vacant
                        ? t("vacantScoreValue", { site: s.site.name, score: s.vacant.score ?? "—", due: s.vacant.due })
                        : t("noVacant")}
                    </p>
                    <p>
                      {t("inspections")}：
                      {t("inspectionsValue", { site: s.site.name, done: s.inspections?.done ?? 0, failed: s.inspections?.failed ?? 0 })}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
