import "server-only";
import { translator } from "@/lib/i18n/server";
import { CHAT_LOCALES } from "./schema";
import { notifyChannels } from "./send";

/**
 * The cleaning supervisor has sent the day's report to the manager (§10.7, R-CLN-1): one chat message
 * to the site's channels that receive the daily report, with the same words as the in-app notice and a
 * link to the report. Call after the transaction that sent it; it never throws (notifyChannels).
 */
export async function notifyDailyReportSent(report: {
  site: { id: string; name: string };
  dayId: string;
  date: string;
  missed: number;
  by: string;
}): Promise<void> {
  await notifyChannels(report.site.id, [
    {
      topic: "dailyReport",
      dedupeKey: `cleaning.report|${report.dayId}`,
      link: `/cleaning/days/${report.date}?site=${report.site.id}`,
      texts: Object.fromEntries(
        CHAT_LOCALES.map((locale) => {
          const t = translator(locale);
          return [
            locale,
            {
              title: t("cleaningSupervision.notify.report.title", { date: report.date, site: report.site.name }),
              text:
                report.missed > 0
                  ? t("cleaningSupervision.notify.report.bodyMissed", { name: report.by, missed: report.missed })
                  : t("cleaningSupervision.notify.report.body", { name: report.by }),
            },
          ];
        }),
      ),
    },
  ]);
}
