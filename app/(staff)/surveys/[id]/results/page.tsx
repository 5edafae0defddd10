import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { TrendChart } from "@/components/surveys/trend-chart";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import { roundResults } from "@/lib/surveys/results.queries";
import { SURVEY_ITEM_STATES } from "@/lib/surveys/schema";

/** Results of a round (§3.2): averages per question and building, opinions by department and state, the trend. */
export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("survey:read");
  const { id } = await params;
  const [t, r] = await Promise.all([getTranslations("surveys"), roundResults(id)]);
  const score = (v: number | null) => (v === null ? t("results.noScore") : v.toFixed(1));
  return (
    <>
      <PageHeader
        title={`${t("results.title")} · ${r.round.title}`}
        subtitle={`${r.round.site.name} · ${t("results.overall")} ${score(r.overall)}`}
        actions={
          roleHas(actor.role, "survey:export") ? (
            <a
              href={`/surveys/${r.round.id}/export`}
              download
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("results.export")}
            </a>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section aria-labelledby="per-question">
          <h2 id="per-question" className="mb-2 font-medium">
            {t("results.perQuestion")}
          </h2>
          <DataTable
            caption={t("results.perQuestion")}
            rows={r.questions}
            rowKey={(q) => q.id}
            empty={t("results.noScore")}
            columns={[
              { header: t("questionnaire"), cell: (q) => q.label },
              { header: t("results.average"), cell: (q) => score(q.average) },
            ]}
          />
        </section>
        <section aria-labelledby="per-building">
          <h2 id="per-building" className="mb-2 font-medium">
            {t("results.perBuilding")}
          </h2>
          <DataTable
            caption={t("results.perBuilding")}
            rows={r.buildings}
            rowKey={(b) => b.building || "-"}
            empty={t("results.noScore")}
            columns={[
              { header: t("building"), cell: (b) => b.building || t("noBuilding") },
              { header: t("results.average"), cell: (b) => score(b.average) },
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="by-department" className="mt-4">
        <h2 id="by-department" className="mb-2 font-medium">
          {t("results.itemsByDepartment")}
        </h2>
        <DataTable
          caption={t("results.itemsByDepartment")}
          rows={r.itemsByDepartment}
          rowKey={(d) => d.id}
          empty={t("items.empty")}
          columns={[
            { header: t("items.department"), cell: (d) => d.name },
            ...SURVEY_ITEM_STATES.map((s) => ({
              header: t(`itemStates.${s}`),
              cell: (d: (typeof r.itemsByDepartment)[number]) => d.counts[s] ?? 0,
            })),
          ]}
        />
      </section>
      <section aria-labelledby="trend" className="mt-4">
        <h2 id="trend" className="mb-1 font-medium">
          {t("results.trend")}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{t("results.trendCaption")}</p>
        <TrendChart
          label={t("results.trend")}
          points={r.trend.map((p) => ({
            key: p.id,
            label: p.title,
            value: p.average,
            current: p.current,
            description:
              p.average === null
                ? `${p.title}：${t("results.noScore")}`
                : t("results.trendValue", { title: p.title, average: p.average.toFixed(1), responses: p.responses }),
          }))}
        />
      </section>
    </>
  );
}
