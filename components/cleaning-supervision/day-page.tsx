import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { addDays } from "@/lib/calendar";
import { cleaningDayView, dayFormOptions } from "@/lib/cleaning-supervision/day.queries";
import { ComplaintCategory, ComplaintSeverity } from "@/lib/generated/prisma/enums";
import { roleHas } from "@/lib/permissions";
import { CleaningNav } from "./cleaning-nav";
import { DayView } from "./day-view";

/** The day page of /cleaning (today) and /cleaning/days/[date] (a past day, read only). */
export async function CleaningDayPage({ site, date }: { site?: string; date?: string }) {
  const actor = await requirePagePermission("cleaning:read");
  const [t, tc, view] = await Promise.all([
    getTranslations("cleaningSupervision"),
    getTranslations("complaints"),
    cleaningDayView(site, date),
  ]);
  if (!view) notFound();
  const canRecord = roleHas(actor.role, "cleaning:record") && actor.duty === "CLEANING";
  const options =
    canRecord && view.isToday && view.working
      ? {
          ...(await dayFormOptions(view.site.id)),
          severities: Object.values(ComplaintSeverity).map((v) => ({ value: v, label: tc(`severities.${v}`) })),
          categories: Object.values(ComplaintCategory).map((v) => ({ value: v, label: tc(`categories.${v}`) })),
        }
      : null;
  const q = `?site=${encodeURIComponent(view.site.id)}`;
  return (
    <>
      <PageHeader title={t("day.heading", { date: view.date })} subtitle={view.site.name} />
      <CleaningNav current="day" sites={view.sites} siteId={view.site.id} />
      <nav aria-label={t("day.heading", { date: view.date })} className="mb-3 flex gap-3 text-sm">
        <Link href={`/cleaning/days/${addDays(view.date, -1)}${q}`} className="text-sky-700 underline">
          {t("day.prev")}
        </Link>
        {!view.isToday ? (
          <Link href={`/cleaning/days/${addDays(view.date, 1)}${q}`} className="text-sky-700 underline">
            {t("day.next")}
          </Link>
        ) : null}
      </nav>
      {view.holidayName ? <p className="mb-2 text-sm text-slate-600">{t("day.holiday", { name: view.holidayName })}</p> : null}
      {view.makeUpFor ? <p className="mb-2 text-sm text-slate-600">{t("day.makeUp", { name: view.makeUpFor })}</p> : null}
      {!view.isToday ? <p className="mb-2 text-sm text-slate-500">{t("day.pastDay")}</p> : null}
      {view.working ? (
        <DayView view={view} canRecord={canRecord} canReview={roleHas(actor.role, "cleaning:review")} options={options} />
      ) : (
        <p className="text-sm text-slate-600">{t("day.notWorking")}</p>
      )}
    </>
  );
}
