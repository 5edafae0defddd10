import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { CellState } from "@/lib/inspections/compliance.rules";

const STATE_CLASS: Record<CellState, string> = {
  done: "bg-emerald-50 text-emerald-900",
  missed: "bg-red-50 text-red-800",
  due_now: "bg-amber-50 text-amber-900",
  upcoming: "bg-slate-50 text-slate-600",
  none: "bg-white text-slate-400",
};

interface Cell {
  periodKey: string | null;
  slot: 1 | 2 | null;
  state: CellState;
  checkedLocal: string | null;
  supervisorName: string | null;
  check: { failures: number } | null;
  /** The submitted check, opened from the grid to review its results. */
  inspectionId?: string | null;
}
interface Group {
  building: string;
  floor: string;
  rows: { area: { id: string; name: string }; cells: Cell[] }[];
}

/** The manager's day grid: areas (grouped by building/floor) × the day's two slots (outlets: the month). */
export async function DayGrid({ date, groups }: { date: string; groups: Group[] }) {
  const t = await getTranslations("compliance");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("grid.caption", { date })}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
              {t("area")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
              {t("grid.slot1")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
              {t("grid.slot2")}
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={`${g.building}|${g.floor}`} className="divide-y divide-slate-100 border-t border-slate-200">
            <tr>
              <th scope="rowgroup" colSpan={3} className="bg-slate-100 px-3 py-1 text-left text-xs font-medium text-slate-700">
                {g.building} · {g.floor}
              </th>
            </tr>
            {g.rows.map(({ area, cells }) => (
              <tr key={area.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap text-slate-800">
                  {area.name}
                </th>
                {cells.map((cell, i) => (
                  <td
                    key={cell.periodKey ?? i}
                    colSpan={cells.length === 1 ? 2 : 1}
                    className={`px-3 py-2 align-top ${STATE_CLASS[cell.state]}`}
                  >
                    <span className="font-medium">
                      {cells.length === 1 ? `${t("grid.monthly")} · ` : ""}
                      {t(`states.${cell.state}`)}
                    </span>
                    {cell.checkedLocal ? (
                      <span className="block text-xs">
                        {cells.length === 1 ? cell.checkedLocal : cell.checkedLocal.slice(11)} · {cell.supervisorName}
                      </span>
                    ) : null}
                    {cell.check && cell.check.failures > 0 ? (
                      <span className="block text-xs font-medium text-red-700">{t("failureCount", { count: cell.check.failures })}</span>
                    ) : null}
                    {cell.inspectionId ? (
                      <Link href={`/inspections/checks/${cell.inspectionId}`} className="block text-xs text-sky-700 underline">
                        {t("openCheck")}
                      </Link>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
