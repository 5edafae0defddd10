import type { FoundItemState } from "@/lib/generated/prisma/enums";

const TONE: Record<FoundItemState | "DUE", string> = {
  REGISTERED: "bg-sky-100 text-sky-900",
  CLAIMED: "bg-emerald-100 text-emerald-900",
  DISPOSED: "bg-slate-100 text-slate-700",
  DUE: "bg-amber-100 text-amber-900",
};

/** An item's state as a coloured label (the text carries the meaning, colour only helps). */
export function FoundItemStateBadge({ state, label }: { state: FoundItemState | "DUE"; label: string }) {
  return (
    <span className={`badge ${TONE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
