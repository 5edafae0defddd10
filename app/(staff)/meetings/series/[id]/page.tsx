import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ParticipantsPanel } from "@/components/meetings/participants-panel";
import { SeriesForm } from "@/components/meetings/series-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { seriesForManagement } from "@/lib/meetings/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Managers: convener, minute-taker, usual slot and expected attendees of one series (R-MTG-1). */
async function SeriesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("meeting:series:manage");
  const { id } = await params;
  const s = await seriesForManagement(id);
  if (!s) notFound();
  const t = await getTranslations("meetings");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={s.name} subtitle={`${s.site.name} · ${t("series.manage")}`} />
      {/* A new version (an attendee toggled below) gives the form the series as it now is. */}
      <SeriesForm
        key={s.version}
        staff={s.staff}
        values={{
          seriesId: s.id,
          version: s.version,
          convenerId: s.convenerId,
          minuteTakerId: s.minuteTakerId,
          weekday: String(s.weekday),
          startTime: s.startTime,
          place: s.place,
          active: s.active,
        }}
      />
      <section className="flex flex-col gap-2" aria-labelledby="participants-title">
        <h2 id="participants-title" className="text-base font-semibold">
          {t("series.participants")}
        </h2>
        <ParticipantsPanel seriesId={s.id} version={s.version} participants={s.participants} staff={s.staff} />
      </section>
    </div>
  );
}

export default withClientMessages(["meetings", "common", "validation", "fields"], SeriesPage);
