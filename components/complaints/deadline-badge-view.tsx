import type { DeadlineState } from "@/lib/complaints/rules";

const TONE: Record<DeadlineState, string> = {
  overdue: "bg-red-100 text-red-800",
  due_today: "bg-amber-100 text-amber-900",
  due_soon: "bg-yellow-50 text-yellow-800",
  on_track: "bg-slate-100 text-slate-700",
  met: "bg-emerald-100 text-emerald-800",
  met_late: "bg-orange-100 text-orange-800",
};

/**
 * The badge's text: the state, and "provisional" when the due date rests on a calendar year not yet
 * published (R-CAL). `t` translates keys of the `complaints` messages.
 */
export function deadlineBadgeLabel(t: (key: string) => string, state: DeadlineState, provisional?: boolean): string {
  return `${t(`deadlineStates.${state}`)}${provisional ? ` · ${t("provisional")}` : ""}`;
}

/**
 * R-CMP-5: a deadline's state as a badge, its label already in the user's language. The one markup of
 * the badge: DeadlineBadge (server) and the lists' client views (complaints-table.tsx) both write it.
 */
export function DeadlineBadgeView({ state, label }: { state: DeadlineState; label: string }) {
  return (
    <span className={`badge ${TONE[state]}`} data-deadline-state={state}>
      {label}
    </span>
  );
}
