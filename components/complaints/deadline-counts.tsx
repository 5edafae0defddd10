import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import {
  COUNTED_DUE_STATES,
  DEADLINE_KINDS,
  filterQuery,
  type CountCells,
  type CountRow,
  type DashboardFilter,
} from "@/lib/complaints/dashboard.rules";

const TONE = { overdue: "text-red-700", due_today: "text-amber-800", due_soon: "text-yellow-800" } as const;

/**
 * Open rectifications and revisits that are overdue / due today / due soon, one row per
 * site or department. Each non-zero count links to the list filtered down to exactly those deadlines.
 */
export async function DeadlineCountsTable(props: {
  title: string;
  rows: CountRow[];
  total?: CountCells;
  /** Which filter a row's link sets. */
  rowFilter: "site" | "department";
  filter: DashboardFilter;
  empty: string;
}) {
  const t = await getTranslations();
  const cells = (row: CountRow | null, values: CountCells) =>
    DEADLINE_KINDS.flatMap((kind) =>
      COUNTED_DUE_STATES.map((due) => {
        const count = values[kind][due];
        const over = { kind, due, ...(row ? { [props.rowFilter]: row.id } : {}) };
        return (
          <td key={`${kind}-${due}`} className="px-2 py-1.5 text-right tabular-nums">
            {count === 0 ? (
              <span className="text-slate-400">0</span>
            ) : (
              <Link className={`font-medium underline ${TONE[due]}`} href={`/dashboard${filterQuery(props.filter, over)}`}>
                {count}
              </Link>
            )}
          </td>
        );
      }),
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{props.title}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" rowSpan={2} className="px-3 py-2 text-left font-medium">
              {props.title}
            </th>
            {DEADLINE_KINDS.map((kind) => (
              <th
                key={kind}
                scope="colgroup"
                colSpan={COUNTED_DUE_STATES.length}
                className="border-l border-slate-200 px-2 pt-2 text-center font-medium"
              >
                {t(`complaints.deadlineKinds.${kind}`)}
              </th>
            ))}
          </tr>
          <tr>
            {DEADLINE_KINDS.flatMap((kind) =>
              COUNTED_DUE_STATES.map((due, i) => (
                <th
                  key={`${kind}-${due}`}
                  scope="col"
                  className={`px-2 pb-2 text-right text-xs font-normal whitespace-nowrap ${i === 0 ? "border-l border-slate-200" : ""}`}
                >
                  {t(`complaints.deadlineStates.${due}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={1 + DEADLINE_KINDS.length * COUNTED_DUE_STATES.length} className="px-3 py-4 text-center text-slate-500">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                  {row.label}
                </th>
                {cells(row, row.cells)}
              </tr>
            ))
          )}
        </tbody>
        {props.total && props.rows.length > 1 ? (
          <tfoot className="border-t border-slate-200 bg-slate-50 font-medium">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left">
                {t("dashboard.counts.total")}
              </th>
              {cells(null, props.total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
