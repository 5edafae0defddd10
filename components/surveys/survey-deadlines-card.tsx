import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { WorstSites } from "@/components/complaints/worst-sites";
import { DataTable } from "@/components/ui/data-table";
import { COUNTED_DUE_STATES, worstSites, type OpenDueState } from "@/lib/complaints/dashboard.rules";
import { SURVEY_DEADLINE_KINDS, surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";

/** How many of the most urgent items the company view lists (a site's dashboard lists up to 50). */
const COMPANY_ITEMS = 10;

/**
 * The survey-opinion deadlines (R-SUR-1..3) on the managers' dashboard, beside the complaints', in the
 * same states. In the company view (`company`: many sites, none chosen) also the sites with the most
 * overdue, and a shorter list.
 */
export async function SurveyDeadlinesCard({ site, due, company = false }: { site?: string; due?: OpenDueState; company?: boolean }) {
  const [t, tc, tco, data] = await Promise.all([
    getTranslations("surveys"),
    getTranslations("complaints"),
    getTranslations("dashboard.company"),
    // The dashboard's due-state filter applies to the list here as to the complaints' (the counts stay whole).
    surveyOpenDeadlines({ site, due }, company ? COMPANY_ITEMS : undefined),
  ]);
  return (
    <section aria-labelledby="survey-deadlines" className="mb-6 flex min-w-0 flex-col gap-3" data-testid="survey-deadlines">
      <div>
        <h2 id="survey-deadlines" className="text-base font-semibold text-slate-900">
          {t("dashboard.title")}
        </h2>
        <p className="text-xs text-slate-500">{t("dashboard.caption")}</p>
      </div>
      <DataTable
        notRecords="figures"
        caption={t("dashboard.title")}
        rows={SURVEY_DEADLINE_KINDS.map((kind) => ({ kind, cells: data.counts[kind] }))}
        rowKey={(r) => r.kind}
        empty={tc("deadlineStates.on_track")}
        columns={[
          { header: t("items.deadline"), cell: (r) => t(`deadlineKinds.${r.kind}`) },
          ...COUNTED_DUE_STATES.map((s) => ({
            header: tc(`deadlineStates.${s}`),
            cell: (r: { cells: Record<string, number> }) => <span data-testid={`survey-count-${s}`}>{r.cells[s]}</span>,
          })),
        ]}
      />
      {company ? (
        <WorstSites
          sites={worstSites(data.overdueBySite, (s) => s.overdue).map((s) => ({ ...s, value: tco("overdue", { count: s.overdue }) }))}
          anchor="survey-deadlines"
        />
      ) : null}
      <DataTable
        caption={t("items.caption")}
        rows={data.rows}
        rowKey={(r) => r.id}
        empty={t("items.empty")}
        columns={[
          {
            header: t("items.summary"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/surveys/items/${r.id}`}>
                {r.tenantName}
              </Link>
            ),
          },
          { header: t("site"), cell: (r) => r.site.name, wide: true },
          { header: t("round"), cell: (r) => r.roundTitle, wide: true },
          { header: t("items.department"), cell: (r) => r.departmentName },
          { header: t("state"), cell: (r) => t(`itemStates.${r.state}`), wide: true },
          {
            header: t("items.deadline"),
            cell: (r) => (
              <span className="flex flex-col gap-0.5">
                <span className="text-xs whitespace-nowrap text-slate-500">
                  {t(`deadlineKinds.${r.kind}`)} {r.dueLocal}
                </span>
                <DeadlineBadge state={r.dueState} />
              </span>
            ),
          },
        ]}
      />
      {company && data.total > data.rows.length ? (
        <p className="text-xs text-slate-500">{tco("mostUrgent", { shown: data.rows.length, total: data.total })}</p>
      ) : null}
    </section>
  );
}
