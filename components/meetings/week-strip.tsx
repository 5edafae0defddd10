import { getTranslations } from "next-intl/server";
import type { WeekCell } from "@/lib/meetings/report.rules";
import { WeekCells } from "./week-cells";

/**
 * R-MTG-1: one series' recent weeks, oldest first; weeks with a meeting link to it. Held = attendance
 * recorded; a held week whose minutes are not confirmed is shown apart (R-MTG-4).
 */
export async function WeekStrip(props: {
  seriesName: string;
  cells: WeekCell[];
  missing: number;
  /** Held weeks whose minutes are not confirmed yet (R-MTG-4), shown apart from the missing ones. */
  unconfirmed: number;
  inactive: boolean;
}) {
  const t = await getTranslations("meetingReports.strip");
  return (
    <section aria-label={props.seriesName} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="week-strip">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {props.seriesName}
          {props.inactive ? <span className="ml-2 text-xs font-normal text-slate-500">{t("inactive")}</span> : null}
        </h3>
        <span className={`text-sm ${props.missing > 0 ? "font-medium text-red-700" : "text-slate-500"}`} data-testid="missing-count">
          {t("missingCount", { count: props.missing })}
          {props.unconfirmed > 0 ? (
            <span className="ml-2 font-medium text-sky-800" data-testid="unconfirmed-count">
              {t("unconfirmedCount", { count: props.unconfirmed })}
            </span>
          ) : null}
        </span>
      </div>
      <WeekCells
        cells={props.cells.map((cell) => ({
          monday: cell.monday,
          state: cell.state,
          meeting: cell.meeting ? { id: cell.meeting.id, date: cell.meeting.date } : null,
          label: t("week", { monday: cell.monday, sunday: cell.sunday }),
          stateLabel: t(`states.${cell.state}`),
        }))}
      />
    </section>
  );
}
