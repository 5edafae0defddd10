import { getTranslations } from "next-intl/server";
import { RevisitSigningForm } from "@/components/complaints/revisit-signing-form";
import { ScoreForm } from "@/components/surveys/score-form";
import { signSurveyRevisitAction, submitSurveyResponseAction } from "@/lib/surveys/public-actions";
import type { surveyForLink } from "@/lib/surveys/response.mutations";
import type { surveyRevisitForSigning } from "@/lib/surveys/revisit.mutations";

/** A tenant's questionnaire through their one-time link: their company's name, the round's questions, nothing else. */
export async function PublicSurveyQuestionnaire({
  token,
  survey,
}: {
  token: string;
  survey: NonNullable<Awaited<ReturnType<typeof surveyForLink>>>;
}) {
  const t = await getTranslations("surveys");
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-lg font-semibold">{t("public.title")}</h1>
      <p className="text-sm text-slate-700" data-testid="survey-intro">
        {t("public.intro", { site: survey.siteName, tenant: survey.tenantName, round: survey.roundTitle })}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-3">
        <ScoreForm
          mode="link"
          token={token}
          questions={survey.questions}
          action={submitSurveyResponseAction}
          submitLabel={t("public.submit")}
        />
      </section>
      <p className="text-xs text-slate-500">{t("public.expires", { expiresAt: survey.expiresAt })}</p>
    </main>
  );
}

/** The revisit record of a survey opinion for the client's signature (R-SUR-3): the same pad as a complaint's. */
export async function PublicSurveyRevisit({
  token,
  record,
}: {
  token: string;
  record: NonNullable<Awaited<ReturnType<typeof surveyRevisitForSigning>>>;
}) {
  const t = await getTranslations("signing");
  const ts = await getTranslations("surveys");
  const tc = await getTranslations("complaints");
  const row = (label: string, value: React.ReactNode) => (
    <div className="py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm whitespace-pre-wrap">{value}</dd>
    </div>
  );
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{ts("public.revisitIntro", { site: record.siteName, round: record.roundTitle })}</p>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-3" data-testid="signing-record">
        {row(ts("public.yourOpinion"), record.summary)}
        {record.measures ? row(ts("public.measures"), record.measures) : null}
        {record.rectifiedAt ? row(t("rectifiedAt"), record.rectifiedAt) : null}
        {row(t("revisitedAt"), record.revisitedAt)}
        {row(t("satisfaction"), tc(`satisfactions.${record.satisfaction}`))}
        {record.comments ? row(t("comments"), record.comments) : null}
        {row(t("clientName"), record.clientName)}
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-3">
        <RevisitSigningForm token={token} sign={signSurveyRevisitAction} />
      </section>
      <p className="text-xs text-slate-500">{t("expires", { expiresAt: record.expiresAt })}</p>
    </main>
  );
}
