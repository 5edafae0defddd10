import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import {
  addDays,
  localDateInZone,
  localDateOfColumn,
  makeLocalDate,
  packageCoversYear,
  provisionalDaysOff,
  yearOf,
  yearStatus,
  type LocalDate,
} from "@/lib/calendar";
import { db } from "@/lib/db";
import { loadOfficialYears, loadSiteCalendars } from "@/lib/calendar/store";
import { sitesWith } from "@/lib/registry/site.store";

export interface MonthDay {
  date: LocalDate;
  working: boolean;
  provisional: boolean;
  source: string;
  name?: string;
  /** A provisional 补假 day (the law's compensatory day off for a holiday on a weekend). */
  compensatory: boolean;
}

/** One site's month as the calendar page shows it, plus that site's overrides. */
export async function calendarMonth(siteId: string, month: string | undefined) {
  const actor = await requirePermission("calendar:read");
  if (!actor.siteIds.includes(siteId)) return null;
  const calendars = await loadSiteCalendars([siteId]);
  const calendar = calendars.get(siteId);
  if (!calendar) return null;
  const today = calendar.localDateOf(new Date());
  const [y, m] = /^\d{4}-\d{2}$/.test(month ?? "") ? month!.split("-").map(Number) : today.split("-").map(Number);
  const first = makeLocalDate(y, Math.min(Math.max(m, 1), 12), 1);
  const days: MonthDay[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
    const info = calendar.dayInfo(d);
    days.push({
      date: d,
      working: info.working,
      provisional: info.provisional,
      source: info.source,
      name: info.holidayName ?? info.makeUpFor,
      compensatory: info.compensatory === true,
    });
  }
  const overrides = await db.calendarOverride.findMany({
    where: { siteId },
    select: { id: true, date: true, kind: true, note: true, version: true },
    orderBy: { date: "desc" },
    take: 100,
  });
  return {
    today,
    month: first.slice(0, 7),
    days,
    overrides: overrides.map((o) => ({ ...o, date: localDateOfColumn(o.date) })),
  };
}

/** Status of the current and next years, and the entered tables (company-wide). */
export async function yearTables(today: LocalDate) {
  await requirePermission("calendar:read");
  const officialYears = await loadOfficialYears();
  const current = yearOf(today);
  const years = [current, current + 1].map((year) => ({
    year,
    status: yearStatus(year, officialYears),
    entered: officialYears.find((t) => t.year === year) ?? null,
    // The computed days off (holidays and 补假): the starting point a manager corrects when the official notice is out.
    provisional: packageCoversYear(year) ? [] : provisionalDaysOff(year),
  }));
  const references = await db.officialCalendarYear.findMany({ select: { year: true, reference: true } });
  return years.map((y) => ({ ...y, reference: references.find((r) => r.year === y.year)?.reference ?? null }));
}

/**
 * For the managers' banner: years that deadlines will soon depend on but that are still provisional.
 * "This year" is each of the user's sites' own year (R-CAL-2: the site's zone), so a site whose New
 * Year has not come yet still sees this year's status, and one already past it sees the next.
 */
export async function provisionalYearsAhead(siteIds: string[], now: Date = new Date()): Promise<number[]> {
  // The sites' zones from memory (lib/registry/site.store.ts), each zone's date once: this runs on every
  // page a manager opens, for up to fifty sites that mostly share one zone (it was a query of the
  // sites and fifty conversions, ~2 ms of CPU a page).
  const [sites, officialYears] = await Promise.all([sitesWith(siteIds, "timeZone"), loadOfficialYears()]);
  const years = new Set<number>();
  for (const timeZone of new Set(sites.map((s) => s.timeZone))) {
    const current = yearOf(localDateInZone(now, timeZone));
    years.add(current).add(current + 1);
  }
  return [...years].sort((a, b) => a - b).filter((year) => yearStatus(year, officialYears) === "provisional");
}
