import { getTranslations } from "next-intl/server";
import { DayView } from "@/components/newspapers/day-view";
import { NewspaperNav } from "@/components/newspapers/newspaper-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { param } from "@/lib/pagination";
import { getNewspaperDay, newspaperSites } from "@/lib/newspapers/queries";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** §9 the front desk's newspaper day: today in the site's time zone (R-CAL-2), never the server's. */
async function NewspapersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("newspaper:read");
  const sp = await searchParams;
  const [t, { sites, site, today }] = await Promise.all([getTranslations("newspapers"), newspaperSites(param(sp.site))]);
  const day = site && today ? await getNewspaperDay(site.id, today) : null;
  return (
    <>
      <PageHeader title={t("title")} subtitle={today ? `${site?.name ?? ""} · ${t("today", { date: today })}` : t("subtitle")} />
      <NewspaperNav current="today" sites={sites} siteId={site?.id} />
      {site && today ? <DayView siteId={site.id} date={today} day={day} canLog={roleHas(actor.role, "newspaper:log")} showHeld /> : null}
    </>
  );
}

export default withClientMessages(["newspapers", "common", "files"], NewspapersPage);
