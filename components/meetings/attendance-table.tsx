import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { PersonAttendance } from "@/lib/meetings/report.queries";
import { formatRate } from "@/lib/meetings/report.rules";

/** R-MTG-3: one series' attendance per person over a quarter. */
export async function AttendanceTable(props: { seriesName: string; meetings: number; people: PersonAttendance[] }) {
  const t = await getTranslations("meetingReports.attendance");
  const low = (rate: number | null) => rate !== null && rate < 0.8;
  return (
    <section aria-label={props.seriesName} className="flex min-w-0 flex-col gap-2">
      <h3 className="text-sm font-semibold text-slate-900">
        {props.seriesName} <span className="font-normal text-slate-500">· {t("meetings", { count: props.meetings })}</span>
      </h3>
      <DataTable
        notRecords="figures"
        caption={props.seriesName}
        rows={props.meetings > 0 ? props.people : []}
        rowKey={(p) => p.id}
        empty={t("empty")}
        columns={[
          {
            header: t("person"),
            cell: (p) => (
              <span className="flex min-w-24 flex-col">
                <span>{p.name}</span>
                <span className="text-xs text-slate-500">
                  {[p.organization ?? t("department"), p.position].filter(Boolean).join(" · ")}
                </span>
              </span>
            ),
          },
          { header: t("expected"), cell: (p) => p.tally.meetings, wide: true },
          { header: t("present"), cell: (p) => p.tally.present },
          { header: t("late"), cell: (p) => p.tally.late },
          { header: t("leftEarly"), cell: (p) => p.tally.leftEarly, wide: true },
          {
            header: t("absent"),
            cell: (p) => <span className={p.tally.absent > 0 ? "font-medium text-red-700" : ""}>{p.tally.absent}</span>,
          },
          { header: t("excused"), cell: (p) => p.tally.excused, wide: true },
          { header: t("notRecorded"), cell: (p) => p.tally.notRecorded, wide: true },
          {
            header: t("rate"),
            cell: (p) => <span className={low(p.tally.rate) ? "font-medium text-red-700" : ""}>{formatRate(p.tally.rate)}</span>,
          },
        ]}
      />
    </section>
  );
}
