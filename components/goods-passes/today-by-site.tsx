import { getTranslations } from "next-intl/server";
import { BySiteSection, SiteLinesToggle } from "@/components/ui/by-site";
import type { TodayBySiteRow } from "@/lib/goods-passes/lists.queries";
import { TodayBySiteTable } from "./today-by-site-table";

/**
 * R-GP-5 for a user of many sites (lib/many-sites.ts): today's moves as one row per site — how many,
 * in which state, when the next one starts (counted by lists.queries.ts todayBySite) — each site opening
 * its routes' schedule. The lines go to
 * TodayBySiteTable as figures (today-by-site-table.tsx), which writes their markup.
 */
export async function TodayBySite({
  rows,
  sites,
  toggle,
}: {
  /** The lines shown (the first few, or every site). */
  rows: TodayBySiteRow[];
  /** How many sites there are. */
  sites: number;
  /** The link to every site's line (or back to the first `shown`), when there are more sites than those. */
  toggle: { href: string; all: boolean; shown: number } | null;
}) {
  const t = await getTranslations("goodsLists.bySite");
  return (
    <BySiteSection id="today-by-site" title={t("title")} hint={t("hint", { count: sites })}>
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
        lines={rows.map(({ code: _code, ...line }) => line)}
      />
      {toggle ? (
        <SiteLinesToggle href={toggle.href} label={toggle.all ? t("fewerSites", { count: toggle.shown }) : t("moreSites", { sites })} />
      ) : null}
    </BySiteSection>
  );
}
