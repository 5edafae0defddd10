import { FilterSelectView } from "@/components/ui/filter-select-view";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveExportForm } from "@/components/meetings/archive-export-form";
import { AttendanceTable } from "@/components/meetings/attendance-table";
import { WeekStrip } from "@/components/meetings/week-strip";
import { PageHeader } from "@/components/ui/page-header";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { addDays } from "@/lib/calendar";
import { meetingCompliance } from "@/lib/meetings/report.queries";
import { STRIP_WEEKS, quarterFromKey } from "@/lib/meetings/report.rules";
import { roleHas } from "@/lib/permissions";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const selectClass = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** Missing weeks per series (R-MTG-1), quarterly attendance (R-MTG-3), the archive export (R-MTG-4). */
export default async function MeetingCompliancePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("meeting:compliance");
  const sp = await searchParams;
  const [t, report] = await Promise.all([
    getTranslations("meetingReports"),
    meetingCompliance({ site: param(sp.site), quarter: param(sp.quarter) }).catch((err) => {
      if (err instanceof AccessError && err.code === "not_found") notFound();
      throw err;
    }),
  ]);
  const quarterLabel = (key: string) => {
    const q = quarterFromKey(key)!;
    return t("attendance.quarter", { year: q.year, quarter: q.quarter });
  };
  const canExport = roleHas(actor.role, "meeting:export");
  const attendanceHref = `/meetings/compliance/export/attendance?site=${report.site.id}&quarter=${report.quarter.key}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {report.sites.length > 1 ? (
          <FilterSelectView
            name="site"
            label={t("filters.site")}
            value={report.site.id}
            options={report.sites.map((s) => [s.id, s.name])}
          />
        ) : null}
        <label className="flex flex-col text-xs text-slate-600">
          {t("filters.quarter")}
          <select name="quarter" defaultValue={report.quarter.key} className={selectClass}>
            {report.quarters.map((key) => (
              <option key={key} value={key}>
                {quarterLabel(key)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
          {t("filters.apply")}
        </button>
      </form>

      <section aria-labelledby="strip-title" className="mb-6">
        <h2 id="strip-title" className="text-base font-semibold text-slate-900">
          {report.site.name} · {t("strip.title", { weeks: STRIP_WEEKS })}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{t("strip.caption")}</p>
        {report.strips.length === 0 ? <p className="text-sm text-slate-500">{t("strip.empty")}</p> : null}
        <div className="flex flex-col gap-3">
          {report.strips.map((s) => (
            <WeekStrip
              key={s.id}
              seriesName={s.name}
              cells={s.cells}
              missing={s.missing}
              unconfirmed={s.unconfirmed}
              inactive={!s.active}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="attendance-title" className="mb-6">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="attendance-title" className="text-base font-semibold text-slate-900">
              {t("attendance.title", { quarter: quarterLabel(report.quarter.key) })}
            </h2>
            <p className="text-xs text-slate-500">{t("attendance.caption")}</p>
          </div>
          {canExport ? (
            // A plain link: a file download, not a page to prefetch.
            <a
              href={attendanceHref}
              download
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("export.attendance")}
            </a>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          {report.attendance.map((s) => (
            <AttendanceTable key={s.id} seriesName={s.name} meetings={s.meetings} people={s.people} />
          ))}
        </div>
      </section>

      {canExport ? (
        <section aria-labelledby="export-title" className="rounded-lg border border-slate-200 bg-white p-3">
          <h2 id="export-title" className="mb-2 text-base font-semibold text-slate-900">
            {t("export.title")}
          </h2>
          <ArchiveExportForm
            siteId={report.site.id}
            series={report.strips.map((s) => ({ id: s.id, name: s.name }))}
            from={addDays(report.today, -7 * STRIP_WEEKS)}
            to={report.today}
          />
        </section>
      ) : null}
    </>
  );
}
