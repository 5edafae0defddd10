"use client";

import type { ReactNode } from "react";

export interface DataTableRow {
  key: string;
  /** One node per column, in the columns' order (rendered on the server). */
  cells: ReactNode[];
}

/**
 * The table's markup around cells rendered on the server (components/ui/data-table.tsx): each row,
 * cell, role and phone label is written here, once for the server's HTML and once on hydration, instead
 * of being sent in the page's RSC payload per cell (~55 characters a cell, ~400 a row of seven: half of a
 * row's payload). A real <table> from the `sm` breakpoint up; below it (phones) each row is a card with
 * the column names as labels (app/globals.css, `.data-table`), so nothing is cut off and the page never
 * scrolls sideways. The links and buttons in a card are at least 44 px high (touch targets).
 */
export function DataTableView(props: {
  columns: { header: string; wide?: boolean }[];
  rows: DataTableRow[];
  empty: string;
  caption?: string;
  notRecords?: "figures" | "log";
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white sm:overflow-x-auto">
      {/* Explicit roles: a table shown as cards (display: block) keeps its table semantics. */}
      <table
        role="table"
        data-not-records={props.notRecords}
        className="data-table block w-full text-sm sm:table sm:min-w-full sm:divide-y sm:divide-slate-200"
      >
        {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
        <thead role="rowgroup" className="hidden bg-slate-50 sm:table-header-group">
          <tr role="row">
            {props.columns.map((c) => (
              <th key={c.header} scope="col" role="columnheader" className={c.wide ? "data-th data-cell-wide" : "data-th"}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 sm:table-row-group sm:divide-slate-100">
          {props.rows.length === 0 ? (
            <tr role="row" data-empty="" className="block sm:table-row">
              <td role="cell" colSpan={props.columns.length} className="block px-3 py-6 text-center text-slate-500 sm:table-cell">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              // Styled by their place in the table (app/globals.css): classes here would repeat on every cell.
              <tr role="row" key={row.key}>
                {row.cells.map((cell, i) => (
                  // The columns are fixed for the table: their position is their key.
                  <td
                    role="cell"
                    key={i}
                    data-label={props.columns[i].header}
                    className={props.columns[i].wide ? "data-cell-wide" : undefined}
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
