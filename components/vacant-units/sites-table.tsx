import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { DataTable } from "@/components/ui/data-table";
import type { VacantMonthView } from "@/lib/vacant-units/queries";

/**
 * The month view for a user of many sites with none chosen (decision 020): one row per site — its due
 * units, cleaned, checked, overdue, the score (R-VAC-3, for those who see it) and vacant units without a
 * dedicated cleaner (R-VAC-1) — each opening that site's units.
 */
export async function VacantSitesTable({ view }: { view: VacantMonthView }) {
  const [t, ts] = await Promise.all([getTranslations("vacant"), getTranslations("vacant.score")]);
  const pct = (v: number | null) => (v === null ? ts("none") : `${v}%`);
  return (
    <section aria-labelledby="vacant-by-site" className="mb-6" data-testid="vacant-by-site">
      <h2 id="vacant-by-site" className="text-base font-semibold text-slate-900">
        {t("bySite.title", { month: view.month })}
      </h2>
      <p className="mb-2 text-xs text-slate-500">{t("bySite.hint", { sites: view.sites.length })}</p>
      <DataTable
        caption={t("bySite.title", { month: view.month })}
        rows={view.siteScores}
        rowKey={(s) => s.site.id}
        empty={t("empty")}
        columns={[
          {
            header: t("site"),
            cell: (s) => (
              <Link className="text-sky-700 underline" href={`/vacant-units?site=${s.site.id}&month=${view.month}`}>
                {s.site.name}
              </Link>
            ),
          },
          { header: ts("due"), cell: (s) => s.current.due },
          { header: ts("done"), cell: (s) => s.current.done },
          { header: ts("verified"), cell: (s) => s.current.verified },
          { header: ts("overdue"), cell: (s) => s.current.overdue },
          ...(view.showScore ? [{ header: ts("score"), cell: (s: (typeof view.siteScores)[number]) => pct(s.current.score) }] : []),
          { header: t("noCleaner"), cell: (s) => s.withoutCleaner, wide: true },
        ]}
      />
    </section>
  );
}
