import { getTranslations } from "next-intl/server";
import { BySiteSection } from "@/components/ui/by-site";
import type { TimelineSite } from "@/lib/goods-passes/lists.queries";
import { todayBySiteRows } from "@/lib/goods-passes/rules";
import { TodayBySiteTable } from "./today-by-site-table";

/**
 * R-GP-5 for a user of many sites (lib/many-sites.ts): today's moves as one row per site — how many,
 * in which state, when the next one starts — each site opening its routes' schedule. The lines go to
 * TodayBySiteTable as figures (today-by-site-table.tsx), which writes their markup.
 */
export async function TodayBySite({ sites }: { sites: TimelineSite[] }) {
  const t = await getTranslations("goodsLists.bySite");
  return (
    <BySiteSection id="today-by-site" title={t("title")} hint={t("hint", { count: sites.length })}>
      <TodayBySiteTable
        caption={t("title")}
        headers={{
          site: t("site"),
          date: t("date"),
          moves: t("moves"),
          pending: t("pending"),
          approved: t("approved"),
          released: t("released"),
          next: t("next"),
        }}
        lines={todayBySiteRows(sites).map((r) => ({
          id: r.id,
          name: r.name,
          date: r.date,
          moves: r.moves,
          pending: r.pending,
          approved: r.approved,
          released: r.released,
          next: r.next,
        }))}
      />
    </BySiteSection>
  );
}
