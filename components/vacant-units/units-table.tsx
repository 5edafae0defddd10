"use client";

import { cellContent } from "@/components/ui/data-table";
import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";
import type { CleaningCellState } from "@/lib/vacant-units/rules";
import { CleaningStateBadge } from "./state-badge";

/** A due unit of the month as the table shows it, its texts already in the user's language. */
export interface VacantUnitLine {
  id: string;
  code: string;
  /** Building and floor (and the site, when several are in view). */
  place: string;
  /** The unit's status now when it is no longer vacant (cleaned this month, then let), else null. */
  status: string | null;
  /** "name（company）", or null: no dedicated cleaner (R-VAC-1). */
  cleaner: string | null;
  lastCleanedOn: string | null;
  state: CleaningCellState;
  /** This month's record: its id and its line (date · cleaner · substitute · failed checks). */
  record: { id: string; line: string } | null;
}

/**
 * The month's due units (R-VAC-1, R-VAC-3) on /vacant-units: the cells are written here from each unit's
 * figures, once for the server's HTML and once on hydration, and handed to DataTableView. As server-
 * rendered cells a unit was ~700 characters of elements in the page's RSC payload; as a line it is ~200
 * (a site's sixty units: 143 KB → docs/performance.md, "Thirteenth pass"). The record links are marked
 * `data-offline`: the service worker keeps the month's forms for a phone without signal (decision 018).
 */
export function VacantUnitsTable(props: {
  caption: string;
  empty: string;
  headers: { unit: string; cleaner: string; lastCleaned: string; thisMonth: string; record: string };
  texts: { noCleaner: string; never: string; open: string; recordAction: string };
  /** The label of each state the lines hold. */
  states: Partial<Record<CleaningCellState, string>>;
  month: string;
  canRecord: boolean;
  lines: VacantUnitLine[];
}) {
  const { headers, texts } = props;
  return (
    <DataTableView
      caption={props.caption}
      empty={props.empty}
      columns={[
        { header: headers.unit },
        { header: headers.cleaner, wide: true },
        { header: headers.lastCleaned, wide: true },
        { header: headers.thisMonth },
        { header: headers.record },
      ]}
      rows={props.lines.map((r) => ({
        key: r.id,
        cells: [
          <span key="unit" data-testid={`unit-${r.code}`}>
            <span className="font-medium">{r.code}</span>
            <span className="block text-xs text-slate-500">{r.place}</span>
            {r.status ? <span className="mt-1 inline-block rounded bg-slate-100 px-1.5 text-xs text-slate-600">{r.status}</span> : null}
          </span>,
          r.cleaner ?? (
            <span className="rounded bg-red-50 px-1.5 font-medium text-red-800" data-testid="no-cleaner">
              {texts.noCleaner}
            </span>
          ),
          r.lastCleanedOn ?? texts.never,
          <span key="state" className="flex flex-col items-start gap-0.5">
            <CleaningStateBadge state={r.state} label={props.states[r.state] ?? r.state} />
            {r.record ? <span className="text-xs text-slate-600">{r.record.line}</span> : null}
          </span>,
          r.record ? (
            <Link className="text-sky-700 underline" href={`/vacant-units/records/${r.record.id}`}>
              {texts.open}
            </Link>
          ) : props.canRecord ? (
            <Link className="text-sky-700 underline" href={`/vacant-units/record?unit=${r.id}&month=${props.month}`} data-offline="">
              {texts.recordAction}
            </Link>
          ) : null,
        ].map(cellContent),
      }))}
    />
  );
}
