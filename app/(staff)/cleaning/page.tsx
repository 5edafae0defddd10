import { CleaningDayPage } from "@/components/cleaning-supervision/day-page";
import { param } from "@/lib/pagination";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Today's cleaning supervisor's day at one of the user's sites (R-CLN-1). */
async function CleaningTodayPage({ searchParams }: Props) {
  const sp = await searchParams;
  return <CleaningDayPage site={param(sp.site)} />;
}

export default withClientMessages(["cleaningSupervision", "files", "common"], CleaningTodayPage);
