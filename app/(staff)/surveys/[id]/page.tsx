import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { SigningLinkPanel } from "@/components/complaints/signing-link-panel";
import { SummariseForm } from "@/components/surveys/opinion-forms";
import { ActionButton } from "@/components/ui/action-button";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import { closeSurveyRoundAction, createSurveyResponseLinkAction, summariseSurveyOpinionAction } from "@/lib/surveys/actions";
import { getRound } from "@/lib/surveys/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** One round: response rate per building, each tenant's questionnaire (paper or link), the opinions to summarise and the items. */
async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("survey:read");
  const { id } = await params;
  const [t, round] = await Promise.all([getTranslations("surveys"), getRound(id)]);
  const can = (p: Parameters<typeof roleHas>[1]) => roleHas(actor.role, p);
  const open = round.state === "OPEN";
  const linkLabels = {
    create: t("responseLink.create"),
    recreate: t("responseLink.recreate"),
    title: t("responseLink.title"),
    // The panel puts the link's expiry in on the client: the message formatted with "{expiresAt}" as the value.
    hint: t("responseLink.hint", { expiresAt: "{expiresAt}" }),
  };
  const toSummarise = round.opinions.filter((o) => o.items === 0);
  return (
    <>
      <PageHeader
        title={round.title}
        subtitle={`${round.site.name} · ${round.period} · ${t(`roundStates.${round.state}`)} · ${t("versionN", { version: round.questionnaire.version })}`}
        actions={
          <ButtonLink href={`/surveys/${round.id}/results`} variant="secondary">
            {t("results.link")}
          </ButtonLink>
        }
      />

      <section aria-labelledby="rates" className="mb-4">
        <h2 id="rates" className="mb-2 font-medium">
          {t("rate.title")}
        </h2>
        <DataTable
          caption={t("rate.caption")}
          rows={[...round.rates.byBuilding, { ...round.rates.total, building: t("rate.total") }]}
          rowKey={(r) => r.building || "-"}
          empty={t("items.empty")}
          columns={[
            { header: t("building"), cell: (r) => r.building || t("noBuilding") },
            { header: t("rate.tenants"), cell: (r) => r.tenants },
            { header: t("rate.responded"), cell: (r) => r.responded },
            { header: t("rate.percent"), cell: (r) => (r.percent === null ? "—" : `${r.percent}%`) },
          ]}
        />
      </section>

      {open && can("survey:manage") ? (
        <div className="mb-4">
          <ActionButton action={closeSurveyRoundAction} input={{ roundId: round.id }} label={t("closeRound")} />
        </div>
      ) : null}

      <section aria-labelledby="tenants" className="mb-4">
        <h2 id="tenants" className="mb-2 font-medium">
          {t("tenant")}
        </h2>
        <DataTable
          caption={t("tenant")}
          rows={round.tenants}
          rowKey={(r) => r.id}
          empty={t("items.empty")}
          columns={[
            { header: t("tenant"), cell: (r) => <span data-testid={`tenant-${r.name}`}>{r.name}</span> },
            { header: t("building"), cell: (r) => r.building || t("noBuilding"), wide: true },
            {
              header: t("state"),
              cell: (r) => (r.answered ? `${t("answered")} · ${t(`channels.${r.channel}`)} · ${r.submittedAt}` : t("notAnswered")),
            },
            {
              header: "",
              cell: (r) =>
                open && !r.answered && can("survey:respond") ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 text-sm text-sky-700">{t("responseLink.create")}</summary>
                    <div className="flex flex-col gap-2 py-2">
                      <Link className="text-sm text-sky-700 underline" href={`/surveys/${round.id}/respond/${r.id}`}>
                        {t("enterPaper")}
                      </Link>
                      <SigningLinkPanel
                        input={{ roundId: round.id, tenantId: r.id }}
                        labels={linkLabels}
                        timeZone={round.site.timeZone}
                        action={createSurveyResponseLinkAction}
                      />
                    </div>
                  </details>
                ) : null,
            },
          ]}
        />
      </section>

      {can("survey:opinion") && toSummarise.length > 0 ? (
        <section aria-labelledby="opinions" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="opinions" className="mb-2 font-medium">
            {t("opinions.title")}
          </h2>
          <ul className="flex flex-col gap-4">
            {toSummarise.map((o) => (
              <li key={o.responseId} className="border-l-4 border-sky-200 pl-3" data-testid="opinion">
                <p className="text-sm font-medium">{o.tenantName}</p>
                <p className="mb-2 text-sm whitespace-pre-wrap text-slate-700">「{o.opinion}」</p>
                <SummariseForm
                  responseId={o.responseId}
                  opinion={o.opinion}
                  departments={round.departments}
                  action={summariseSurveyOpinionAction}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="items">
        <h2 id="items" className="mb-2 font-medium">
          {t("items.title")}
        </h2>
        <DataTable
          caption={t("items.caption")}
          rows={round.items}
          rowKey={(r) => r.id}
          empty={t("items.empty")}
          columns={[
            {
              header: t("items.summary"),
              cell: (r) => (
                <Link className="text-sky-700 underline" href={`/surveys/items/${r.id}`}>
                  {r.summary.length > 40 ? `${r.summary.slice(0, 40)}…` : r.summary}
                </Link>
              ),
            },
            { header: t("tenant"), cell: (r) => r.tenantName, wide: true },
            { header: t("items.department"), cell: (r) => r.departmentName },
            { header: t("state"), cell: (r) => t(`itemStates.${r.state}`) },
            {
              header: t("items.deadline"),
              cell: (r) =>
                r.deadline ? (
                  <span className="flex flex-col gap-0.5">
                    <span className="text-xs whitespace-nowrap text-slate-500">
                      {t(`deadlineKinds.${r.deadline.kind}`)} {r.deadline.dueLocal}
                    </span>
                    <DeadlineBadge state={r.deadline.state} />
                  </span>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </section>
    </>
  );
}

export default withClientMessages(["complaints", "surveys", "files", "common", "validation"], RoundPage);
