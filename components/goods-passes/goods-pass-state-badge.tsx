import { getTranslations } from "next-intl/server";
import type { GoodsPassState } from "@/lib/generated/prisma/enums";
import { GoodsPassStateBadgeView } from "./goods-pass-state-badge-view";

/** A pass's state: pending (awaiting the stamp, R-GP-3), stamped, rejected, released at the gate (R-GP-7). */
export async function GoodsPassStateBadge({ state }: { state: GoodsPassState }) {
  const t = await getTranslations("goodsLists");
  return <GoodsPassStateBadgeView state={state} label={t(`states.${state}`)} />;
}
