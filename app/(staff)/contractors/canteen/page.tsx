import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CanteenBySite } from "@/components/contractors/canteen-by-site";
import { MonthForm } from "@/components/contractors/month-form";
import { WeeklyDocForm } from "@/components/contractors/weekly-doc-form";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { canteenOverview } from "@/lib/contractors/canteen.queries";
import { canteenSiteSummary, weekStartOf } from "@/lib/contractors/rules";
import { showsEachSite } from "@/lib/many-sites";
import { monthParam, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATE_CLASS: Record<string, string> = {
  onTime: "text-emerald-700",
  late: "font-medium text-amber-700",
  missing: "font-medium text-red-700",
  pending: "text-slate-500",
  notDue: "text-slate-400",
};

/** §11 / R-CAT-1: today's check, the month's checks, weekly menus and summaries, certificates, the canteen meetings. */
async function CanteenPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("contractor:read");
  const sp = await searchParams;
  const [t, tc, overview] = await Promise.all([
    getTranslations("contractors.canteen"),
    getTranslations("contractors.certificates"),
    canteenOverview({ site: param(sp.site, 50), month: monthParam(sp.month) }),
  ]);
  const mayCheck = roleHas(actor.role, "canteen:check");
  const mayRecordDocs = roleHas(actor.role, "canteen:docs");
  const eachSite = showsEachSite(overview.sites.length);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <MonthForm label={t("month")} value={overview.month} site={overview.site} />
      {/* Many sites and none chosen (lib/many-sites.ts): one line per site; a site's sections once it is chosen. */}
      {eachSite ? null : (
        <CanteenBySite
          month={overview.month}
          sites={overview.sites.map((s) => ({ id: s.site.id, name: s.site.name, ...canteenSiteSummary(s) }))}
        />
      )}
      {(eachSite ? overview.sites : []).map((s) => (
        <section
          key={s.site.id}
          aria-labelledby={`site-${s.site.id}`}
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id={`site-${s.site.id}`} className="text-lg font-semibold">
            {s.site.name}
          </h2>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {s.todayCheckId ? (
              <Link href={`/contractors/canteen/checks/${s.todayCheckId}`} className="text-emerald-700 underline">
                {t("doneToday")}
              </Link>
            ) : (
              <span className="font-medium text-amber-700">{t("notDoneToday")}</span>
            )}
            {!s.todayCheckId && mayCheck ? (
              <ButtonLink href={`/contractors/canteen/check?site=${s.site.id}`}>{t("doToday")}</ButtonLink>
            ) : null}
            {s.meetingSeries ? (
              <Link href={`/meetings?series=${s.meetingSeries.id}`} className="text-sky-700 underline">
                {t("meetings")}
              </Link>
            ) : (
              <span className="text-slate-500">{t("noMeetingSeries")}</span>
            )}
          </div>
          {s.flaggedCertificates.length + s.soonCertificates.length > 0 ? (
            <div className="text-sm" data-testid={`certificates-${s.site.id}`}>
              <p className="font-medium">{tc("summary", { flagged: s.flaggedCertificates.length, soon: s.soonCertificates.length })}</p>
              <ul className="list-disc pl-5">
                {[...s.flaggedCertificates, ...s.soonCertificates].map((c) => (
                  <li key={c.staffId} className={c.state === "expiringSoon" ? "text-amber-700" : "text-red-700"}>
                    {c.name} · {tc(`states.${c.state}`)}
                    {c.expiresOn ? ` · ${tc("until", { date: c.expiresOn })}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <div>
            <h3 className="mb-1 font-medium">{t("checks")}</h3>
            {s.checks.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noChecks")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-100 text-sm">
                {s.checks.map((c) => (
                  <li key={c.id} className="flex flex-wrap gap-x-3 py-1.5">
                    <Link href={`/contractors/canteen/checks/${c.id}`} className="text-sky-700 underline">
                      {c.checkedOn}
                    </Link>
                    <span>{c.checkedBy}</span>
                    <span className={c.failures ? "text-red-700" : "text-emerald-700"}>
                      {c.failures ? t("failureCount", { count: c.failures }) : t("noFailures")}
                    </span>
                    {c.shortfalls.map((f) => (
                      <span key={f.field} className="text-red-700">
                        {t("countShort", { label: t(`countLabels.${f.field}`), count: f.count, min: f.minimum })}
                      </span>
                    ))}
                    {c.expiredCertificates.length ? (
                      <span className="text-red-700">{t("expiredFlag", { names: c.expiredCertificates.join("、") })}</span>
                    ) : null}
                    {c.resolution === "ESCALATED" ? <span className="font-medium text-red-800">{t("escalated")}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </div>

          <div>
            <h3 className="mb-1 font-medium">{t("weekly")}</h3>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="text-slate-500">
                  <th className="py-1 font-normal">{t("week")}</th>
                  <th className="py-1 font-normal">{t("menu")}</th>
                  <th className="py-1 font-normal">{t("summary")}</th>
                </tr>
              </thead>
              <tbody>
                {[...new Set(s.weekly.map((w) => w.weekStart))].map((week) => (
                  <tr key={week} className="border-t border-slate-100 align-top">
                    <td className="py-1">{week}</td>
                    {(["WEEKLY_MENU", "WEEKLY_SUMMARY"] as const).map((kind) => {
                      const row = s.weekly.find((w) => w.weekStart === week && w.kind === kind)!;
                      return (
                        <td key={kind} className="py-1" data-testid={`doc-${kind}-${week}`}>
                          {row.id ? (
                            // A received paper opens to be read (text and photos).
                            <Link href={`/contractors/canteen/docs/${row.id}`} className={`${STATE_CLASS[row.state]} underline`}>
                              {t(`docStates.${row.state}`)}
                            </Link>
                          ) : (
                            <span className={STATE_CLASS[row.state]}>{t(`docStates.${row.state}`)}</span>
                          )}
                          <span className="block text-xs text-slate-500">
                            {row.receivedAt ? t("receivedAt", { at: row.receivedAt }) : row.dueAt ? t("due", { at: row.dueAt }) : ""}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {mayRecordDocs ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-sky-700">{t("recordDoc")}</summary>
              <div className="mt-2">
                <WeeklyDocForm siteId={s.site.id} weekStart={weekStartOf(s.today)} />
              </div>
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}

export default withClientMessages(["contractors", "files", "common", "validation"], CanteenPage);
