import { getTranslations } from "next-intl/server";
import type { DailyReport } from "@/lib/cleaning-supervision/day.queries";

/** The daily report (§10.7) as it was sent: rendered from its stored snapshot in the reader's language. */
export async function ReportView({ report }: { report: DailyReport }) {
  const t = await getTranslations("cleaningSupervision");
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="daily-report">
      <p className={report.missed > 0 ? "font-medium text-red-700" : "text-emerald-800"}>
        {report.missed > 0 ? t("report.missed", { count: report.missed }) : t("report.noneMissed")}
      </p>
      <ul className="flex flex-col gap-1">
        {report.items.map((i) => (
          <li key={i.key}>
            {t(`items.${i.key}`)}：{t(`states.${i.state}`)}
            {i.at ? `（${i.at}）` : ""}
            {i.key in report.notes ? ` ${report.notes[i.key as keyof typeof report.notes]}` : ""}
          </li>
        ))}
      </ul>
      {report.patrols.map((p) => (
        <p key={p.slot}>{t("report.patrol", { slot: p.slot, done: p.done, due: p.due })}</p>
      ))}
      {report.lunch?.restaffingNote ? <p>{t("report.lunchRestaffing", { note: report.lunch.restaffingNote })}</p> : null}
      {report.opinions.length > 0 ? (
        <div>
          <p className="font-medium">{t("report.opinions")}</p>
          <ul className="list-disc pl-5">
            {report.opinions.map((o, index) => (
              <li key={index}>
                {o.content}
                {o.complaintNumber ? `（${t("opinion.complaint", { number: o.complaintNumber })}）` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.workOrders.length > 0 ? (
        <div>
          <p className="font-medium">{t("report.workOrders")}</p>
          <ul className="list-disc pl-5">
            {report.workOrders.map((w) => (
              <li key={w.number}>
                {w.number} {w.description}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.remarks ? <p>{report.remarks}</p> : null}
    </div>
  );
}
