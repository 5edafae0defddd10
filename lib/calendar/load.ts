import type { Prisma } from "@/lib/generated/prisma/client";
import { createCalendar, type Calendar } from "./calendar";
import { localDateOfColumn } from "./date-column";
import type { OfficialYearTable } from "./site-input";

/**
 * The calendars as stored (R-CAL-1): the one place that reads them from the database, through the
 * client it is given (the app's, a transaction, the seed's). The app calls `@/lib/calendar/store`,
 * which passes its own client; neither is exported from the pure `@/lib/calendar` index.
 */

/** The tables a calendar is read from. */
export type CalendarReader = Pick<Prisma.TransactionClient, "site" | "calendarOverride" | "officialCalendarDay" | "officialCalendarYear">;

/** Every year table a manager entered (company-wide: the State Council's table is national). */
export async function loadOfficialYears(db: CalendarReader): Promise<OfficialYearTable[]> {
  const days = await db.officialCalendarDay.findMany({
    select: { year: true, date: true, kind: true, name: true },
    orderBy: { date: "asc" },
  });
  const years = await db.officialCalendarYear.findMany({ select: { year: true } });
  return years.map(({ year }) => ({
    year,
    holidays: days
      .filter((d) => d.year === year && d.kind === "HOLIDAY")
      .map((d) => ({ date: localDateOfColumn(d.date), name: d.name ?? undefined })),
    workdays: days
      .filter((d) => d.year === year && d.kind === "WORKDAY")
      .map((d) => ({ date: localDateOfColumn(d.date), name: d.name ?? undefined })),
  }));
}

/**
 * The working-day calendars of several sites (R-CAL-1..2): statutory data + entered tables + each
 * site's overrides, in the site's time zone. A fixed number of queries whatever the number of sites.
 * Callers must already have checked that the user may see these sites.
 */
export async function loadSiteCalendars(db: CalendarReader, siteIds: string[]): Promise<Map<string, Calendar>> {
  const [sites, overrides, officialYears] = await Promise.all([
    db.site.findMany({ where: { id: { in: siteIds } }, select: { id: true, timeZone: true } }),
    db.calendarOverride.findMany({ where: { siteId: { in: siteIds } }, select: { siteId: true, date: true, kind: true } }),
    loadOfficialYears(db),
  ]);
  return new Map(
    sites.map((site) => [
      site.id,
      createCalendar({
        timeZone: site.timeZone,
        overrides: overrides.filter((o) => o.siteId === site.id).map((o) => ({ date: localDateOfColumn(o.date), kind: o.kind })),
        officialYears,
      }),
    ]),
  );
}
