import { getTranslations } from "next-intl/server";
import { dayOfWeek } from "@/lib/calendar";

interface Day {
  date: string;
  working: boolean;
  provisional: boolean;
  source: string;
  name?: string;
  compensatory?: boolean;
}

/** A Monday-first month: working days white, days off grey, provisional days marked. */
export async function MonthGrid({ days, today }: { days: Day[]; today: string }) {
  const t = await getTranslations("calendar");
  const lead = (dayOfWeek(days[0].date) + 6) % 7;
  const weekdays = t("weekdays").split(",");
  return (
    <div>
      <div className="grid grid-cols-7 gap-1 text-center text-xs text-slate-500" aria-hidden>
        {weekdays.map((w) => (
          <div key={w}>{w}</div>
        ))}
      </div>
      <ol className="grid grid-cols-7 gap-1">
        {Array.from({ length: lead }, (_, i) => (
          <li key={`pad-${i}`} aria-hidden />
        ))}
        {days.map((d) => (
          <li
            key={d.date}
            data-testid={`day-${d.date}`}
            data-working={d.working}
            className={`min-h-14 rounded-md border p-1 text-xs ${d.working ? "border-slate-200 bg-white" : "border-slate-200 bg-slate-200 text-slate-600"} ${d.date === today ? "ring-2 ring-sky-500" : ""}`}
          >
            <span className="block text-sm font-medium">{Number(d.date.slice(8))}</span>
            <span className="sr-only">{d.working ? t("working") : t("off")}</span>
            {d.name ? <span className="block truncate">{d.name}</span> : null}
            {d.source === "override" ? <span className="block text-sky-700">{t("siteOverride")}</span> : null}
            {d.compensatory ? (
              <span className="block text-amber-700">{t(d.provisional ? "compensatoryProvisional" : "compensatory")}</span>
            ) : d.provisional ? (
              <span className="block text-amber-700">{t("provisionalShort")}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
