import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { GoodsPassStateBadge } from "./goods-pass-state-badge";
import { BAR_END_MINUTE, BAR_START_MINUTE, type TimelineMove, type TimelineSite } from "@/lib/goods-passes/lists.queries";

const BAR_MINUTES = BAR_END_MINUTE - BAR_START_MINUTE;
const HOURS = Array.from({ length: BAR_MINUTES / 60 + 1 }, (_, i) => BAR_START_MINUTE / 60 + i);

const BLOCK_TONE: Record<TimelineMove["state"], string> = {
  // Not stamped yet: dashed, the slot is only asked for (R-GP-3).
  PENDING: "border border-dashed border-amber-500 bg-amber-50 text-amber-900",
  APPROVED: "border border-sky-700 bg-sky-600 text-white",
  RELEASED: "border border-emerald-700 bg-emerald-600 text-white",
  REJECTED: "border border-red-400 bg-red-50 text-red-800",
};

/** Where a move sits on the 07:00–22:00 bar, in percent; null when it lies entirely outside. */
function placement(move: TimelineMove): { left: number; width: number } | null {
  const start = Math.max(move.startMinute, BAR_START_MINUTE);
  const end = Math.min(move.endMinute, BAR_END_MINUTE);
  if (end <= start) return null;
  return { left: ((start - BAR_START_MINUTE) / BAR_MINUTES) * 100, width: ((end - start) / BAR_MINUTES) * 100 };
}

/**
 * R-GP-5: today's moves per loading route. The day bar is for the eye on a wide screen; the same
 * moves as a text list serve screen readers and phones.
 */
export async function TodayTimeline({ site, showSite }: { site: TimelineSite; showSite: boolean }) {
  const t = await getTranslations("goodsLists");
  const moveText = (m: TimelineMove) =>
    t("timeline.move", {
      start: m.startsBeforeToday ? `${t("timeline.fromYesterday")} ${m.startTime}` : m.startTime,
      end: m.endsAfterToday ? `${t("timeline.untilTomorrow")} ${m.endTime}` : m.endTime,
      direction: t(`directionsLong.${m.direction}`),
      tenant: m.tenantName,
      unit: m.unitCode,
      state: m.number ? `${t(`states.${m.state}`)} ${m.number}` : t(`states.${m.state}`),
    });
  return (
    <section aria-labelledby={`timeline-${site.id}`} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`timeline-${site.id}`} className="text-base font-semibold text-slate-900">
        {t("timeline.title")}
        {showSite ? ` · ${site.name}` : ""}
      </h2>
      <p className="mb-3 text-xs text-slate-500">{t("timeline.caption", { site: site.name, date: site.date })}</p>
      {site.routes.length === 0 ? <p className="text-sm text-slate-500">{t("timeline.noRoutes")}</p> : null}

      {site.routes.length > 0 ? (
        // The bar: hidden from assistive technology (the list below says the same) and on phones.
        <div aria-hidden className="hidden md:block">
          <div className="ml-32 flex justify-between text-[10px] text-slate-400">
            {HOURS.map((h) => (
              <span key={h} className="w-0 -translate-x-1/2 whitespace-nowrap">
                {h % 3 === 1 ? `${String(h).padStart(2, "0")}:00` : ""}
              </span>
            ))}
          </div>
          <ul className="flex flex-col gap-2">
            {site.routes.map((route) => (
              <li key={route.id} className="flex items-center gap-2">
                <span className="w-30 shrink-0 truncate text-sm text-slate-700">
                  {route.name}
                  {route.active ? "" : ` (${t("timeline.inactive")})`}
                </span>
                <div className="relative h-9 flex-1 rounded bg-slate-100">
                  {HOURS.slice(1, -1).map((h) => (
                    <span
                      key={h}
                      className="absolute inset-y-0 border-l border-slate-200"
                      style={{ left: `${((h * 60 - BAR_START_MINUTE) / BAR_MINUTES) * 100}%` }}
                    />
                  ))}
                  {route.moves.map((m) => {
                    const at = placement(m);
                    return at ? (
                      <Link
                        key={m.id}
                        href={`/goods-passes/${m.id}`}
                        tabIndex={-1}
                        title={moveText(m)}
                        className={`absolute inset-y-1 overflow-hidden rounded px-1 text-[11px] leading-7 whitespace-nowrap ${BLOCK_TONE[m.state]}`}
                        style={{ left: `${at.left}%`, width: `${at.width}%` }}
                      >
                        {m.direction === "OUT" ? "↑" : "↓"} {m.unitCode}
                      </Link>
                    ) : null;
                  })}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {/* The same moves as text: what phones show, and what screen readers read on any screen. */}
      <ul className="flex flex-col gap-3 md:sr-only">
        {site.routes.map((route) => (
          <li key={route.id}>
            <h3 className="text-sm font-medium text-slate-800">
              {t("timeline.moves", { route: route.name, count: route.moves.length })}
              {route.active ? "" : ` (${t("timeline.inactive")})`}
            </h3>
            {route.moves.length === 0 ? (
              <p className="text-sm text-slate-500">{t("timeline.free")}</p>
            ) : (
              // On a phone each move is a card to tap: the time first, then which way, the unit and the state.
              <ol className="mt-1 flex flex-col gap-1.5">
                {route.moves.map((m) => (
                  <li key={m.id}>
                    <Link
                      href={`/goods-passes/${m.id}`}
                      aria-label={moveText(m)}
                      className="flex min-h-11 items-center gap-3 rounded-md border border-slate-200 px-3 py-1.5 text-sm hover:bg-sky-50"
                    >
                      <span className="w-24 shrink-0 font-semibold text-slate-900 tabular-nums">
                        {m.startsBeforeToday ? "‹ " : ""}
                        {m.startTime}–{m.endTime}
                        {m.endsAfterToday ? " ›" : ""}
                      </span>
                      <span className="min-w-0 flex-1 truncate text-slate-700">
                        {m.direction === "OUT" ? "↑" : "↓"} {m.unitCode} · {m.tenantName}
                      </span>
                      <GoodsPassStateBadge state={m.state} />
                    </Link>
                    {placement(m) ? null : <span className="text-xs text-slate-600">{t("timeline.outsideBar")}</span>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
