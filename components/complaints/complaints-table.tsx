"use client";

import { cellContent } from "@/components/ui/data-table";
import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";
import type { DeadlineState } from "@/lib/complaints/rules";
import { DeadlineBadgeView } from "./deadline-badge-view";

/** A complaint as a list shows it, its texts already in the user's language. */
export interface ComplaintLine {
  /** Unique in the list (the dashboard lists a complaint once per open deadline). */
  key: string;
  id: string;
  number: string;
  /** "tenant · unit". */
  tenant: string;
  severity: string;
  state: string;
  /** The deadline (R-CMP-2/3): "kind date", its state and the state's label, or null when none runs. */
  deadline: { line: string; state: DeadlineState; label: string } | null;
  received?: string;
  department: string;
  site?: string;
}

export type ComplaintColumn = "number" | "tenant" | "site" | "department" | "severity" | "state" | "deadline" | "received";

/**
 * A list of complaints (/complaints, the dashboard's open deadlines): the cells are written here from
 * each complaint's line, once for the server's HTML and once on hydration, and handed to DataTableView.
 * As server-rendered cells a row was ~900 characters of elements in the page's RSC payload; as a line it
 * is ~300 (docs/performance.md, "Fourteenth pass"). The columns, in their order, are the page's.
 */
export function ComplaintsTable(props: {
  caption: string;
  empty: string;
  columns: { key: ComplaintColumn; header: string; wide?: boolean }[];
  lines: ComplaintLine[];
}) {
  return (
    <DataTableView
      caption={props.caption}
      empty={props.empty}
      columns={props.columns.map((c) => (c.wide ? { header: c.header, wide: true } : { header: c.header }))}
      rows={props.lines.map((r) => ({ key: r.key, cells: props.columns.map((c) => cellContent(cell(r, c.key))) }))}
    />
  );
}

function cell(r: ComplaintLine, key: ComplaintColumn) {
  switch (key) {
    case "number":
      return (
        <Link className="whitespace-nowrap text-sky-700 underline" href={`/complaints/${r.id}`}>
          {r.number}
        </Link>
      );
    case "tenant":
      return <span className="block min-w-40">{r.tenant}</span>;
    case "deadline":
      return r.deadline ? (
        <span className="flex flex-col gap-0.5">
          <span className="text-xs whitespace-nowrap text-slate-500">{r.deadline.line}</span>
          <DeadlineBadgeView state={r.deadline.state} label={r.deadline.label} />
        </span>
      ) : (
        "—"
      );
    default:
      return r[key] ?? "";
  }
}
