import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { vacantScoreSummary } from "@/lib/vacant-units/queries";

/** R-VAC-3 on the manager dashboard: last month's cleaning-quality score and this month's progress per site. */
export async function VacantScoreCard() {
  const [t, sites] = await Promise.all([getTranslations("vacant.card"), vacantScoreSummary()]);
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
        {sites.map(({ site, last, current }) => (
          <li key={site.id} className="flex flex-wrap gap-x-3">
            <span className="font-medium text-slate-900">{site.name}</span>
            <span className={last.overdue > 0 ? "text-red-700" : "text-slate-700"}>
              {t("lastMonth", { month: last.month, score: last.score ?? t("noScore"), due: last.due, overdue: last.overdue })}
            </span>
            <span className="text-slate-600">
              {t("thisMonth", { month: current.month, done: current.done, due: current.due, verified: current.verified })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
