import { notFound } from "next/navigation";
import { DistributionSheet } from "@/components/newspapers/distribution-sheet";
import { requirePagePermission } from "@/lib/auth/guard";
import { isValidLocalDate } from "@/lib/calendar";
import { getNewspaperDay, newspaperSites } from "@/lib/newspapers/queries";
import { param } from "@/lib/pagination";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 《报纸分发明细》 (R-NEWS-2) of one site and day, printed on A4 for the delivery staff. */
export default async function DistributionPrint({ params, searchParams }: Props) {
  await requirePagePermission("newspaper:read");
  const [{ date }, sp] = await Promise.all([params, searchParams]);
  if (!isValidLocalDate(date)) notFound();
  const { site, today } = await newspaperSites(param(sp.site));
  const day = site ? await getNewspaperDay(site.id, date) : null;
  if (!site || !day) notFound();
  const q = `?site=${encodeURIComponent(site.id)}`;
  return <DistributionSheet day={day} back={date === today ? `/newspapers${q}` : `/newspapers/days/${date}${q}`} />;
}
