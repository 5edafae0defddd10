"use client";

import Link from "@/components/ui/link";
import type { CountedDueState, DashboardFilter } from "@/lib/complaints/dashboard.rules";
import { filterQuery } from "@/lib/query-string";

const TONE: Record<CountedDueState, string> = { overdue: "text-red-700", due_today: "text-amber-800", due_soon: "text-yellow-800" };

export interface SiteDeadlinesLine {
  /** The site's id; none on the company's total. */
  id?: string;
  label: string;
  /** Open deadlines per counted due state (the view's `dueStates`, in order), then all open ones. */
  counts: number[];
  /** The on-time rate in percent, or null without deadlines; `rateTitle` says "met / due". */
  rate: number | null;
  rateTitle?: string;
}

/**
 * The company view's deadline table (components/complaints/deadline-counts-company.tsx): the markup of
 * fifty sites' lines and their links, written from their figures here, once for the server's HTML and
 * once on hydration. In the RSC payload each line was ~1 000 characters of elements; as figures it is
 * ~100.
 */
export function SiteDeadlinesView(props: {
  caption: string;
  headers: { site: string; dueStates: string[]; open: string; rate: string };
  dueStates: readonly CountedDueState[];
  lines: SiteDeadlinesLine[];
  total: SiteDeadlinesLine | null;
  filter: DashboardFilter;
  empty: string;
  noDeadlines: string;
}) {
  const href = (over: Partial<DashboardFilter>) => `/dashboard${filterQuery({ ...props.filter, ...over })}`;
  const cells = (line: SiteDeadlinesLine) => {
    const site = line.id ? { site: line.id } : {};
    const count = (value: number, over: Partial<DashboardFilter>, tone = "text-slate-800") =>
      value === 0 ? (
        <span className="text-slate-400">0</span>
      ) : (
        <Link className={`font-medium underline ${tone}`} href={href(over)}>
          {value}
        </Link>
      );
    return (
      <>
        {props.dueStates.map((due, i) => (
          <td key={due}>{count(line.counts[i], { ...site, due }, TONE[due])}</td>
        ))}
        <td>{count(line.counts[props.dueStates.length], site)}</td>
        <td>
          {line.rate == null ? (
            <span className="text-slate-400">{props.noDeadlines}</span>
          ) : (
            <span title={line.rateTitle}>{line.rate}%</span>
          )}
        </td>
      </>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {/* Cell styles on the table, not on each of the ~300 cells of fifty sites. */}
      <table
        className="min-w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums"
        data-testid="site-deadlines"
      >
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {props.headers.site}
            </th>
            {props.headers.dueStates.map((label, i) => (
              <th key={props.dueStates[i]} scope="col" className="px-2 py-2 text-right text-xs font-normal">
                {label}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-right text-xs font-normal">
              {props.headers.open}
            </th>
            <th scope="col" className="px-2 py-2 text-right text-xs font-normal">
              {props.headers.rate}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.lines.length === 0 ? (
            <tr>
              <td colSpan={6} className="text-slate-500">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.lines.map((line) => (
              <tr key={line.id}>
                <th scope="row" className="min-w-24 px-3 py-1.5 text-left font-normal">
                  <Link className="text-sky-700 underline" href={href({ site: line.id })}>
                    {line.label}
                  </Link>
                </th>
                {cells(line)}
              </tr>
            ))
          )}
        </tbody>
        {props.total ? (
          <tfoot className="border-t border-slate-200 bg-slate-50 font-medium">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left">
                {props.total.label}
              </th>
              {cells(props.total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
