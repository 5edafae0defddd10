import type { CleaningCellState } from "@/lib/vacant-units/rules";

const TONE: Record<CleaningCellState, string> = {
  verified: "bg-emerald-100 text-emerald-900",
  submitted: "bg-sky-100 text-sky-900",
  sentBack: "bg-amber-100 text-amber-900",
  notYet: "bg-slate-100 text-slate-700",
  overdue: "bg-red-100 text-red-900",
};

/** A unit's cleaning this month as a coloured label (the text carries the meaning, colour only helps). */
export function CleaningStateBadge({ state, label }: { state: CleaningCellState; label: string }) {
  return (
    <span className={`badge ${TONE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
