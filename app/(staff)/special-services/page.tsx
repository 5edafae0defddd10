import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";
import { formatYuan } from "@/lib/special-services/money";
import { listServiceOrders, parseOrderFilter, REVISIT_FILTERS } from "@/lib/special-services/queries";
import { ORDER_STATES } from "@/lib/special-services/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Special services (§3.3): the orders of the user's sites by state, overdue phone revisits first. */
export default async function SpecialServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("service:read");
  const sp = await searchParams;
  const filter = parseOrderFilter(sp);
  const [t, result, sites] = await Promise.all([getTranslations(), listServiceOrders(filter, pageRequest(sp.page)), sitesOf(actor)]);
  return (
    <>
      <PageHeader
        title={t("specialServices.title")}
        subtitle={t("specialServices.subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            {roleHas(actor.role, "service:catalogue") ? (
              <ButtonLink href="/special-services/catalogue" variant="secondary">
                {t("specialServices.catalogueLink")}
              </ButtonLink>
            ) : null}
            {roleHas(actor.role, "service:order") ? (
              <ButtonLink href="/special-services/new">{t("specialServices.newOrder")}</ButtonLink>
            ) : null}
          </div>
        }
      />
      <FilterBar q={filter.q} qLabel={t("specialServices.search")}>
        {sites.length > 1 ? (
          <FilterSelect
            name="site"
            label={t("fields.site")}
            value={filter.site}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
        <FilterSelect
          name="state"
          label={t("specialServices.state")}
          value={filter.state}
          options={ORDER_STATES.map((s) => ({ value: s, label: t(`specialServices.states.${s}`) }))}
        />
        <FilterSelect
          name="revisit"
          label={t("specialServices.revisitFilter")}
          value={filter.revisit}
          options={REVISIT_FILTERS.map((r) => ({ value: r, label: t(`specialServices.revisitFilters.${r}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("specialServices.title")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("specialServices.service"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/special-services/${r.id}`} data-testid="service-order-link">
                {r.serviceName}
              </Link>
            ),
          },
          { header: t("specialServices.tenant"), cell: (r) => `${r.tenant.name}${r.unit ? ` · ${r.unit.code}` : ""}` },
          { header: t("specialServices.scheduledAt"), cell: (r) => r.scheduledLocal, wide: true },
          { header: t("specialServices.price"), cell: (r) => formatYuan(r.agreedPriceFen) },
          { header: t("specialServices.state"), cell: (r) => t(`specialServices.states.${r.state}`) },
          { header: t("specialServices.notice"), cell: (r) => r.noticeNumber ?? "—", wide: true },
          {
            header: t("specialServices.revisitDeadline"),
            cell: (r) =>
              r.revisit ? (
                <span className="flex flex-col gap-0.5">
                  <span className="text-xs whitespace-nowrap text-slate-500">{r.revisit.dueLocal}</span>
                  <DeadlineBadge state={r.revisit.state} provisional={r.revisit.provisional} />
                </span>
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
        capped={result.capped}
        searchParams={{ ...filter }}
      />
    </>
  );
}
