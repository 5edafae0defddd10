import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { FoundItemStateBadge } from "@/components/found-items/state-badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listFoundItems } from "@/lib/found-items/queries";
import { FOUND_ITEM_FILTERS } from "@/lib/found-items/schema";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** R-LOST-1 (§7.8): the register of items found in the garbage, with the ones due for disposal flagged. */
export default async function FoundItemsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("found:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), state: param(sp.state) };
  const [t, result, sites] = await Promise.all([
    getTranslations("foundItems"),
    listFoundItems(filter, pageRequest(sp.page)),
    sitesOf(actor),
  ]);
  const tAll = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            {roleHas(actor.role, "found:register") ? <ButtonLink href="/found-items/new">{t("register.title")}</ButtonLink> : null}
            {roleHas(actor.role, "found:settings") ? (
              <ButtonLink href="/found-items/settings" variant="secondary">
                {t("settings.title")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <FilterBar q={filter.q} qLabel={t("search")}>
        {sites.length > 1 ? (
          <FilterSelect name="site" label={t("site")} value={filter.site} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        <FilterSelect
          name="state"
          label={t("state")}
          value={filter.state}
          options={FOUND_ITEM_FILTERS.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("title")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={tAll("common.empty")}
        columns={[
          {
            header: t("number"),
            cell: (r) => (
              <Link href={`/found-items/${r.id}`} className="font-mono text-sky-800 underline">
                {r.number}
              </Link>
            ),
          },
          { header: t("description"), cell: (r) => r.description },
          { header: t("foundOn"), cell: (r) => `${r.foundOn} · ${r.foundPlace}` },
          { header: t("keptAt"), cell: (r) => r.keptAt, wide: true },
          ...(sites.length > 1 ? [{ header: t("site"), cell: (r: (typeof result.rows)[number]) => r.site.name, wide: true }] : []),
          {
            header: t("state"),
            cell: (r) => (
              <span className="flex flex-wrap gap-1">
                <FoundItemStateBadge state={r.state} label={t(`states.${r.state}`)} />
                {r.dueForDisposal ? <FoundItemStateBadge state="DUE" label={t("states.DUE")} /> : null}
                {r.state === "REGISTERED" && !r.dueForDisposal ? (
                  <span className="text-xs text-slate-500">{t("keepUntil", { date: r.keepUntil })}</span>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} searchParams={filter} />
    </>
  );
}
