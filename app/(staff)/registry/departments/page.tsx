import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listDepartments } from "@/lib/registry/department.queries";
import { DEPARTMENT_KINDS } from "@/lib/registry/department.schema";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DepartmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("department:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), kind: param(sp.kind) };
  const [t, result, sites] = await Promise.all([getTranslations(), listDepartments(filter, pageRequest(sp.page)), sitesOf(actor)]);
  const canEdit = roleHas(actor.role, "department:manage");
  return (
    <>
      <PageHeader
        title={t("nav.departments")}
        actions={canEdit ? <ButtonLink href="/registry/departments/new">{t("departments.new")}</ButtonLink> : null}
      />
      <FilterBar q={filter.q} qLabel={t("departments.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="kind"
          label={t("departments.kind")}
          value={filter.kind}
          options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKind.${k}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("nav.departments")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("departments.name"),
            cell: (r) =>
              canEdit ? (
                <Link className="text-sky-700 underline" href={`/registry/departments/${r.id}`}>
                  {r.name}
                </Link>
              ) : (
                r.name
              ),
          },
          { header: t("fields.site"), cell: (r) => r.site.code, wide: true },
          { header: t("departments.kind"), cell: (r) => t(`departmentKind.${r.kind}`) },
          { header: t("departments.contactName"), cell: (r) => r.contactName ?? "—", wide: true },
          {
            header: t("departments.contactPhone"),
            cell: (r) =>
              r.contactPhone ? (
                <a className="text-sky-700 underline" href={`tel:${r.contactPhone.replace(/[^0-9+]/g, "")}`}>
                  {r.contactPhone}
                </a>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        searchParams={{ q: filter.q, site: filter.site, kind: filter.kind }}
      />
    </>
  );
}
