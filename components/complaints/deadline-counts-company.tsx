import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import {
  COUNTED_DUE_STATES,
  combinedRate,
  filterQuery,
  percent,
  type DashboardFilter,
  type SiteDeadlineCells,
  type SiteDeadlineRow,
  type SiteRate,
} from "@/lib/complaints/dashboard.rules";

const TONE = { overdue: "text-red-700", due_today: "text-amber-800", due_soon: "text-yellow-800" } as const;

/**
 * The company view of the deadline counts (many sites, none chosen): one line per site, the worst
 * first, with its open deadlines overdue / due today / due soon, all of them, and its on-time rate of
 * the last weeks. The site's name opens the dashboard of that site; each count opens the list of it.
 */
export async function SiteDeadlinesTable(props: {
  rows: SiteDeadlineRow[];
  total: SiteDeadlineCells;
  rates: Map<string, SiteRate>;
  rateWeeks: number;
  filter: DashboardFilter;
}) {
  const t = await getTranslations();
  const count = (value: number, over: Partial<DashboardFilter>, tone = "text-slate-800") =>
    value === 0 ? (
      <span className="text-slate-400">0</span>
    ) : (
      <Link className={`font-medium underline ${tone}`} href={`/dashboard${filterQuery(props.filter, over)}`}>
        {value}
      </Link>
    );
  const cells = (values: SiteDeadlineCells, site?: string) => (
    <>
      {COUNTED_DUE_STATES.map((due) => (
        <td key={due}>{count(values[due], { due, ...(site ? { site } : {}) }, TONE[due])}</td>
      ))}
      <td>{count(values.open, site ? { site } : {})}</td>
    </>
  );
  const rate = (siteRate: SiteRate | undefined) =>
    siteRate?.rate == null ? (
      <span className="text-slate-400">{t("dashboard.onTime.noDeadlines")}</span>
    ) : (
      <span title={t("dashboard.company.rateOf", { met: siteRate.met, due: siteRate.due })}>{percent(siteRate.rate)}%</span>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {/* Cell styles on the table, not on each of the ~300 cells of fifty sites. */}
      <table
        className="min-w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums"
        data-testid="site-deadlines"
      >
        <caption className="sr-only">{t("dashboard.company.caption", { weeks: props.rateWeeks })}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("dashboard.counts.bySite")}
            </th>
            {COUNTED_DUE_STATES.map((due) => (
              <th key={due} scope="col" className="px-2 py-2 text-right text-xs font-normal">
                {t(`complaints.deadlineStates.${due}`)}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-right text-xs font-normal">
              {t("dashboard.company.open")}
            </th>
            <th scope="col" className="px-2 py-2 text-right text-xs font-normal">
              {t("dashboard.company.rate", { weeks: props.rateWeeks })}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="text-slate-500">
                {t("common.empty")}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="min-w-24 px-3 py-1.5 text-left font-normal">
                  <Link className="text-sky-700 underline" href={`/dashboard${filterQuery(props.filter, { site: row.id })}`}>
                    {row.label}
                  </Link>
                </th>
                {cells(row.cells, row.id)}
                <td>{rate(props.rates.get(row.id))}</td>
              </tr>
            ))
          )}
        </tbody>
        {props.rows.length > 1 ? (
          <tfoot className="border-t border-slate-200 bg-slate-50 font-medium">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left">
                {t("dashboard.counts.total")}
              </th>
              {cells(props.total)}
              <td>{rate(combinedRate(props.rates.values()))}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
