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
import { listTenants } from "@/lib/registry/tenant.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TenantsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("tenant:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site) };
  const [t, result, sites] = await Promise.all([getTranslations(), listTenants(filter, pageRequest(sp.page)), sitesOf(actor)]);
  const canEdit = roleHas(actor.role, "tenant:manage");
  return (
    <>
      <PageHeader
        title={t("nav.tenants")}
        actions={canEdit ? <ButtonLink href="/registry/tenants/new">{t("tenants.new")}</ButtonLink> : null}
      />
      <FilterBar q={filter.q} qLabel={result.seesContacts ? t("tenants.searchWithPhone") : t("tenants.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
      </FilterBar>
      <DataTable
        caption={t("nav.tenants")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("tenants.name"),
            cell: (r) =>
              canEdit ? (
                <Link className="text-sky-700 underline" href={`/registry/tenants/${r.id}`}>
                  {r.name}
                </Link>
              ) : (
                r.name
              ),
          },
          { header: t("fields.site"), cell: (r) => r.site.code, wide: true },
          { header: t("tenants.units"), cell: (r) => r.units.map((u) => u.code).join("、") || "—" },
          ...(result.seesContacts
            ? [
                {
                  header: t("tenants.contacts"),
                  cell: (r: (typeof result.rows)[number]) =>
                    (r.contacts ?? []).map((c) => (
                      <div key={c.phone}>
                        {c.name}
                        {c.position ? `（${c.position}）` : ""}{" "}
                        <a href={`tel:${c.phone}`} className="text-sky-700">
                          {c.phone}
                        </a>
                      </div>
                    )),
                },
              ]
            : []),
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} searchParams={{ q: filter.q, site: filter.site }} />
    </>
  );
}
