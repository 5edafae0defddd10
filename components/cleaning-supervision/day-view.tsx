import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { cleaningDayView, dayFormOptions } from "@/lib/cleaning-supervision/day.queries";
import { DAY_STEPS, type DayStep } from "@/lib/cleaning-supervision/rules";
import { StateBadge } from "./cleaning-nav";
import { DamageForm } from "./damage-form";
import { OpinionForm } from "./opinion-form";
import { ReportView } from "./report-view";
import { ReadReportButton, SendReportForm } from "./report-actions";
import { StepForm } from "./step-form";

type View = NonNullable<Awaited<ReturnType<typeof cleaningDayView>>>;
type Options = Awaited<ReturnType<typeof dayFormOptions>> & {
  severities: { value: string; label: string }[];
  categories: { value: string; label: string }[];
};

const isStep = (key: string): key is DayStep => (DAY_STEPS as readonly string[]).includes(key);

/**
 * The supervisor's day on a phone (R-CLN-1): each item with its time and state, the form of each open
 * step (today only, for the cleaning supervisor), the patrols as the day's inspection rounds, opinions,
 * damage sent to engineering, and the daily report (§10.7) — which the manager reads here.
 */
export async function DayView({
  view,
  canRecord,
  canReview,
  options,
}: {
  view: View;
  canRecord: boolean;
  canReview: boolean;
  options: Options | null;
}) {
  const t = await getTranslations("cleaningSupervision");
  const sent = !!view.day?.reportSentAt;
  const recording = canRecord && view.isToday && view.working && !sent;
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col gap-2" aria-label={t("day.heading", { date: view.date })}>
        {(view.items ?? []).map((item) => (
          <li key={item.key} data-testid={`item-${item.key}`} className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium text-slate-900">{t(`items.${item.key}`)}</p>
              <StateBadge state={item.state} />
            </div>
            <p className="text-xs text-slate-500">
              {t("day.due", { time: item.due })}
              {item.at ? ` · ${t("day.at", { time: item.at })}` : ""}
            </p>
            {item.patrol ? (
              <p className="mt-1 text-sm">
                {t("day.patrolAreas", { done: item.patrol.done, due: item.patrol.due })}
                {view.isToday && canRecord ? (
                  <>
                    {" · "}
                    <Link href="/inspections" className="text-sky-700 underline">
                      {t("day.openRounds")}
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
            {item.ok === false && item.restaffingNote ? (
              <p className="mt-1 text-sm text-amber-800">{t("report.lunchRestaffing", { note: item.restaffingNote })}</p>
            ) : null}
            {item.note ? <p className="mt-1 text-sm text-slate-700">{item.note}</p> : null}
            {recording && isStep(item.key) && !item.at ? <StepForm siteId={view.site.id} step={item.key} /> : null}
          </li>
        ))}
      </ol>

      <section aria-labelledby="opinions-h" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="opinions-h" className="mb-2 font-semibold">
          {t("opinion.heading")}
        </h2>
        {view.opinions.length === 0 ? <p className="text-sm text-slate-500">{t("opinion.none")}</p> : null}
        <ul className="mb-2 flex flex-col gap-1 text-sm">
          {view.opinions.map((o) => (
            <li key={o.id}>
              {o.at} {o.content}
              {o.complaintId ? (
                <>
                  {" · "}
                  <Link href={`/complaints/${o.complaintId}`} className="text-sky-700 underline">
                    {t("opinion.complaint", { number: o.complaintNumber ?? "" })}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {recording && options ? (
          <OpinionForm
            siteId={view.site.id}
            tenants={options.tenants.map((x) => ({ value: x.id, label: x.name }))}
            departments={options.departments.map((x) => ({ value: x.id, label: x.name }))}
            severities={options.severities}
            categories={options.categories}
          />
        ) : null}
      </section>

      <section aria-labelledby="damage-h" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="damage-h" className="mb-2 font-semibold">
          {t("damage.heading")}
        </h2>
        {view.damages.length === 0 ? <p className="text-sm text-slate-500">{t("damage.none")}</p> : null}
        <ul className="mb-2 flex flex-col gap-1 text-sm">
          {view.damages.map((w) => (
            <li key={w.id}>
              <Link href={`/work-orders/${w.id}`} className="text-sky-700 underline">
                {w.number}
              </Link>{" "}
              {w.description}
            </li>
          ))}
        </ul>
        {recording && options ? <DamageForm siteId={view.site.id} areas={options.areas} /> : null}
      </section>

      <section aria-labelledby="report-h" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="report-h" className="mb-2 font-semibold">
          {t("report.heading")}
        </h2>
        {view.day?.report ? (
          <>
            <p className="mb-2 text-xs text-slate-500">
              {t("report.sentAt", { time: view.day.reportSentAt ?? "", name: view.day.reportSentBy ?? "" })}
            </p>
            <ReportView report={view.day.report} />
            <p className="mt-2 text-sm" data-testid="report-read">
              {view.day.reportReadAt
                ? t("report.readAt", { time: view.day.reportReadAt, name: view.day.reportReadBy ?? "" })
                : t("report.unread")}
            </p>
            {canReview && !view.day.reportReadAt ? <ReadReportButton dayId={view.day.id} /> : null}
          </>
        ) : recording ? (
          <SendReportForm siteId={view.site.id} />
        ) : (
          <p className="text-sm text-slate-500">{t("report.notSent")}</p>
        )}
      </section>
    </div>
  );
}
