import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CONTRACTOR_ALERTS, alertHref, contractorDashboard } from "@/lib/contractors/dashboard.queries";

/**
 * Issue 18 item 7 on the managers' dashboard: per site, what the cleaning and catering contractors,
 * the waste streams and the found-items register need today — each line a count linking to its page.
 */
export async function ContractorsCard({ site }: { site?: string }) {
  const [t, sites] = await Promise.all([getTranslations("contractorReports.card"), contractorDashboard({ site })]);
  const any = sites.some((s) => s.total > 0);
  return (
    <section
      aria-labelledby="contractors-card-title"
      className={`mb-6 rounded-lg border p-3 ${any ? "border-amber-200 bg-amber-50/40" : "border-slate-200 bg-white"}`}
      data-testid="contractors-card"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="contractors-card-title" className="text-base font-semibold text-slate-900">
          {t("title")} <span className="text-xs font-normal text-slate-500">{t("caption")}</span>
        </h2>
        <Link href="/contractors/assessment" className="text-sm text-sky-700 underline">
          {t("link")}
        </Link>
      </div>
      {sites.length === 0 ? <p className="text-sm text-slate-600">{t("noSites")}</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {sites.map((s) => (
          <div key={s.site.id} data-testid={`contractors-card-${s.site.code}`} className="min-w-0">
            <h3 className="mb-1 text-sm font-medium text-slate-800">
              {s.site.name} <span className="text-xs font-normal text-slate-500">{s.today}</span>
            </h3>
            <ul className="flex flex-col gap-0.5 text-sm">
              {CONTRACTOR_ALERTS.map((alert) => (
                <li key={alert} data-testid={`contractors-${alert}`}>
                  <Link
                    href={alertHref(alert, s.site.id)}
                    className="flex min-h-8 items-center justify-between gap-3 rounded px-1 hover:bg-slate-50"
                  >
                    <span className="text-sky-800 underline">{t(`lines.${alert}`)}</span>
                    <span className={`font-semibold tabular-nums ${s.counts[alert] > 0 ? "text-red-700" : "text-slate-400"}`}>
                      {s.counts[alert]}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {s.cleaningInUse ? null : <p className="mt-1 text-xs text-slate-500">{t("cleaningNotInUse")}</p>}
          </div>
        ))}
      </div>
    </section>
  );
}
