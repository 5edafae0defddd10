"use client";

import { useTranslations } from "next-intl";
import type { DayChange, DayOfWeek } from "@/lib/calendar";

export type PreviewedChange = DayChange & { weekday: DayOfWeek };

/** What saving a year table changes, day by day, against the calendar in force (R-CAL-1). */
export function OfficialYearPreview({ year, changes }: { year: number; changes: PreviewedChange[] }) {
  const t = useTranslations("calendar");
  const weekdays = t("weekdays").split(","); // Monday first
  const label = (state: DayChange["before"]) =>
    [
      state.working ? t("working") : t("off"),
      state.name,
      state.compensatory ? t("compensatory") : undefined,
      state.provisional ? t("provisionalShort") : undefined,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <section data-testid={`preview-${year}`} aria-live="polite" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <h3 className="font-medium">{t("previewTitle", { count: changes.length })}</h3>
      {changes.length === 0 ? (
        <p>{t("previewNone")}</p>
      ) : (
        <ul className="my-2 max-h-64 overflow-y-auto font-mono text-xs">
          {changes.map((change) => (
            <li key={change.date} data-testid={`change-${change.date}`}>
              {t("change", {
                date: change.date,
                weekday: weekdays[(change.weekday + 6) % 7],
                before: label(change.before),
                after: label(change.after),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="text-slate-700">{t("previewEffect", { year })}</p>
    </section>
  );
}
