import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { MonthFilter } from "@/components/vacant-units/month-filter";
import { ScorePanel } from "@/components/vacant-units/score-panel";
import { VacantSitesTable } from "@/components/vacant-units/sites-table";
import { VacantUnitsTable } from "@/components/vacant-units/units-table";
import { requirePagePermission } from "@/lib/auth/guard";
import { param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { vacantMonthView, type VacantMonthView } from "@/lib/vacant-units/queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The month view of vacant units (R-VAC-1, R-VAC-3): each due unit cleaned / not yet / overdue, checked or not. */
export default async function VacantUnitsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("vacant:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), month: param(sp.month) };
  const [t, view] = await Promise.all([getTranslations("vacant"), vacantMonthView(filter)]);
  const canRecord = roleHas(actor.role, "vacant:record");
  const printSite = view.site ?? view.sites[0]?.id;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            {roleHas(actor.role, "vacant:manage") ? (
              <ButtonLink href="/vacant-units/cleaners" variant="secondary">
                {t("cleaners")}
              </ButtonLink>
            ) : null}
            {printSite ? (
              <ButtonLink href={`/vacant-units/print?site=${printSite}&month=${view.month}`} variant="secondary">
                {t("print")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar q={filter.q} qLabel={t("search")}>
        {view.sites.length > 1 || view.site ? (
          <FilterSelect name="site" label={t("site")} value={view.site} options={view.sites.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        <MonthFilter name="month" label={t("month")} value={view.month} max={view.currentMonth} />
      </FilterBar>

      {/* Many sites and none chosen (decision 020): one line per site; a site's units once it is chosen. */}
      {view.bySite ? <VacantSitesTable view={view} /> : <VacantUnitsOfSites view={view} canRecord={canRecord} />}
    </>
  );
}

/** Each site's counts, the score panels and the due units of the sites in view (a few, or the chosen one). */
async function VacantUnitsOfSites({ view, canRecord }: { view: VacantMonthView; canRecord: boolean }) {
  const [t, tRoot] = await Promise.all([getTranslations("vacant"), getTranslations()]);
  const siteName = new Map(view.sites.map((s) => [s.id, s.name]));
  return (
    <>
      <ul className="mb-3 flex flex-col gap-1 text-sm text-slate-700" data-testid="vacant-counts">
        {view.siteScores.map((s) => (
          <li key={s.site.id}>
            {t("counts", {
              site: s.site.name,
              due: s.current.due,
              done: s.current.done,
              verified: s.current.verified,
              overdue: s.current.overdue,
            })}
            {/* R-VAC-1 (专人): vacant units without a dedicated cleaner are a problem to fix. */}
            {s.withoutCleaner > 0 ? (
              <span className="ml-2 rounded bg-red-50 px-1.5 font-medium text-red-800" data-testid="units-without-cleaner">
                {t("withoutCleaner", { count: s.withoutCleaner })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>

      {view.showScore ? view.siteScores.map((s) => <ScorePanel key={s.site.id} score={s} />) : null}

      <VacantUnitsTable
        caption={`${t("title")} ${view.month}`}
        empty={t("empty")}
        headers={{ unit: t("unit"), cleaner: t("cleaner"), lastCleaned: t("lastCleaned"), thisMonth: t("thisMonth"), record: t("record") }}
        texts={{ noCleaner: t("noCleaner"), never: t("never"), open: t("open"), recordAction: t("recordAction") }}
        states={Object.fromEntries([...new Set(view.rows.map((r) => r.state))].map((state) => [state, t(`states.${state}`)]))}
        month={view.month}
        canRecord={canRecord}
        lines={view.rows.map((r) => ({
          id: r.id,
          code: r.code,
          place: `${r.building} ${r.floor}${view.sites.length > 1 ? ` · ${siteName.get(r.siteId)}` : ""}`,
          // Cleaned this month, then let: shown with its record, not counted as due.
          status: r.statusNow !== "VACANT" ? tRoot(`unitStatus.${r.statusNow}`) : null,
          cleaner: r.cleaner ? `${r.cleaner.name}${r.cleaner.company ? `（${r.cleaner.company}）` : ""}` : null,
          lastCleanedOn: r.lastCleanedOn,
          state: r.state,
          record: r.record
            ? {
                id: r.record.id,
                line: `${r.record.cleanedOn} · ${r.record.cleaner}${r.record.substituteReason ? ` · ${t("substituteShort")}` : ""}${
                  r.record.failures > 0 ? ` · ${t("failures", { count: r.record.failures })}` : ""
                }`,
              }
            : null,
        }))}
      />
    </>
  );
}
