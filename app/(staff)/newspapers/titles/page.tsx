import { getTranslations } from "next-intl/server";
import { NewspaperNav } from "@/components/newspapers/newspaper-nav";
import { TitleEdit, TitleForm } from "@/components/newspapers/title-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { listTitles, newspaperSites } from "@/lib/newspapers/queries";
import { param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The titles (报刊) delivered to the site's lobby. */
async function NewspaperTitlesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("newspaper:read");
  const sp = await searchParams;
  const [t, { sites, site, today }] = await Promise.all([getTranslations("newspapers"), newspaperSites(param(sp.site))]);
  const titles = site && today ? await listTitles(site.id, today) : [];
  const canManage = roleHas(actor.role, "newspaper:manage");
  const c = (key: string) => t(`columns.${key}`);
  return (
    <>
      <PageHeader title={t("titles.heading")} subtitle={site?.name} />
      <NewspaperNav current="titles" sites={sites} siteId={site?.id} />
      {site && canManage ? (
        <section className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
          <TitleForm siteId={site.id} />
        </section>
      ) : null}
      <DataTable
        caption={t("titles.heading")}
        rows={titles}
        rowKey={(r) => r.id}
        empty={t("titles.heading")}
        columns={[
          { header: c("title"), cell: (r) => <span className={r.active ? "" : "text-slate-400 line-through"}>{r.name}</span> },
          { header: c("publisher"), cell: (r) => r.publisher ?? "—", wide: true },
          { header: c("active"), cell: (r) => (r.active ? "✓" : t("titles.inactive")) },
          { header: c("runningToday"), cell: (r) => r.runningToday },
          ...(canManage ? [{ header: t("titles.edit"), cell: (r: (typeof titles)[number]) => <TitleEdit title={r} /> }] : []),
        ]}
      />
    </>
  );
}

export default withClientMessages(["newspapers", "common", "validation"], NewspaperTitlesPage);
