import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MonthlyReportSheet } from "@/components/contractors/monthly-report-sheet";
import { PageHeader } from "@/components/ui/page-header";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { contractorMonthlyReport } from "@/lib/contractors/report.queries";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const selectClass = "mt-1 min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const buttonClass =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

/**
 * The monthly contractor report (cleaning and catering) of one site and month, for managers: the
 * /contractors route guard asks contractor:read only, so the page checks contractor:assessment itself
 * and the query again. Printed on A4 from /contractors/report/print, exported from ./export.
 */
export default async function ContractorReportPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("contractor:assessment");
  const sp = await searchParams;
  const [t, report] = await Promise.all([
    getTranslations("contractorReports.report"),
    contractorMonthlyReport({ site: param(sp.site), month: param(sp.month) }).catch((err) => {
      if (err instanceof AccessError && err.code === "not_found") notFound();
      throw err;
    }),
  ]);
  const query = `site=${report.site.id}&month=${report.month}`;
  const months = report.months.includes(report.month) ? report.months : [report.month, ...report.months];
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/contractors/report/print?${query}`} className={buttonClass}>
              {t("print")}
            </Link>
            {/* A plain link: a file download, not a page to prefetch. */}
            <a href={`/contractors/report/export?${query}`} download className={buttonClass}>
              {t("export")}
            </a>
          </div>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {report.sites.length > 1 ? (
          <label className="flex flex-col text-xs text-slate-600">
            {t("site")}
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
          {t("month")}
          <select name="month" defaultValue={report.month} className={selectClass}>
            {months.map((m) => (
              <option key={m} value={m}>
                {t("monthLabel", { year: m.slice(0, 4), month: Number(m.slice(5, 7)) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 text-black">
        <MonthlyReportSheet report={report} />
      </div>
    </>
  );
}
