import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { WeekCell, WeekState } from "@/lib/meetings/report.rules";

const CELL_CLASS: Record<WeekState, string> = {
  held: "border-emerald-200 bg-emerald-50 text-emerald-800",
  unconfirmed: "border-sky-200 bg-sky-50 text-sky-800",
  missing: "border-red-300 bg-red-50 text-red-800",
  pending: "border-amber-200 bg-amber-50 text-amber-800",
  notDue: "border-slate-200 bg-slate-50 text-slate-400",
};

/** 'YYYY-MM-DD' → 'MM-DD': the strip is read week by week, the year is in the title. */
const short = (date: string) => date.slice(5);

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
      <ol className="grid grid-cols-4 gap-1.5 sm:grid-cols-6 lg:grid-cols-12">
        {props.cells.map((cell) => {
          const label = t("week", { monday: cell.monday, sunday: cell.sunday });
          const body = (
            <>
              <span className="week-cell-date">{short(cell.monday)}</span>
              <span className="block font-medium">{t(`states.${cell.state}`)}</span>
              {cell.meeting ? <span className="week-cell-date">{short(cell.meeting.date)}</span> : null}
            </>
          );
          const className = `week-cell ${CELL_CLASS[cell.state]}`;
          return (
            <li key={cell.monday} data-state={cell.state} title={`${label} · ${t(`states.${cell.state}`)}`}>
              {cell.meeting ? (
                <Link
                  href={`/meetings/${cell.meeting.id}`}
                  className={`${className} hover:underline`}
                  aria-label={`${label} ${t(`states.${cell.state}`)} ${cell.meeting.date}`}
                >
                  {body}
                </Link>
              ) : (
                <span className={className} aria-label={`${label} ${t(`states.${cell.state}`)}`}>
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
