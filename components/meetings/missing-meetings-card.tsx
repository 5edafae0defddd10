import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { WorstSites } from "@/components/complaints/worst-sites";
import { worstSites } from "@/lib/complaints/dashboard.rules";
import { missingMeetingsSummary } from "@/lib/meetings/report.queries";

/**
 * On the manager dashboard: series that skipped a week lately (R-MTG-1). In the company view (`company`:
 * many sites, none chosen) the count of such series and the sites with the most missing weeks instead
 * of every series (three per site).
 */
export async function MissingMeetingsCard({ site, company = false }: { site?: string; company?: boolean }) {
  const [t, summary] = await Promise.all([getTranslations("meetingReports.card"), missingMeetingsSummary(new Date(), { site })]);
  const missing = summary.series.filter((s) => s.missingWeeks.length > 0);
  return (
    <section
      aria-labelledby="missing-meetings-title"
      className={`mb-6 rounded-lg border p-3 ${missing.length > 0 ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-white"}`}
      data-testid="missing-meetings-card"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="missing-meetings-title" className="text-base font-semibold text-slate-900">
          {t("title")} <span className="text-xs font-normal text-slate-500">{t("caption", { weeks: summary.weeks })}</span>
        </h2>
        <Link href="/meetings/compliance" className="text-sm text-sky-700 underline">
          {t("link")}
        </Link>
      </div>
      {missing.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none", { weeks: summary.weeks })}</p>
      ) : company ? (
        <CompanySummary
          missing={missing}
          line={(series, sites) => t("company", { series, sites })}
          weeks={(count) => t("missing", { count })}
        />
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {missing.map((s) => (
            <li key={s.id} className="flex flex-wrap gap-x-2">
              <Link href={`/meetings/compliance?site=${s.site.id}`} className="font-medium text-slate-900 hover:underline">
                {summary.manySites ? `${s.site.name} · ${s.name}` : s.name}
              </Link>
              <span className="text-red-700">{t("missing", { count: s.missingWeeks.length })}</span>
              <span className="text-slate-600">{s.missingWeeks.map((w) => `${w.monday.slice(5)}–${w.sunday.slice(5)}`).join("、")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type MissingSeries = Awaited<ReturnType<typeof missingMeetingsSummary>>["series"][number];

/** The company view: how many series missed a week at how many sites, and the sites missing the most weeks. */
function CompanySummary(props: {
  missing: MissingSeries[];
  line: (series: number, sites: number) => string;
  weeks: (count: number) => string;
}) {
  const bySite = new Map<string, { id: string; name: string; weeks: number }>();
  for (const s of props.missing) {
    const site = bySite.get(s.site.id) ?? { ...s.site, weeks: 0 };
    site.weeks += s.missingWeeks.length;
    bySite.set(s.site.id, site);
  }
  const worst = worstSites([...bySite.values()], (s) => s.weeks).map((s) => ({ id: s.id, name: s.name, value: props.weeks(s.weeks) }));
  return (
    <>
      <p className="text-sm text-red-700">{props.line(props.missing.length, bySite.size)}</p>
      <WorstSites sites={worst} anchor="missing-meetings-title" />
    </>
  );
}
