import { notFound } from "next/navigation";
import { InspectionSheet } from "@/components/inspections/inspection-sheet";
import { A4Sheet } from "@/components/print/a4-sheet";
import { AccessError, requirePagePermission } from "@/lib/auth/guard";
import { supervisorDailySheet } from "@/lib/inspections/compliance.queries";
import { param } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
/** The printable 《客务部工作检查表》 of one supervisor and day: ?site=&date=&supervisor= */
export default async function InspectionSheetPrint({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("inspection:compliance");
  const sp = await searchParams;
  const filter = { site: param(sp.site), date: param(sp.date), supervisor: param(sp.supervisor) };
  const sheet = await supervisorDailySheet(filter).catch((err: unknown) => {
    if (err instanceof AccessError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <A4Sheet back={`/inspections/compliance?site=${sheet.site.id}&date=${sheet.date}`}>
      <InspectionSheet sheet={sheet} />
    </A4Sheet>
  );
}
