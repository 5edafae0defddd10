import { isValidElement, type ReactNode } from "react";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide in the mid-size table (tablet) to keep it readable; phones show it in the row's card. */
  wide?: boolean;
}

/**
 * A cell's value beside its label on a phone (app/globals.css, `.data-table` cells): plain text, numbers
 * and one HTML element (a link, a badge) are one flex item as they are; anything else (several nodes, or
 * a component that may render several) is wrapped, so that it stays one item. (A wrapper on every cell
 * cost ~40 bytes a cell in the HTML and the payload: a fifth of a list's table.)
 */
function cellContent(value: ReactNode): ReactNode {
  if (typeof value === "string" || typeof value === "number") return value;
  if (isValidElement(value) && typeof value.type === "string") return value;
  return <div>{value}</div>;
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
              <tr role="row" key={props.rowKey(row)}>
                {props.columns.map((c, i) => (
                  // The columns are fixed for the table: their position is their key (a header as key repeated
                  // it once more per cell in the page's payload).
                  <td role="cell" key={i} data-label={c.header} className={c.wide ? "data-cell-wide" : undefined}>
                    {cellContent(c.cell(row))}
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
