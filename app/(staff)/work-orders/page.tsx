import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { WorkOrderStateBadge } from "@/components/work-orders/state-badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { sitesOf } from "@/lib/registry/site.queries";
import { listWorkOrders } from "@/lib/work-orders/queries";
import { WORK_ORDER_STATES } from "@/lib/work-orders/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WorkOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("workorder:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), state: param(sp.state) };
  const [t, result, sites] = await Promise.all([getTranslations(), listWorkOrders(filter, pageRequest(sp.page)), sitesOf(actor)]);
  return (
    <>
      <PageHeader title={t("workOrders.title")} />
      <FilterBar q={filter.q} qLabel={t("workOrders.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="state"
          label={t("workOrders.state")}
          value={filter.state}
          options={WORK_ORDER_STATES.map((s) => ({ value: s, label: t(`workOrders.states.${s}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("workOrders.title")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("workOrders.number"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/work-orders/${r.id}`}>
                {r.number}
              </Link>
            ),
          },
          { header: t("workOrders.site"), cell: (r) => r.site.name, wide: true },
          { header: t("workOrders.area"), cell: (r) => `${r.area.building}${r.area.floor} · ${r.area.name}` },
          { header: t("workOrders.description"), cell: (r) => <span className="line-clamp-2 max-w-md">{r.description}</span> },
          {
            header: t("workOrders.state"),
            cell: (r) => <WorkOrderStateBadge state={r.state} label={t(`workOrders.states.${r.state}`)} />,
          },
          { header: t("workOrders.age"), cell: (r) => t("workOrders.ageDays", { days: r.ageDays }) },
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} searchParams={filter} />
    </>
  );
}
