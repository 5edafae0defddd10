import { isValidElement, type ReactNode } from "react";
import { DataTableView } from "./data-table-view";
import Link from "./link";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide in the mid-size table (tablet) to keep it readable; phones show it in the row's card. */
  wide?: boolean;
}

/**
 * A cell's value beside its label on a phone (app/globals.css, `.data-table` cells): plain text, numbers
 * and one HTML element (a link, a badge; the app's Link, which is one anchor) are one flex item as they are; anything else (several nodes, or
 * a component that may render several) is wrapped, so that it stays one item. (A wrapper on every cell
 * cost ~40 bytes a cell in the HTML and the payload: a fifth of a list's table.)
 */
export function cellContent(value: ReactNode): ReactNode {
  if (typeof value === "string" || typeof value === "number") return value;
  if (isValidElement(value) && (typeof value.type === "string" || value.type === Link)) return value;
  return <div>{value}</div>;
}

/**
 * The one table: each cell's content is rendered here, on the server; the rows and cells around it, their
 * roles and phone labels, by DataTableView (data-table-view.tsx), so that the page's payload carries the
 * contents and not the markup of every cell.
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
    <DataTableView
      columns={props.columns.map((c) => (c.wide ? { header: c.header, wide: true } : { header: c.header }))}
      rows={props.rows.map((row) => ({ key: props.rowKey(row), cells: props.columns.map((c) => cellContent(c.cell(row))) }))}
      empty={props.empty}
      caption={props.caption}
      notRecords={props.notRecords}
    />
  );
}
