import { getTranslations } from "next-intl/server";
import {
  COUNTED_DUE_STATES,
  combinedRate,
  percent,
  type DashboardFilter,
  type SiteDeadlineCells,
  type SiteDeadlineRow,
  type SiteRate,
} from "@/lib/complaints/dashboard.rules";
import { SiteDeadlinesView, type SiteDeadlinesLine } from "./site-deadlines-view";

/**
 * The company view of the deadline counts (many sites, none chosen): one line per site, the worst
 * first, with its open deadlines overdue / due today / due soon, all of them, and its on-time rate of
 * the last weeks. The site's name opens the dashboard of that site; each count opens the list of it.
 * The lines go to SiteDeadlinesView as figures (site-deadlines-view.tsx), which writes their markup.
 */
export async function SiteDeadlinesTable(props: {
  rows: SiteDeadlineRow[];
  total: SiteDeadlineCells;
  rates: Map<string, SiteRate>;
  rateWeeks: number;
  filter: DashboardFilter;
}) {
  const t = await getTranslations();
  const line = (label: string, cells: SiteDeadlineCells, rate: SiteRate | undefined, id?: string): SiteDeadlinesLine => ({
    ...(id ? { id } : {}),
    label,
    counts: [...COUNTED_DUE_STATES.map((due) => cells[due]), cells.open],
    ...(rate?.rate == null
      ? { rate: null }
      : { rate: percent(rate.rate), rateTitle: t("dashboard.company.rateOf", { met: rate.met, due: rate.due }) }),
  });
  return (
    <SiteDeadlinesView
      caption={t("dashboard.company.caption", { weeks: props.rateWeeks })}
      headers={{
        site: t("dashboard.counts.bySite"),
        dueStates: COUNTED_DUE_STATES.map((due) => t(`complaints.deadlineStates.${due}`)),
        open: t("dashboard.company.open"),
        rate: t("dashboard.company.rate", { weeks: props.rateWeeks }),
      }}
      dueStates={COUNTED_DUE_STATES}
      lines={props.rows.map((row) => line(row.label, row.cells, props.rates.get(row.id), row.id))}
      total={props.rows.length > 1 ? line(t("dashboard.counts.total"), props.total, combinedRate(props.rates.values())) : null}
      filter={props.filter}
      empty={t("common.empty")}
      noDeadlines={t("dashboard.onTime.noDeadlines")}
    />
  );
}
