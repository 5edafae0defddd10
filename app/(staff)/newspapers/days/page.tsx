import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NewspaperNav } from "@/components/newspapers/newspaper-nav";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listNewspaperDays, newspaperSites } from "@/lib/newspapers/queries";
import { pageRequest, param, paged } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past days, newest first: totals per day, still-held copies and the ones not reconciled stand out. */
export default async function NewspaperDaysPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("newspaper:read");
  const sp = await searchParams;
  const [t, { sites, site }] = await Promise.all([getTranslations("newspapers"), newspaperSites(param(sp.site))]);
  const req = pageRequest(sp.page);
  const list = site ? await listNewspaperDays(site.id, req) : { rows: [], total: 0 };
  const page = paged(list.rows, list.total, req);
  const c = (key: string) => t(`columns.${key}`);
  const q = site ? `?site=${encodeURIComponent(site.id)}` : "";
  return (
    <>
      <PageHeader title={t("days.heading")} subtitle={site?.name} />
      <NewspaperNav current="days" sites={sites} siteId={site?.id} />
      <DataTable
        caption={t("days.heading")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={t("days.noDay")}
        columns={[
          {
            header: c("date"),
            cell: (r) => (
              <Link className="whitespace-nowrap text-sky-700 underline" href={`/newspapers/days/${r.date}${q}`}>
                {r.date}
              </Link>
            ),
          },
          {
            header: c("received"),
            cell: (r) => (
              <span className={r.received < r.expected ? "font-semibold text-amber-700" : ""}>
                {r.received} / {r.expected}
              </span>
            ),
          },
          { header: c("delivered"), cell: (r) => r.delivered },
          { header: c("held"), cell: (r) => (r.stillHeld > 0 ? `${r.held}（${r.stillHeld}）` : r.held) },
          { header: c("returned"), cell: (r) => r.returned, wide: true },
          { header: c("courier"), cell: (r) => r.courierName, wide: true },
          {
            header: c("closed"),
            cell: (r) =>
              r.closed ? "✓" : <span className="font-semibold text-red-700">{r.pending > 0 ? `${c("pending")} ${r.pending}` : "—"}</span>,
          },
        ]}
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} searchParams={{ site: site?.id }} />
    </>
  );
}
