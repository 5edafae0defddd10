import { useTranslations } from "next-intl";
import type { DeliveryState } from "@/lib/newspapers/rules";

const STYLE: Record<DeliveryState, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  DELIVERED: "bg-emerald-100 text-emerald-800",
  HELD: "bg-amber-100 text-amber-900",
  PICKED_UP: "bg-sky-100 text-sky-800",
  SHORT: "bg-red-100 text-red-800",
};

export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  const t = useTranslations("newspapers");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs whitespace-nowrap ${STYLE[state]}`}>{t(`states.${state}`)}</span>;
}
