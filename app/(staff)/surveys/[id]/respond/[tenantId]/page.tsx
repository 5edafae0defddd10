import { getTranslations } from "next-intl/server";
import { ScoreForm } from "@/components/surveys/score-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { recordSurveyResponseAction } from "@/lib/surveys/actions";
import { getResponseForm } from "@/lib/surveys/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Staff enter one tenant's paper questionnaire with the round's own questions. */
async function RespondPage({ params }: { params: Promise<{ id: string; tenantId: string }> }) {
  await requirePagePermission("survey:respond");
  const { id, tenantId } = await params;
  const [t, data] = await Promise.all([getTranslations("surveys"), getResponseForm(id, tenantId)]);
  const back = `/surveys/${data.round.id}`;
  return (
    <>
      <PageHeader title={`${t("enterPaper")} · ${data.tenant.name}`} subtitle={`${data.round.site.name} · ${data.round.title}`} />
      <section className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
        {data.answered ? (
          <p className="text-sm">{t("errors.alreadyAnswered")}</p>
        ) : data.round.state !== "OPEN" ? (
          <p className="text-sm">{t("errors.roundClosed")}</p>
        ) : (
          <ScoreForm
            mode="paper"
            roundId={data.round.id}
            tenantId={data.tenant.id}
            backHref={back}
            questions={data.round.questionnaire.questions}
            action={recordSurveyResponseAction}
            submitLabel={t("saveResponse")}
          />
        )}
      </section>
    </>
  );
}

export default withClientMessages(["surveys", "common", "validation", "complaints"], RespondPage);
