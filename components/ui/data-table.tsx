import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide in the mid-size table (tablet) to keep it readable; phones show it in the row's card. */
  wide?: boolean;
}

/**
 * The one table: a real <table> from the `sm` breakpoint up; below it (phones) each row is a card
 * with the column names as labels, so nothing is cut off and the page never scrolls sideways. The
 * links and buttons in a card are at least 44 px high (touch targets).
 */
export function DataTable<T>(props: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
  caption?: string;
  /**
   * Rows that are not records to open: tallies and report figures, or the entries of a log. Every other
   * list's rows link to their record (checked on every main page by the accessibility walk).
   */
  notRecords?: "figures" | "log";
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white sm:overflow-x-auto">
      {/* Explicit roles: a table shown as cards (display: block) keeps its table semantics. */}
      <table
        role="table"
        data-not-records={props.notRecords}
        className="block w-full text-sm sm:table sm:min-w-full sm:divide-y sm:divide-slate-200"
      >
        {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
        <thead role="rowgroup" className="hidden bg-slate-50 sm:table-header-group">
          <tr role="row">
            {props.columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                role="columnheader"
                className={`px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600 ${c.wide ? "hidden md:table-cell" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 sm:table-row-group sm:divide-slate-100">
          {props.rows.length === 0 ? (
            <tr role="row" className="block sm:table-row">
              <td role="cell" colSpan={props.columns.length} className="block px-3 py-6 text-center text-slate-500 sm:table-cell">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr role="row" key={props.rowKey(row)} className="block px-3 py-2 hover:bg-slate-50 sm:table-row sm:p-0">
                {props.columns.map((c) => (
                  <td
                    role="cell"
                    key={c.header}
                    data-label={c.header}
                    className={`flex min-w-0 gap-3 py-1 break-words before:w-20 before:shrink-0 before:text-slate-600 before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:align-top sm:before:content-none max-sm:[&_a]:inline-flex max-sm:[&_a]:min-h-11 max-sm:[&_a]:items-center ${c.wide ? "sm:hidden md:table-cell" : ""}`}
                  >
                    <div className="min-w-0 flex-1">{c.cell(row)}</div>
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
