import { getTranslations } from "next-intl/server";
import type { GoodsPassState } from "@/lib/generated/prisma/enums";

const PASS_STATE_TONE: Record<GoodsPassState, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  REJECTED: "bg-red-100 text-red-800",
  RELEASED: "bg-emerald-100 text-emerald-800",
};

/** A pass's state: pending (awaiting the stamp, R-GP-3), stamped, rejected, released at the gate (R-GP-7). */
export async function GoodsPassStateBadge({ state }: { state: GoodsPassState }) {
  const t = await getTranslations("goodsLists");
  return (
    <span className={`badge ${PASS_STATE_TONE[state]}`} data-pass-state={state}>
      {t(`states.${state}`)}
    </span>
  );
}
