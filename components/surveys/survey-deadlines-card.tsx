import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { DataTable } from "@/components/ui/data-table";
import { COUNTED_DUE_STATES, type OpenDueState } from "@/lib/complaints/dashboard.rules";
import { SURVEY_DEADLINE_KINDS, surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";

/** The survey-opinion deadlines (R-SUR-1..3) on the managers' dashboard, beside the complaints', in the same states. */
export async function SurveyDeadlinesCard({ site, due }: { site?: string; due?: OpenDueState }) {
  const [t, tc, all] = await Promise.all([getTranslations("surveys"), getTranslations("complaints"), surveyOpenDeadlines({ site })]);
  // The dashboard's due-state filter applies to the list here as to the complaints' (the counts stay whole).
  const data = due ? { ...all, rows: all.rows.filter((r) => r.dueState === due) } : all;
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
    </section>
  );
}
