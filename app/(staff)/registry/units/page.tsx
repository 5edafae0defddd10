import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";
import { listUnits } from "@/lib/registry/unit.queries";
import { UNIT_STATUSES } from "@/lib/registry/unit.schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UnitsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("unit:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), status: param(sp.status) };
  const [t, result, sites] = await Promise.all([getTranslations(), listUnits(filter, pageRequest(sp.page)), sitesOf(actor)]);
  const canEdit = roleHas(actor.role, "unit:manage");
  return (
    <>
      <PageHeader title={t("nav.units")} actions={canEdit ? <ButtonLink href="/registry/units/new">{t("units.new")}</ButtonLink> : null} />
      <FilterBar q={filter.q} qLabel={t("units.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="status"
          label={t("units.status")}
          value={filter.status}
          options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("nav.units")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("units.code"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/registry/units/${r.id}`}>
                {r.code}
              </Link>
            ),
          },
          { header: t("fields.site"), cell: (r) => r.site.code, wide: true },
          { header: t("fields.building"), cell: (r) => `${r.building} ${r.floor}` },
          { header: t("units.status"), cell: (r) => t(`unitStatus.${r.status}`) },
          { header: t("units.tenant"), cell: (r) => r.tenant?.name ?? "—" },
          { header: t("units.areaSqm"), cell: (r) => r.areaSqm ?? "—", wide: true },
        ]}
      />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        searchParams={{ q: filter.q, site: filter.site, status: filter.status }}
      />
    </>
  );
}
