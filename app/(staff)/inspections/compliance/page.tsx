import { FilterSelectView } from "@/components/ui/filter-select-view";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DayGrid } from "@/components/inspections/day-grid";
import { TallyTable } from "@/components/inspections/tally-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { complianceReport } from "@/lib/inspections/compliance.queries";
import { PERIODS } from "@/lib/inspections/compliance.rules";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const selectClass = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** R-INS-4: the manager's review of the rounds — rates per supervisor, area and day, and the day grid. */
export default async function CompliancePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("inspection:compliance");
  const sp = await searchParams;
  const [t, report] = await Promise.all([
    getTranslations(),
    complianceReport({ site: param(sp.site), date: param(sp.date), period: param(sp.period) }),
  ]);
  const printHref = (supervisor: string) =>
    `/inspections/compliance/print?site=${report.site.id}&date=${report.date}&supervisor=${supervisor}`;
  return (
    <>
      <PageHeader title={t("compliance.title")} subtitle={t("compliance.subtitle")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {report.sites.length > 1 ? (
          <FilterSelectView
            name="site"
            label={t("compliance.filters.site")}
            value={report.site.id}
            options={report.sites.map((s) => [s.id, s.name])}
          />
        ) : null}
        <label className="flex flex-col text-xs text-slate-600">
          {t("compliance.filters.date")}
          <input type="date" name="date" defaultValue={report.date} className={selectClass} />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          {t("compliance.filters.period")}
          <select name="period" defaultValue={report.period} className={selectClass}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`compliance.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
          {t("compliance.filters.apply")}
        </button>
      </form>
      <p className="mb-4 text-xs text-slate-500">
        {t("compliance.range", { from: report.from, to: report.to })} · {t("compliance.hint")}
      </p>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <TallyTable
          title={t("compliance.bySupervisor")}
          labelHeader={t("compliance.supervisor")}
          rows={report.bySupervisor}
          rowKey={(r) => r.id}
          total={report.totals}
          label={(r) => (
            <span className="flex flex-col">
              <span>{r.name}</span>
              <span className="text-xs text-slate-500">{r.duty ? t(`compliance.duties.${r.duty}`) : ""}</span>
              <Link href={printHref(r.id)} className="text-xs text-sky-700 underline">
                {t("compliance.print")}
              </Link>
            </span>
          )}
        />
        {report.period !== "day" ? (
          <TallyTable
            title={t("compliance.byDay")}
            labelHeader={t("compliance.day")}
            rows={report.byDay}
            rowKey={(r) => r.day}
            label={(r) => (
              <Link href={`/inspections/compliance?site=${report.site.id}&date=${r.day}&period=day`} className="text-sky-700 underline">
                {r.day}
                {r.working ? "" : `（${t("compliance.nonWorking")}）`}
              </Link>
            )}
          />
        ) : null}
      </div>

      <section aria-labelledby="grid-title" className="mb-6">
        <h2 id="grid-title" className="mb-2 text-base font-semibold text-slate-900">
          {t("compliance.grid.title")} · {report.date}
        </h2>
        <DayGrid date={report.date} groups={report.grid} />
      </section>

      <TallyTable
        title={t("compliance.byArea")}
        labelHeader={t("compliance.area")}
        rows={report.byArea}
        rowKey={(r) => r.id}
        label={(r) => (
          <span className="flex flex-col">
            <span>{r.name}</span>
            <span className="text-xs text-slate-500">
              {r.building} · {r.floor} · {t(`areaType.${r.type}`)}
            </span>
          </span>
        )}
      />
    </>
  );
}
