import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DayView } from "@/components/newspapers/day-view";
import { NewspaperNav } from "@/components/newspapers/newspaper-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { isValidLocalDate } from "@/lib/calendar";
import { getNewspaperDay, newspaperSites } from "@/lib/newspapers/queries";
import { param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Any day of a site, to look back (or to catch up on a day not yet closed); a future day has nothing yet. */
async function NewspaperDayPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("newspaper:read");
  const [{ date }, sp] = await Promise.all([params, searchParams]);
  if (!isValidLocalDate(date)) notFound();
  const [t, { sites, site, today }] = await Promise.all([getTranslations("newspapers"), newspaperSites(param(sp.site))]);
  if (!site || !today) notFound();
  const day = await getNewspaperDay(site.id, date);
  const canLog = roleHas(actor.role, "newspaper:log") && date <= today;
  return (
    <>
      <PageHeader title={t("days.dayTitle", { date })} subtitle={site.name} />
      <NewspaperNav current="days" sites={sites} siteId={site.id} />
      <p className="mb-4 text-sm">
        <Link href={`/newspapers/days?site=${encodeURIComponent(site.id)}`} className="text-sky-700 underline">
          {t("days.back")}
        </Link>
      </p>
      {!day && !canLog ? <p className="text-sm text-slate-500">{t("days.noDay")}</p> : null}
      {day || canLog ? <DayView siteId={site.id} date={date} day={day} canLog={canLog} showHeld={false} /> : null}
    </>
  );
}

export default withClientMessages(["newspapers", "common", "files"], NewspaperDayPage);
