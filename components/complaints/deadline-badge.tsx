import { getTranslations } from "next-intl/server";
import type { DeadlineState } from "@/lib/complaints/rules";
import { DeadlineBadgeView, deadlineBadgeLabel } from "./deadline-badge-view";

/** R-CMP-5: every deadline shows its state. */
export async function DeadlineBadge({ state, provisional }: { state: DeadlineState; provisional?: boolean }) {
  const t = await getTranslations("complaints");
  return <DeadlineBadgeView state={state} label={deadlineBadgeLabel(t, state, provisional)} />;
}
