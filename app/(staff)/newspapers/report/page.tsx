import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TenantTable } from "@/components/newspapers/report-tenant-table";
import { TitleTable } from "@/components/newspapers/report-title-table";
import { PageHeader } from "@/components/ui/page-header";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { newspaperMonthlyReport } from "@/lib/newspapers/report.queries";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const selectClass = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * The newspapers' monthly report per title and per tenant (R-NEWS-1..3). The /newspapers
 * route guard only asks newspaper:read (supervisors may read the log), so the report checks its own
 * permission here and again in the query.
 */
export default async function NewspaperReportPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("newspaper:report");
  const sp = await searchParams;
  const [t, report] = await Promise.all([
    getTranslations("newspaperReports"),
    newspaperMonthlyReport({ site: param(sp.site), month: param(sp.month) }).catch((err) => {
      if (err instanceof AccessError && err.code === "not_found") notFound();
      throw err;
    }),
  ]);
  const monthLabel = (month: string) => t("monthLabel", { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });
  const months = report.months.includes(report.month) ? report.months : [report.month, ...report.months];
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          // A plain link: a file download, not a page to prefetch.
          <a
            href={`/newspapers/report/export?site=${report.site.id}&month=${report.month}`}
            download
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            {t("export")}
          </a>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {report.sites.length > 1 ? (
          <label className="flex flex-col text-xs text-slate-600">
            {t("filters.site")}
            <select name="site" defaultValue={report.site.id} className={selectClass}>
              {report.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col text-xs text-slate-600">
          {t("filters.month")}
          <select name="month" defaultValue={report.month} className={selectClass}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
          {t("filters.apply")}
        </button>
      </form>
      <p className="mb-4 text-xs text-slate-500">
        {report.site.name} · {t("summary", { from: report.from, to: report.to, days: report.days, open: report.openDays })}
      </p>

      <section aria-labelledby="by-title" className="mb-6">
        <h2 id="by-title" className="text-base font-semibold text-slate-900">
          {t("byTitle.title")}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{t("byTitle.caption")}</p>
        <TitleTable rows={report.titles} />
      </section>

      <section aria-labelledby="by-tenant">
        <h2 id="by-tenant" className="text-base font-semibold text-slate-900">
          {t("byTenant.title")}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{t("byTenant.caption")}</p>
        <TenantTable rows={report.tenants} />
      </section>
    </>
  );
}
