import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { WorstSites } from "@/components/complaints/worst-sites";
import { worstSites } from "@/lib/complaints/dashboard.rules";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";
import { combinedMonthScore } from "@/lib/vacant-units/rules";

/**
 * R-VAC-3 on the manager dashboard: last month's cleaning-quality score and this month's progress per
 * site. In the company view (`company`: many sites, none chosen) one line for all the sites together
 * and the sites with the most units left overdue last month.
 */
export async function VacantScoreCard({ site, company = false }: { site?: string; company?: boolean }) {
  const [t, tc, sites] = await Promise.all([
    getTranslations("vacant.card"),
    getTranslations("dashboard.company"),
    vacantScoreSummary(undefined, { site }),
  ]);
  const lines = company
    ? [
        {
          key: "company",
          name: tc("allSites", { sites: sites.length }),
          last: { ...combinedMonthScore(sites.map((s) => s.last)), month: sites[0]?.last.month ?? "" },
          current: { ...combinedMonthScore(sites.map((s) => s.current)), month: sites[0]?.current.month ?? "" },
        },
      ]
    : sites.map(({ site: s, last, current }) => ({ key: s.id, name: s.name, last, current }));
  const worst = company
    ? worstSites(sites, (s) => s.last.overdue).map((s) => ({
        id: s.site.id,
        name: s.site.name,
        value: tc("overdue", { count: s.last.overdue }),
      }))
    : [];
  return (
    <section
      aria-labelledby="vacant-score-title"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="vacant-score-card"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="vacant-score-title" className="text-base font-semibold text-slate-900">
          {t("title")} <span className="text-xs font-normal text-slate-500">{t("caption")}</span>
        </h2>
        <Link href="/vacant-units" className="text-sm text-sky-700 underline">
          {t("link")}
        </Link>
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {lines.map(({ key, name, last, current }) => (
          <li key={key} className="flex flex-wrap gap-x-3">
            <span className="font-medium text-slate-900">{name}</span>
            <span className={last.overdue > 0 ? "text-red-700" : "text-slate-700"}>
              {t("lastMonth", { month: last.month, score: last.score ?? t("noScore"), due: last.due, overdue: last.overdue })}
            </span>
            <span className="text-slate-600">
              {t("thisMonth", { month: current.month, done: current.done, due: current.due, verified: current.verified })}
            </span>
          </li>
        ))}
      </ul>
      <WorstSites sites={worst} anchor="vacant-score-title" />
    </section>
  );
}
