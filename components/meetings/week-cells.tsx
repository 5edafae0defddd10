"use client";

import Link from "@/components/ui/link";
import type { WeekState } from "@/lib/meetings/report.rules";

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
 * A series' weeks (R-MTG-1) as WeekStrip shows them: written here from each week's figures and its two
 * texts (the week, its state), once for the server's HTML and once on hydration. As server-rendered
 * elements a week was ~600 characters of the page's RSC payload (three series × twelve weeks per view).
 */
export function WeekCells(props: {
  cells: { monday: string; state: WeekState; meeting: { id: string; date: string } | null; label: string; stateLabel: string }[];
}) {
  const { cells } = props;
  return (
    <ol className="grid grid-cols-4 gap-1.5 sm:grid-cols-6 lg:grid-cols-12">
      {cells.map((cell) => {
        const body = (
          <>
            <span className="week-cell-date">{short(cell.monday)}</span>
            <span className="block font-medium">{cell.stateLabel}</span>
            {cell.meeting ? <span className="week-cell-date">{short(cell.meeting.date)}</span> : null}
          </>
        );
        const className = `week-cell ${CELL_CLASS[cell.state]}`;
        return (
          <li key={cell.monday} data-state={cell.state} title={`${cell.label} · ${cell.stateLabel}`}>
            {cell.meeting ? (
              <Link
                href={`/meetings/${cell.meeting.id}`}
                className={`${className} hover:underline`}
                aria-label={`${cell.label} ${cell.stateLabel} ${cell.meeting.date}`}
              >
                {body}
              </Link>
            ) : (
              <span className={className} aria-label={`${cell.label} ${cell.stateLabel}`}>
                {body}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
