import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ScheduleForm } from "@/components/meetings/schedule-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { seriesOverview } from "@/lib/meetings/queries";
import { param } from "@/lib/pagination";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Schedule a meeting of one series, prefilled with its next usual slot (convener, minute-taker or manager). */
async function ScheduleMeetingPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("meeting:schedule");
  const seriesId = param((await searchParams).series, 50);
  const series = (await seriesOverview()).find((s) => s.id === seriesId && s.canSchedule);
  if (!series) notFound();
  const t = await getTranslations("meetings");
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <PageHeader title={`${t("schedule.title")} · ${series.name}`} subtitle={`${series.siteName} · ${t("schedule.hint")}`} />
      <ScheduleForm seriesId={series.id} date={series.nextDate} time={series.startTime} place={series.place} />
    </div>
  );
}

export default withClientMessages(["meetings", "fields", "common", "validation"], ScheduleMeetingPage);
