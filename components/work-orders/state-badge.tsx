import type { WorkOrderState } from "@/lib/generated/prisma/enums";

const TONE: Record<WorkOrderState, string> = {
  OPEN: "bg-amber-100 text-amber-900",
  FIXED: "bg-sky-100 text-sky-900",
  VERIFIED: "bg-emerald-100 text-emerald-900",
};

/** The work order's state as a coloured label (text carries the meaning, colour only helps). */
export function WorkOrderStateBadge({ state, label }: { state: WorkOrderState; label: string }) {
  return (
    <span className={`badge ${TONE[state]}`} data-testid="work-order-state">
      {label}
    </span>
  );
}
