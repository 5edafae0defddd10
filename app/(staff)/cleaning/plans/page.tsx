import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CleaningNav, StateBadge } from "@/components/cleaning-supervision/cleaning-nav";
import { InstructionForm, MonthlyReportForm, PlanForm } from "@/components/cleaning-supervision/plan-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { cleaningPlansView } from "@/lib/cleaning-supervision/plans.queries";
import { param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Period = NonNullable<Awaited<ReturnType<typeof cleaningPlansView>>>["weeks"][number];

/** §10.11–13: the weekly meeting's plans, the month-end plan, the written monthly summary and the manager's instruction. */
async function CleaningPlansPage({ searchParams }: Props) {
  const actor = await requirePagePermission("cleaning:read");
  const sp = await searchParams;
  const [t, view] = await Promise.all([getTranslations("cleaningSupervision"), cleaningPlansView(param(sp.site))]);
  if (!view) notFound();
  const canRecord = roleHas(actor.role, "cleaning:record") && actor.duty === "CLEANING";
  const canReview = roleHas(actor.role, "cleaning:review");

  const planBlock = (p: Period, kind: "WEEKLY" | "MONTHLY") => (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("plans.contractorPlan")}</span>
        {p.state ? <StateBadge state={p.state} /> : <span className="text-slate-500">{t("plans.noDue")}</span>}
        {p.dueAt ? <span className="text-xs text-slate-500">{t("plans.dueAt", { time: p.dueAt })}</span> : null}
      </div>
      {p.meeting ? (
        <Link href={`/meetings/${p.meeting.id}`} className="text-sky-700 underline">
          {t("plans.meeting", { date: p.meeting.date })}
        </Link>
      ) : (
        <span className="text-xs text-slate-500">{view.series ? t("plans.noMeeting") : t("plans.noSeries")}</span>
      )}
      {p.plan ? (
        <div className="rounded bg-slate-50 p-2">
          <p className="text-xs text-slate-500">
            {t("plans.submittedAt", { time: p.plan.submittedAt ?? "" })}
            {p.plan.photoFileIds.length ? ` · ${t("plans.photos")} ${p.plan.photoFileIds.length}` : ""}
          </p>
          {p.plan.content ? <p className="whitespace-pre-wrap">{p.plan.content}</p> : null}
        </div>
      ) : canRecord && p.state ? (
        <PlanForm siteId={view.site.id} kind={kind} period={p.period} />
      ) : null}
    </div>
  );

  return (
    <>
      <PageHeader title={t("plans.heading")} subtitle={view.site.name} />
      <CleaningNav current="plans" sites={view.sites} siteId={view.site.id} />
      <section aria-labelledby="weekly-h" className="mb-6">
        <h2 id="weekly-h" className="mb-2 font-semibold">
          {t("plans.weekly")}
        </h2>
        <ul className="flex flex-col gap-2">
          {view.weeks.map((w) => (
            <li key={w.period} data-testid={`week-${w.period}`} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="mb-1 font-medium">{t("plans.week", { date: w.period })}</p>
              {planBlock(w, "WEEKLY")}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="monthly-h">
        <h2 id="monthly-h" className="mb-2 font-semibold">
          {t("plans.monthly")}
        </h2>
        <ul className="flex flex-col gap-2">
          {view.months.map((m) => (
            <li
              key={m.period}
              data-testid={`month-${m.period}`}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3"
            >
              <p className="font-medium">{t("plans.month", { month: m.period.slice(0, 7) })}</p>
              {planBlock(m, "MONTHLY")}
              <div className="text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t("plans.monthlyReport")}</span>
                  {m.reportState ? <StateBadge state={m.reportState} /> : null}
                </div>
                {m.report ? (
                  <div className="mt-1 flex flex-col gap-1 rounded bg-slate-50 p-2">
                    <p className="text-xs text-slate-500">{t("plans.submittedAt", { time: m.report.submittedAt ?? "" })}</p>
                    <p className="font-medium">{t("plans.summary")}</p>
                    <p className="whitespace-pre-wrap">{m.report.summary}</p>
                    <p className="font-medium">{t("plans.nextMonthPlan")}</p>
                    <p className="whitespace-pre-wrap">{m.report.nextMonthPlan}</p>
                    <p className="font-medium">{t("plans.instruction")}</p>
                    {m.report.instruction ? (
                      <p className="whitespace-pre-wrap" data-testid="instruction">
                        {m.report.instruction}（{m.report.instructedAt}）
                      </p>
                    ) : canReview ? (
                      <InstructionForm reportId={m.report.id} />
                    ) : (
                      <p className="text-slate-500">{t("plans.noInstruction")}</p>
                    )}
                  </div>
                ) : canRecord && m.reportState ? (
                  <MonthlyReportForm siteId={view.site.id} month={m.period} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default withClientMessages(["cleaningSupervision", "files", "common"], CleaningPlansPage);
