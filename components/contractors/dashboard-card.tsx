import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { WorstSites } from "@/components/complaints/worst-sites";
import { worstSites } from "@/lib/complaints/dashboard.rules";
import {
  CONTRACTOR_ALERTS,
  alertHref,
  companyAlertHref,
  contractorDashboard,
  type ContractorAlert,
  type ContractorDashboardSite,
} from "@/lib/contractors/dashboard.queries";

const LINE = "flex min-h-8 items-center justify-between gap-3 rounded px-1";

/**
 * Issue 18 item 7 on the managers' dashboard: per site, what the cleaning and catering contractors,
 * the waste streams and the found-items register need today — each line a count linking to its page.
 * In the company view (`company`: many sites, none chosen) each line is the sites' total and the sites
 * with the most to handle are named, instead of a block per site.
 */
export async function ContractorsCard({ site, company = false }: { site?: string; company?: boolean }) {
  const [t, tc, sites] = await Promise.all([
    getTranslations("contractorReports.card"),
    getTranslations("dashboard.company"),
    contractorDashboard({ site }),
  ]);
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
      {company && sites.length > 0 ? (
        <div data-testid="contractors-card-company" className="min-w-0">
          <h3 className="mb-1 text-sm font-medium text-slate-800">{tc("allSites", { sites: sites.length })}</h3>
          <AlertLines counts={companyCounts(sites)} href={companyAlertHref} label={(alert) => t(`lines.${alert}`)} />
          <WorstSites
            sites={worstSites(sites, (s) => s.total).map((s) => ({
              id: s.site.id,
              name: s.site.name,
              value: tc("items", { count: s.total }),
            }))}
            anchor="contractors-card-title"
          />
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {sites.map((s) => (
            <div key={s.site.id} data-testid={`contractors-card-${s.site.code}`} className="min-w-0">
              <h3 className="mb-1 text-sm font-medium text-slate-800">
                {s.site.name} <span className="text-xs font-normal text-slate-500">{s.today}</span>
              </h3>
              <AlertLines counts={s.counts} href={(alert) => alertHref(alert, s.site.id)} label={(alert) => t(`lines.${alert}`)} />
              {s.cleaningInUse ? null : <p className="mt-1 text-xs text-slate-500">{t("cleaningNotInUse")}</p>}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/** The sites' counts added up, line by line. */
function companyCounts(sites: ContractorDashboardSite[]): Record<ContractorAlert, number> {
  return Object.fromEntries(CONTRACTOR_ALERTS.map((alert) => [alert, sites.reduce((n, s) => n + s.counts[alert], 0)])) as Record<
    ContractorAlert,
    number
  >;
}

function AlertLines(props: {
  counts: Record<ContractorAlert, number>;
  href: (alert: ContractorAlert) => string | null;
  label: (alert: ContractorAlert) => string;
}) {
  return (
    <ul className="flex flex-col gap-0.5 text-sm">
      {CONTRACTOR_ALERTS.map((alert) => {
        const count = (
          <span className={`font-semibold tabular-nums ${props.counts[alert] > 0 ? "text-red-700" : "text-slate-400"}`}>
            {props.counts[alert]}
          </span>
        );
        const href = props.href(alert);
        return (
          <li key={alert} data-testid={`contractors-${alert}`}>
            {href ? (
              <Link href={href} className={`${LINE} hover:bg-slate-50`}>
                <span className="text-sky-800 underline">{props.label(alert)}</span>
                {count}
              </Link>
            ) : (
              <span className={LINE}>
                <span className="text-slate-800">{props.label(alert)}</span>
                {count}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
