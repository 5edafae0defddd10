import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { BySiteSection } from "@/components/ui/by-site";
import { DataTable } from "@/components/ui/data-table";
import type { TimelineSite } from "@/lib/goods-passes/lists.queries";
import { todayBySiteRows } from "@/lib/goods-passes/rules";

/**
 * R-GP-5 for a user of many sites (lib/many-sites.ts): today's moves as one row per site — how many,
 * in which state, when the next one starts — each site opening its routes' schedule.
 */
export async function TodayBySite({ sites }: { sites: TimelineSite[] }) {
  const t = await getTranslations("goodsLists.bySite");
  const rows = todayBySiteRows(sites);
  return (
    <BySiteSection id="today-by-site" title={t("title")} hint={t("hint", { count: sites.length })}>
      <DataTable
        notRecords="figures"
        caption={t("title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty="—"
        columns={[
          {
            header: t("site"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/goods-passes?site=${r.id}`}>
                {r.name}
              </Link>
            ),
          },
          { header: t("date"), cell: (r) => r.date, wide: true },
          { header: t("moves"), cell: (r) => r.moves },
          { header: t("pending"), cell: (r) => r.pending },
          { header: t("approved"), cell: (r) => r.approved },
          { header: t("released"), cell: (r) => r.released, wide: true },
          { header: t("next"), cell: (r) => r.next },
        ]}
      />
    </BySiteSection>
  );
}
