import type { StreamState } from "@/lib/waste/rules";

const TONE: Record<StreamState, string> = {
  NOT_IN_USE: "bg-slate-100 text-slate-600",
  OK: "bg-emerald-100 text-emerald-900",
  DUE_TODAY: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-900",
};

/** A stream's clearance state (R-WST-2) as a coloured label; the text carries the meaning. */
export function StreamStateBadge({ state, label }: { state: StreamState; label: string }) {
  return (
    <span className={`badge ${TONE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
