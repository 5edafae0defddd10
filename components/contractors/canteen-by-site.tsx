import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { BySiteSection } from "@/components/ui/by-site";
import { DataTable } from "@/components/ui/data-table";
import type { CanteenSiteSummary } from "@/lib/contractors/rules";

/**
 * R-CAT-1 for a user of many sites (lib/many-sites.ts): the canteen month as one line per site (today's
 * check, the month's checks and failed items, missing weekly papers, flagged 健康证), each site opening
 * its checks, papers and forms. Fifty sites' full sections were 670 KB a view.
 */
export async function CanteenBySite({ month, sites }: { month: string; sites: ({ id: string; name: string } & CanteenSiteSummary)[] }) {
  const t = await getTranslations("contractors.canteen.bySite");
  const attention = (n: number) => (n > 0 ? <span className="font-medium text-red-700">{n}</span> : n);
  return (
    <BySiteSection id="canteen-by-site" title={t("title")} hint={t("hint", { count: sites.length })}>
      <DataTable
        notRecords="figures"
        caption={t("title")}
        rows={sites}
        rowKey={(s) => s.id}
        empty="—"
        columns={[
          {
            header: t("site"),
            cell: (s) => (
              <Link className="text-sky-700 underline" href={`/contractors/canteen?site=${s.id}&month=${month}`}>
                {s.name}
              </Link>
            ),
          },
          {
            header: t("today"),
            cell: (s) => (s.checkedToday ? t("done") : <span className="font-medium text-amber-700">{t("notDone")}</span>),
          },
          { header: t("checks"), cell: (s) => s.checks },
          { header: t("failures"), cell: (s) => attention(s.failures) },
          { header: t("missingDocs"), cell: (s) => attention(s.missingDocs) },
          { header: t("certificates"), cell: (s) => attention(s.flaggedCertificates) },
        ]}
      />
    </BySiteSection>
  );
}
