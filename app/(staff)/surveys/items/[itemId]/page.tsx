import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { SigningLinkPanel } from "@/components/complaints/signing-link-panel";
import { AnswerForm, DeliverForm, RectifyForm, SurveyRevisitForm } from "@/components/surveys/opinion-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import {
  createSurveyRevisitSigningLinkAction,
  deliverSurveyOpinionAction,
  recordSurveyAnswerAction,
  recordSurveyRectificationAction,
  recordSurveyRevisitAction,
} from "@/lib/surveys/actions";
import { getItem } from "@/lib/surveys/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** One opinion's chain (R-SUR-1..3): each step with its deadline and state, the next step's form, the trail. */
async function SurveyItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const actor = await requirePagePermission("survey:read");
  const { itemId } = await params;
  const [t, tc, item] = await Promise.all([getTranslations("surveys"), getTranslations("complaints"), getItem(itemId)]);
  const can = (p: Parameters<typeof roleHas>[1]) => roleHas(actor.role, p);
  const awaitingSignature = item.state === "RECTIFIED" && !!item.revisit && !item.revisit.completedAt;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm whitespace-pre-wrap sm:col-span-3">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader
        title={t("item.title")}
        subtitle={`${item.site.name} · ${item.round.title} · ${t(`itemStates.${item.state}`)}`}
        actions={
          <Link href={`/surveys/${item.round.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {item.round.title}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="facts" className="sr-only">
            {t("item.title")}
          </h2>
          <dl className="divide-y divide-slate-100" data-testid="item-facts">
            {row(t("tenant"), item.tenant.name)}
            {row(t("item.opinion"), item.response.opinion ?? "—")}
            {row(t("items.summary"), item.summary)}
            {row(t("items.department"), item.department.name)}
            {row(t("item.summarisedAt"), item.local.summarisedAt)}
            {item.deliveredAt
              ? row(t("item.deliveredAt"), `${item.local.deliveredAt} · ${t("item.deliveredTo")} ${item.deliveredTo}`)
              : null}
            {item.answeredAt ? row(t("item.measures"), `${item.measures}（${item.local.answeredAt}）`) : null}
            {item.rectifiedAt
              ? row(t("item.rectifiedAt"), `${item.local.rectifiedAt}${item.rectificationNote ? ` · ${item.rectificationNote}` : ""}`)
              : null}
            {item.revisit
              ? row(
                  t("deadlineKinds.revisit"),
                  <>
                    {[
                      item.revisit.local.revisitedAt,
                      item.revisit.by.name,
                      tc(`methods.${item.revisit.method}`),
                      tc(`satisfactions.${item.revisit.satisfaction}`),
                      item.revisit.clientName,
                      ...(item.revisit.completedAt ? [] : [tc("awaitingSignature")]),
                    ].join(" · ")}
                    <Link className="ml-1 text-sky-700 underline" href={`/surveys/items/${item.id}/revisit/print`}>
                      {t("item.print")}
                    </Link>
                  </>,
                )
              : null}
          </dl>
        </section>
        <section aria-labelledby="deadlines" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="deadlines" className="mb-2 font-medium">
            {t("item.deadlines")}
          </h2>
          <ul className="flex flex-col gap-2" data-testid="item-deadlines">
            {item.deadlines.map((d) => (
              <li key={d.kind} className="text-sm">
                <p>{t("item.dueBy", { kind: t(`deadlineKinds.${d.kind}`), due: d.dueLocal })}</p>
                <DeadlineBadge state={d.state} />
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="next" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="next" className="mb-2 font-medium">
          {tc("nextStep")}
        </h2>
        {!can("survey:opinion") && !can("survey:revisit") ? null : item.state === "SUMMARISED" && can("survey:opinion") ? (
          <DeliverForm itemId={item.id} action={deliverSurveyOpinionAction} />
        ) : item.state === "DELIVERED" && can("survey:opinion") ? (
          <AnswerForm itemId={item.id} action={recordSurveyAnswerAction} />
        ) : item.state === "ANSWERED" && can("survey:opinion") ? (
          <RectifyForm itemId={item.id} action={recordSurveyRectificationAction} />
        ) : awaitingSignature && can("survey:revisit") ? (
          <div className="flex flex-col gap-2" data-testid="awaiting-signature">
            <p className="text-sm font-medium">{tc("awaitingSignature")}</p>
            <p className="text-sm text-slate-600">{tc("awaitingSignatureHint")}</p>
            <SigningLinkPanel input={{ itemId: item.id }} timeZone={item.site.timeZone} action={createSurveyRevisitSigningLinkAction} />
          </div>
        ) : item.state === "RECTIFIED" && can("survey:revisit") ? (
          <SurveyRevisitForm itemId={item.id} siteId={item.siteId} action={recordSurveyRevisitAction} />
        ) : (
          <p className="text-sm text-slate-500">{item.state === "REVISITED" ? t("itemStates.REVISITED") : null}</p>
        )}
      </section>

      <section aria-labelledby="trail" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="trail" className="mb-2 font-medium">
          {t("item.trail")}
        </h2>
        <ol className="flex flex-col gap-1 text-sm" data-testid="item-trail">
          {item.trail.map((entry) => (
            <li key={entry.id}>
              {entry.at} · {entry.actor ?? t("item.trailLink")}
              {entry.state ? ` · ${t(`itemStates.${entry.state}`)}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export default withClientMessages(["complaints", "surveys", "files", "common", "validation"], SurveyItemPage);
