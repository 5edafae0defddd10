import { getTranslations } from "next-intl/server";
import { GoodsPassesTable } from "@/components/goods-passes/goods-passes-table";
import { TodayBySite } from "@/components/goods-passes/today-by-site";
import { TodayTimeline } from "@/components/goods-passes/today-timeline";
import { ButtonLink } from "@/components/ui/button";
import { FilterBar, FilterDate, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import {
  goodsPassFilterQuery,
  goodsPassListOptions,
  listGoodsPasses,
  parseGoodsPassFilter,
  todayMoves,
} from "@/lib/goods-passes/lists.queries";
import { GOODS_EXPORT_MAX_ROWS } from "@/lib/goods-passes/rules";
import { DIRECTIONS, PASS_STATES } from "@/lib/goods-passes/schema";
import { SUMMARY_SITE_LINES, asksAllSites, summaryLines, withAllSites } from "@/lib/many-sites";
import { filterQuery, pageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** §5 goods passes: today's moves per loading route (R-GP-5) and the filtered list of passes. */
export default async function GoodsPassesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("goodspass:read");
  const sp = await searchParams;
  const filter = parseGoodsPassFilter(sp);
  const [t, options, today, list] = await Promise.all([
    getTranslations(),
    goodsPassListOptions(filter),
    todayMoves({ site: filter.site }),
    listGoodsPasses(filter, pageRequest(sp.page)),
  ]);
  const manySites = options.sites.length > 1;
  // The summary lists the sites with the most awaiting the stamp until every site is asked for (`?sites=all`).
  const allSites = asksAllSites(sp);
  const siteLines = today.eachSite ? null : summaryLines(today.rows, allSites);
  const siteParams = (all: boolean) => withAllSites({ ...filter }, all);
  const c = (key: string) => t(`goodsLists.columns.${key}`);
  return (
    <>
      <PageHeader
        title={t("goodsLists.title")}
        subtitle={t("goodsLists.subtitle")}
        actions={
          <>
            {roleHas(actor.role, "goodspass:export") ? (
              // A plain link: a file download, not a page to prefetch.
              <a
                href={`/goods-passes/export${goodsPassFilterQuery(filter)}`}
                download
                title={t("goodsLists.export.hint", { max: GOODS_EXPORT_MAX_ROWS.toLocaleString() })}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
              >
                {t("goodsLists.export.button")}
              </a>
            ) : null}
            {roleHas(actor.role, "goodspass:create") ? <ButtonLink href="/goods-passes/new">{t("goodsLists.create")}</ButtonLink> : null}
          </>
        }
      />

      {/* Each site's routes, or for many sites one row per site (lib/many-sites.ts). */}
      {today.eachSite ? (
        today.sites.map((site) => <TodayTimeline key={site.id} site={site} showSite={today.sites.length > 1} />)
      ) : (
        <TodayBySite
          rows={siteLines!.lines}
          sites={today.rows.length}
          toggle={
            siteLines!.toggles
              ? { href: `/goods-passes${filterQuery(siteParams(!allSites))}`, all: allSites, shown: SUMMARY_SITE_LINES }
              : null
          }
        />
      )}

      <section aria-labelledby="passes-title">
        <h2 id="passes-title" className="mb-2 text-base font-semibold text-slate-900">
          {t("goodsLists.list.title")}
        </h2>
        <FilterBar q={filter.q} qLabel={t("goodsLists.search")}>
          {manySites ? (
            <FilterSelect
              name="site"
              label={t("fields.site")}
              value={filter.site}
              options={options.sites.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : null}
          {options.tenants.length > 0 ? (
            <FilterSelect
              name="tenant"
              label={t("goodsLists.filters.tenant")}
              value={filter.tenant}
              options={options.tenants.map((x) => ({ value: x.id, label: manySites ? `${x.name}（${x.site.code}）` : x.name }))}
            />
          ) : null}
          <FilterSelect
            name="state"
            label={t("goodsLists.filters.state")}
            value={filter.state}
            options={PASS_STATES.map((s) => ({ value: s, label: t(`goodsLists.states.${s}`) }))}
          />
          <FilterSelect
            name="direction"
            label={t("goodsLists.filters.direction")}
            value={filter.direction}
            options={DIRECTIONS.map((d) => ({ value: d, label: t(`goodsLists.directionsLong.${d}`) }))}
          />
          <FilterDate name="from" label={t("goodsLists.filters.from")} value={filter.from} />
          <FilterDate name="to" label={t("goodsLists.filters.to")} value={filter.to} />
        </FilterBar>
        <GoodsPassesTable
          caption={t("goodsLists.list.caption")}
          empty={t("common.empty")}
          headers={{
            number: c("number"),
            tenant: c("tenant"),
            direction: c("direction"),
            window: c("window"),
            state: c("state"),
            carrier: c("carrier"),
            site: manySites ? c("site") : null,
          }}
          lines={list.rows.map((r) => ({
            id: r.id,
            number: r.number ?? t("goodsLists.unnumbered"),
            tenant: `${r.tenantName} · ${r.unitCode}`,
            direction: t(`goodsLists.directions.${r.direction}`),
            window: r.window,
            route: r.routeName,
            state: r.state,
            stateLabel: t(`goodsLists.states.${r.state}`),
            carrier: r.carrierName,
            ...(manySites ? { site: r.site.name } : {}),
          }))}
        />
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          capped={list.capped}
          searchParams={siteParams(allSites)}
        />
      </section>
    </>
  );
}
