import type { GoodsPassState } from "@/lib/generated/prisma/enums";

const PASS_STATE_TONE: Record<GoodsPassState, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  REJECTED: "bg-red-100 text-red-800",
  RELEASED: "bg-emerald-100 text-emerald-800",
};

/**
 * A pass's state as a badge, its label already in the user's language: the one markup of it, written by
 * GoodsPassStateBadge (server) and by the list's client view (goods-passes-table.tsx).
 */
export function GoodsPassStateBadgeView({ state, label }: { state: GoodsPassState; label: string }) {
  return (
    <span className={`badge ${PASS_STATE_TONE[state]}`} data-pass-state={state}>
      {label}
    </span>
  );
}
