import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { todayRounds, type RoundWindow } from "@/lib/inspections/queries";
import type { WindowState } from "@/lib/inspections/rules";

/** Colour per state (R-INS-4); the state is always written out too, never colour alone. */
const STATE_CLASS: Record<WindowState, string> = {
  done: "border-emerald-300 bg-emerald-50 text-emerald-900",
  due_now: "border-sky-600 bg-sky-600 text-white",
  upcoming: "border-slate-200 bg-white text-slate-500",
  missed: "border-red-300 bg-red-50 text-red-800",
};

/**
 * The supervisor's today page (their home), phone first: server-rendered links only, no client code.
 * One row of windows per area, grouped by building and floor.
 */
export default async function TodayRoundsPage() {
  const actor = await requirePagePermission("inspection:perform");
  const [t, sites] = await Promise.all([getTranslations("inspections"), todayRounds()]);
  const windowLabel = (w: RoundWindow) =>
    w.slot === null
      ? t("month", { month: w.periodKey })
      : `${t("slot", { slot: w.slot })} ${t("slotTime", { start: w.startLocal, end: w.endLocal })}`;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {!actor.duty ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("noDuty")}</p> : null}
      {actor.duty && sites.every((s) => s.groups.length === 0 && !s.noRoundsToday) ? (
        <p className="text-sm text-slate-600">{t("noAreas")}</p>
      ) : null}
      {sites
        .filter((s) => s.groups.length > 0 || s.noRoundsToday)
        .map((site) => (
          <section key={site.id} aria-labelledby={`site-${site.id}`} className="mb-6" data-testid={`rounds-${site.code}`}>
            <h2 id={`site-${site.id}`} className="mb-2 text-lg font-medium">
              {t("siteToday", { site: site.name, date: site.today })}
            </h2>
            {/* R-INS-1: said once for the site, not once per area. */}
            {site.noRoundsToday ? (
              <p className="mb-3 rounded-md bg-slate-100 p-3 text-sm text-slate-700" data-testid="no-rounds-today">
                {t("noRoundsToday")}
              </p>
            ) : null}
            {site.groups.map((group) => (
              <section
                key={`${group.building}|${group.floor}`}
                className="mb-4"
                aria-label={t("buildingFloor", { building: group.building, floor: group.floor })}
              >
                <h3 className="mb-1 text-sm font-semibold text-slate-600">
                  {t("buildingFloor", { building: group.building, floor: group.floor })}
                </h3>
                <ul className="flex flex-col gap-2">
                  {group.areas.map((area) => (
                    <li key={area.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`area-${area.id}`}>
                      <p className="mb-2 font-medium">{area.name}</p>
                      <ul className="grid grid-cols-1 gap-2 min-[360px]:grid-cols-2">
                        {area.windows.map((w) => (
                          <li key={w.periodKey}>
                            <Link
                              href={w.inspectionId ? `/inspections/checks/${w.inspectionId}` : `/inspections/${area.id}/${w.slug}`}
                              aria-label={`${area.name} ${windowLabel(w)} ${t(`states.${w.state}`)}`}
                              data-state={w.state}
                              // Today's open checklists are kept for a dead signal (components/offline/warm-pages.tsx).
                              data-offline={w.state === "due_now" || w.state === "upcoming" ? "" : undefined}
                              className={`flex min-h-14 flex-col justify-center rounded-md border px-3 py-2 text-sm ${STATE_CLASS[w.state]}`}
                            >
                              <span>{windowLabel(w)}</span>
                              <span className="font-semibold">
                                {t(`states.${w.state}`)}
                                {w.failures ? ` · ${t("failuresN", { count: w.failures })}` : ""}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
    </>
  );
}
