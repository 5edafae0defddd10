import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAreas } from "@/lib/registry/area.queries";
import { AREA_TYPES } from "@/lib/registry/area.schema";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AreasPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("area:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), type: param(sp.type) };
  const [t, result, sites] = await Promise.all([getTranslations(), listAreas(filter, pageRequest(sp.page)), sitesOf(actor)]);
  const canEdit = roleHas(actor.role, "area:manage");
  return (
    <>
      <PageHeader title={t("nav.areas")} actions={canEdit ? <ButtonLink href="/registry/areas/new">{t("areas.new")}</ButtonLink> : null} />
      <FilterBar q={filter.q} qLabel={t("areas.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="type"
          label={t("areas.type")}
          value={filter.type}
          options={AREA_TYPES.map((x) => ({ value: x, label: t(`areaType.${x}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("nav.areas")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("areas.name"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/registry/areas/${r.id}`}>
                {r.name}
              </Link>
            ),
          },
          { header: t("fields.site"), cell: (r) => r.site.code, wide: true },
          { header: t("areas.type"), cell: (r) => t(`areaType.${r.type}`) },
          { header: t("areas.location"), cell: (r) => `${r.building} ${r.floor}` },
          { header: t("areas.active"), cell: (r) => (r.active ? t("common.yes") : t("common.no")), wide: true },
        ]}
      />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        searchParams={{ q: filter.q, site: filter.site, type: filter.type }}
      />
    </>
  );
}
