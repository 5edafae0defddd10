import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { OpenRoundForm } from "@/components/surveys/round-forms";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { localDateInZone } from "@/lib/calendar";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { openSurveyRoundAction } from "@/lib/surveys/actions";
import { listRounds, roundFormOptions } from "@/lib/surveys/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Half-year default of a new round: the half the site's today falls in. */
function halfYear(today: string) {
  const [year, month] = today.split("-").map(Number);
  const first = month <= 6;
  return {
    title: `${year}年${first ? "上" : "下"}半年满意度调查`,
    periodStart: `${year}-${first ? "01-01" : "07-01"}`,
    periodEnd: `${year}-${first ? "06-30" : "12-31"}`,
  };
}

async function SurveysPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("survey:read");
  const sp = await searchParams;
  const [t, list, options] = await Promise.all([
    getTranslations("surveys"),
    listRounds({ site: param(sp.site) }, pageRequest(sp.page)),
    roundFormOptions(),
  ]);
  const openable = options.sites.filter((s) => !s.hasOpenRound);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          roleHas(actor.role, "template:manage") ? (
            <ButtonLink href="/surveys/questionnaire" variant="secondary">
              {t("editQuestionnaire")}
            </ButtonLink>
          ) : null
        }
      />
      <DataTable
        caption={t("title")}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("items.empty")}
        columns={[
          {
            header: t("roundTitle"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/surveys/${r.id}`}>
                {r.title}
              </Link>
            ),
          },
          { header: t("site"), cell: (r) => r.site.name },
          { header: t("period"), cell: (r) => r.period, wide: true },
          { header: t("state"), cell: (r) => t(`roundStates.${r.state}`) },
          { header: t("responses"), cell: (r) => r.responses },
          { header: t("openItems"), cell: (r) => r.openItems },
          { header: t("questionnaireVersion"), cell: (r) => t("versionN", { version: r.questionnaireVersion }), wide: true },
        ]}
      />
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} searchParams={{ site: param(sp.site) }} />
      {roleHas(actor.role, "survey:manage") && openable.length > 0 ? (
        <section aria-labelledby="open-round" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="open-round" className="mb-1 font-medium">
            {t("openRound")}
          </h2>
          {options.questionnaire ? (
            <>
              <p className="mb-3 text-xs text-slate-500">{t("openRoundHint", { version: options.questionnaire.version })}</p>
              <OpenRoundForm
                sites={openable}
                defaults={halfYear(localDateInZone(new Date(), "Asia/Shanghai"))}
                action={openSurveyRoundAction}
              />
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("noQuestionnaire")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

export default withClientMessages(["surveys", "common", "validation", "complaints"], SurveysPage);
