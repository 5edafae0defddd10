import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RevisitSigningForm } from "@/components/complaints/revisit-signing-form";
import { PublicSurveyQuestionnaire, PublicSurveyRevisit } from "@/components/surveys/public-pages";
import { revisitForSigning } from "@/lib/complaints/signing";
import { findOpenSigningLink } from "@/lib/signing-links/store";
import { surveyForLink } from "@/lib/surveys/response.mutations";
import { surveyRevisitForSigning } from "@/lib/surveys/revisit.mutations";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signing");
  // The token is a credential: no referrer to other sites, no indexing.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * The client's one-time signing page (R-CMP-4), outside the staff area: no account, the token in the
 * path opens this one revisit record and nothing else, once, for 72 hours. The same links open a
 * tenant's satisfaction questionnaire or the revisit record of a survey opinion (R-SUR-3): the link's
 * purpose says which record the page shows.
 */
async function SignRevisitPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("signing");
  const tc = await getTranslations("complaints");
  const purpose = (await findOpenSigningLink(token))?.purpose;
  if (purpose === "SURVEY_RESPONSE") {
    const survey = await surveyForLink(token);
    if (survey) return <PublicSurveyQuestionnaire token={token} survey={survey} />;
  }
  if (purpose === "SURVEY_REVISIT") {
    const revisit = await surveyRevisitForSigning(token);
    if (revisit) return <PublicSurveyRevisit token={token} record={revisit} />;
  }
  const record = purpose === "COMPLAINT_REVISIT" ? await revisitForSigning(token) : null;
  if (!record)
    return (
      <main className="mx-auto max-w-md p-4">
        <h1 className="mb-2 text-lg font-semibold">{t("invalidTitle")}</h1>
        <p className="text-sm text-slate-700" data-testid="signing-invalid">
          {t("invalid")}
        </p>
      </main>
    );
  const row = (label: string, value: React.ReactNode) => (
    <div className="py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm whitespace-pre-wrap">{value}</dd>
    </div>
  );
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro", { site: record.siteName })}</p>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-3" data-testid="signing-record">
        {row(t("number"), record.number)}
        {row(t("category"), tc(`categories.${record.category}`))}
        {row(t("description"), record.description)}
        {record.actionTaken ? row(t("actionTaken"), record.actionTaken) : null}
        {record.rectifiedAt ? row(t("rectifiedAt"), record.rectifiedAt) : null}
        {row(t("revisitedAt"), record.revisitedAt)}
        {row(t("satisfaction"), tc(`satisfactions.${record.satisfaction}`))}
        {record.comments ? row(t("comments"), record.comments) : null}
        {row(t("clientName"), record.clientName)}
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-3">
        <RevisitSigningForm token={token} />
      </section>
      <p className="text-xs text-slate-500">{t("expires", { expiresAt: record.expiresAt })}</p>
    </main>
  );
}

export default withClientMessages(["signing", "files", "surveys", "common", "validation", "complaints"], SignRevisitPage);
