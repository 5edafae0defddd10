import { notFound } from "next/navigation";
import { CleaningDayPage } from "@/components/cleaning-supervision/day-page";
import { isValidLocalDate } from "@/lib/calendar";
import { param } from "@/lib/pagination";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One day of a site, as recorded: missed items show as missed; the manager reads the daily report here. */
async function CleaningDayByDatePage({ params, searchParams }: Props) {
  const [{ date }, sp] = await Promise.all([params, searchParams]);
  if (!isValidLocalDate(date)) notFound();
  return <CleaningDayPage site={param(sp.site)} date={date} />;
}

export default withClientMessages(["cleaningSupervision", "files", "common"], CleaningDayByDatePage);
