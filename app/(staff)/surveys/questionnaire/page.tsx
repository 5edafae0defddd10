import { getTranslations } from "next-intl/server";
import { QuestionnaireForm } from "@/components/surveys/round-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { saveSurveyQuestionnaireAction } from "@/lib/surveys/actions";
import { questionnaireForEditing } from "@/lib/surveys/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** The company-wide questionnaire, versioned like the checklists: past rounds keep their questions. */
async function QuestionnairePage() {
  await requirePagePermission("template:manage");
  const [t, data] = await Promise.all([getTranslations("surveys"), questionnaireForEditing()]);
  return (
    <>
      <PageHeader title={t("editQuestionnaire")} subtitle={t("questionnaireHint")} />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        {data.current ? <p className="mb-3 text-sm text-slate-600">{t("versionN", { version: data.current.version })}</p> : null}
        <QuestionnaireForm questions={data.current?.questions.map((q) => q.label) ?? []} action={saveSurveyQuestionnaireAction} />
      </section>
      {data.versions.length ? (
        <ul className="mt-4 text-sm text-slate-600">
          {data.versions.map((v) => (
            <li key={v.version}>{t("versionsUsed", { version: v.version, rounds: v.rounds })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export default withClientMessages(["surveys", "common", "validation", "complaints"], QuestionnairePage);
