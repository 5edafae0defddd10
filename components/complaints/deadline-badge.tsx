import { getTranslations } from "next-intl/server";
import type { DeadlineState } from "@/lib/complaints/rules";

const TONE: Record<DeadlineState, string> = {
  overdue: "bg-red-100 text-red-800",
  due_today: "bg-amber-100 text-amber-900",
  due_soon: "bg-yellow-50 text-yellow-800",
  on_track: "bg-slate-100 text-slate-700",
  met: "bg-emerald-100 text-emerald-800",
  met_late: "bg-orange-100 text-orange-800",
};

/** R-CMP-5: every deadline shows its state. */
export async function DeadlineBadge({ state, provisional }: { state: DeadlineState; provisional?: boolean }) {
  const t = await getTranslations("complaints");
  return (
    <span className={`badge ${TONE[state]}`} data-deadline-state={state}>
      {t(`deadlineStates.${state}`)}
      {provisional ? ` · ${t("provisional")}` : ""}
    </span>
  );
}
