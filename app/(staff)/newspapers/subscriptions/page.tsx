import { getTranslations } from "next-intl/server";
import { NewspaperNav } from "@/components/newspapers/newspaper-nav";
import { SubscriptionEdit, SubscriptionForm } from "@/components/newspapers/subscription-form";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listSubscriptions, listTitles, newspaperSites, subscriptionFormOptions } from "@/lib/newspapers/queries";
import { pageRequest, param, paged } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Subscriptions: which tenant / unit receives which title, how many copies, from / to. */
async function NewspaperSubscriptionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("newspaper:read");
  const sp = await searchParams;
  const [t, { sites, site, today }] = await Promise.all([getTranslations("newspapers"), newspaperSites(param(sp.site))]);
  const canManage = roleHas(actor.role, "newspaper:manage");
  const filter = { title: param(sp.title, 50), tenant: param(sp.tenant, 50), q: param(sp.q) };
  const req = pageRequest(sp.page);
  const [list, titles, options] =
    site && today
      ? await Promise.all([
          listSubscriptions(site.id, filter, req),
          listTitles(site.id, today),
          canManage ? subscriptionFormOptions(site.id) : Promise.resolve(null),
        ])
      : [{ rows: [], total: 0 }, [], null];
  const page = paged(list.rows, list.total, req);
  const c = (key: string) => t(`columns.${key}`);
  return (
    <>
      <PageHeader title={t("subscriptions.heading")} subtitle={site?.name} />
      <NewspaperNav current="subscriptions" sites={sites} siteId={site?.id} />
      {site && today && options ? (
        <section className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
          <SubscriptionForm siteId={site.id} today={today} options={options} />
        </section>
      ) : null}
      <FilterBar qLabel={t("subscriptions.search")} q={filter.q}>
        {site ? <input type="hidden" name="site" value={site.id} /> : null}
        <FilterSelect
          name="title"
          label={t("subscriptions.filterTitle")}
          value={filter.title}
          options={titles.map((x) => ({ value: x.id, label: x.name }))}
        />
        {options ? (
          <FilterSelect
            name="tenant"
            label={t("subscriptions.filterTenant")}
            value={filter.tenant}
            options={options.tenants.map((x) => ({ value: x.id, label: x.name }))}
          />
        ) : null}
      </FilterBar>
      <DataTable
        caption={t("subscriptions.heading")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={t("subscriptions.heading")}
        columns={[
          { header: c("unit"), cell: (r) => `${r.building} ${r.floor} ${r.unitCode}` },
          { header: c("tenant"), cell: (r) => r.tenantName },
          { header: c("title"), cell: (r) => r.titleName },
          { header: c("copies"), cell: (r) => r.copies },
          { header: c("startsOn"), cell: (r) => r.startsOn, wide: true },
          { header: c("endsOn"), cell: (r) => r.endsOn ?? t("subscriptions.openEnded"), wide: true },
          ...(canManage
            ? [{ header: t("subscriptions.edit"), cell: (r: (typeof page.rows)[number]) => <SubscriptionEdit sub={r} /> }]
            : []),
        ]}
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} searchParams={{ site: site?.id, ...filter }} />
    </>
  );
}

export default withClientMessages(["newspapers", "common", "validation"], NewspaperSubscriptionsPage);
