import { notFound } from "next/navigation";
import { A4Sheet } from "@/components/print/a4-sheet";
import { RecordSheet } from "@/components/vacant-units/record-sheet";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { param } from "@/lib/pagination";
import { printableMonth } from "@/lib/vacant-units/record.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The printable 《空置单元清洁记录表》 of one site and month: ?site=&month= */
export default async function VacantRecordSheetPrint({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("vacant:read");
  const sp = await searchParams;
  const sheet = await printableMonth(param(sp.site), param(sp.month)).catch((err: unknown) => {
    if (err instanceof AccessError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <A4Sheet back={`/vacant-units?site=${sheet.site.id}&month=${sheet.month}`}>
      <RecordSheet sheet={sheet} />
    </A4Sheet>
  );
}
