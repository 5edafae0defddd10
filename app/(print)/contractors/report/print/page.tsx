import { notFound } from "next/navigation";
import { MonthlyReportSheet } from "@/components/contractors/monthly-report-sheet";
import { A4Sheet } from "@/components/print/a4-sheet";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { contractorMonthlyReport } from "@/lib/contractors/report.queries";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The monthly contractor report on A4, like the paper report the manager signs: ?site=&month=YYYY-MM */
export default async function ContractorReportPrint({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("contractor:assessment");
  const sp = await searchParams;
  const report = await contractorMonthlyReport({ site: param(sp.site), month: param(sp.month) }).catch((err: unknown) => {
    if (err instanceof AccessError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <A4Sheet back={`/contractors/report?site=${report.site.id}&month=${report.month}`}>
      <MonthlyReportSheet report={report} />
    </A4Sheet>
  );
}
