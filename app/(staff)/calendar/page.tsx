import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeleteOverrideButton } from "@/components/calendar/delete-override-button";
import { MonthGrid } from "@/components/calendar/month-grid";
import { OfficialYearForm } from "@/components/calendar/official-year-form";
import { OverrideForm } from "@/components/calendar/override-form";
import { FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { addDays } from "@/lib/calendar";
import {
  deleteCalendarOverrideAction,
  previewOfficialYearAction,
  saveOfficialYearAction,
  setCalendarOverrideAction,
} from "@/lib/calendar-admin/actions";
import { calendarMonth, yearTables } from "@/lib/calendar-admin/queries";
import { param } from "@/lib/pagination";
import { actorHas, roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const lines = (days: ReadonlyArray<{ date: string; name?: string }>) =>
  days.map((d) => `${d.date}${d.name ? ` ${d.name}` : ""}`).join("\n");

async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("calendar:read");
  const sp = await searchParams;
  const [t, sites] = await Promise.all([getTranslations(), sitesOf(actor)]);
  const site = sites.find((s) => s.id === param(sp.site)) ?? sites[0];
  if (!site) return <p>{t("common.empty")}</p>;
  const month = await calendarMonth(site.id, param(sp.month, 7));
  if (!month) return <p>{t("common.empty")}</p>;
  const years = await yearTables(month.today);
  const canManage = roleHas(actor.role, "calendar:manage");
  const prev = addDays(`${month.month}-01`, -1).slice(0, 7);
  const next = addDays(`${month.month}-28`, 7).slice(0, 7);
  const monthLink = (m: string) => `?site=${site.id}&month=${m}`;

  return (
    <>
      <PageHeader title={t("nav.calendar")} subtitle={t("calendar.subtitle", { zone: site.timeZone })} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <FilterSelect name="site" label={t("fields.site")} value={site.id} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
        <input type="hidden" name="month" value={month.month} />
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm">
          {t("common.search")}
        </button>
      </form>

      <section aria-labelledby="years" className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <h2 id="years" className="sr-only">
          {t("calendar.years")}
        </h2>
        {years.map((y) => (
          <div key={y.year} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`year-${y.year}`}>
            <p className="font-medium">
              {y.year} · {t(`calendar.status.${y.status}`)}
            </p>
            <p className="text-xs text-slate-500">{t(`calendar.statusHint.${y.status}`)}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="month" className="mb-6">
        <div className="mb-2 flex items-center justify-between">
          <Link href={monthLink(prev)} className="text-sm text-sky-700 underline">
            ← {prev}
          </Link>
          <h2 id="month" className="text-lg font-medium">
            {month.month}
          </h2>
          <Link href={monthLink(next)} className="text-sm text-sky-700 underline">
            {next} →
          </Link>
        </div>
        <MonthGrid days={month.days} today={month.today} />
      </section>

      <section aria-labelledby="overrides" className="mb-6">
        <h2 id="overrides" className="mb-2 text-lg font-medium">
          {t("calendar.overrides")}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t("calendar.editEffect")}</p>
        {canManage ? (
          <OverrideForm
            siteId={site.id}
            versions={Object.fromEntries(month.overrides.map((o) => [o.date, o.version]))}
            action={setCalendarOverrideAction}
          />
        ) : null}
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {month.overrides.length === 0 ? <li className="p-3 text-sm text-slate-500">{t("common.empty")}</li> : null}
          {month.overrides.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-2 p-3 text-sm">
              <span>
                {o.date} · {t(`calendar.kinds.${o.kind}`)} {o.note ? `· ${o.note}` : ""}
              </span>
              {canManage ? <DeleteOverrideButton id={o.id} label={o.date} action={deleteCalendarOverrideAction} /> : null}
            </li>
          ))}
        </ul>
      </section>

      {/* The official table applies to every site: only holders of the company-wide right edit it. */}
      {actorHas(actor, "settings:company")
        ? years
            .filter((y) => y.status !== "package")
            .map((y) => (
              <section key={y.year} aria-labelledby={`table-${y.year}`} className="mb-6 rounded-lg border border-slate-200 bg-white p-3">
                <h2 id={`table-${y.year}`} className="mb-1 text-lg font-medium">
                  {t("calendar.officialTable", { year: y.year })}
                </h2>
                <p className="mb-2 text-sm text-slate-600">{y.entered ? t("calendar.enteredHint") : t("calendar.provisionalHint")}</p>
                <OfficialYearForm
                  year={y.year}
                  preview={previewOfficialYearAction}
                  action={saveOfficialYearAction}
                  initialReference={y.reference ?? ""}
                  initialHolidays={lines(y.entered?.holidays ?? y.provisional)}
                  initialWorkdays={lines(y.entered?.workdays ?? [])}
                />
              </section>
            ))
        : null}
    </>
  );
}

export default withClientMessages(["common", "calendar", "validation", "fields"], CalendarPage);
