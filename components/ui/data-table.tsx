import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide on phones (390 px) to keep the table readable. */
  wide?: boolean;
}

/** The one table: a real <table> on desktop that scrolls sideways on a phone. */
export function DataTable<T>(props: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; empty: string; caption?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
        <thead className="bg-slate-50">
          <tr>
            {props.columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600 ${c.wide ? "hidden md:table-cell" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} className="px-3 py-6 text-center text-slate-500">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr key={props.rowKey(row)} className="hover:bg-slate-50">
                {props.columns.map((c) => (
                  <td key={c.header} className={`px-3 py-2 align-top ${c.wide ? "hidden md:table-cell" : ""}`}>
                    {c.cell(row)}
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
