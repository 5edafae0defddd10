import "server-only";
import { createCalendar, type Calendar, type OfficialYearTable } from "@/lib/calendar";
import { db } from "@/lib/db";

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** Every year table a manager entered (company-wide: the State Council's table is national). */
export async function loadOfficialYears(): Promise<OfficialYearTable[]> {
  const days = await db.officialCalendarDay.findMany({
    select: { year: true, date: true, kind: true, name: true },
    orderBy: { date: "asc" },
  });
  const years = await db.officialCalendarYear.findMany({ select: { year: true } });
  return years.map(({ year }) => ({
    year,
    holidays: days
      .filter((d) => d.year === year && d.kind === "HOLIDAY")
      .map((d) => ({ date: dateOnly(d.date), name: d.name ?? undefined })),
    workdays: days
      .filter((d) => d.year === year && d.kind === "WORKDAY")
      .map((d) => ({ date: dateOnly(d.date), name: d.name ?? undefined })),
  }));
}

/**
 * The working-day calendars of several sites (R-CAL-1..2): statutory data + entered tables + each
 * site's overrides, in the site's time zone. A fixed number of queries whatever the number of sites.
 * Callers must already have checked that the user may see these sites.
 */
export async function loadSiteCalendars(siteIds: string[]): Promise<Map<string, Calendar>> {
  const [sites, overrides, officialYears] = await Promise.all([
    db.site.findMany({ where: { id: { in: siteIds } }, select: { id: true, timeZone: true } }),
    db.calendarOverride.findMany({ where: { siteId: { in: siteIds } }, select: { siteId: true, date: true, kind: true } }),
    loadOfficialYears(),
  ]);
  return new Map(
    sites.map((site) => [
      site.id,
      createCalendar({
        timeZone: site.timeZone,
        overrides: overrides.filter((o) => o.siteId === site.id).map((o) => ({ date: dateOnly(o.date), kind: o.kind })),
        officialYears,
      }),
    ]),
  );
}
