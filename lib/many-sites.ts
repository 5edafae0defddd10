/**
 * How pages behave for a user of many sites (a group's managers see fifty). Up to MANY_SITES sites in
 * view, a page shows each site's detail (every loading route's day, every waste stream); above it, and
 * with no site chosen, it shows one summary row per site (or only what needs attention) and the detail
 * once a site is chosen: fifty sites' timelines are no page to read, on a phone least of all, and cost
 * the server a megabyte of HTML per view (docs/performance.md).
 */
export const MANY_SITES = 8;

/** Whether a page shows each site's detail for `sitesInView` sites. */
export function showsEachSite(sitesInView: number): boolean {
  return sitesInView <= MANY_SITES;
}

/**
 * The site a page's filter names, when it is one of the reader's; otherwise none (all of theirs). A page
 * decides between the summary and the detail on this, never on the raw parameter: a link to a site the
 * reader does not have (another manager's, or one since taken away) shows the summary, not every site's
 * detail.
 */
export function chosenSite(requested: string | undefined, siteIds: readonly string[]): string | undefined {
  return requested && siteIds.includes(requested) ? requested : undefined;
}

/**
 * The sites whose detail a page shows: the chosen one (one of the reader's), else all of them for a reader
 * of a few, else none (the page shows one line per site).
 */
export function sitesInDetail(requested: string | undefined, siteIds: readonly string[]): { site: string | undefined; shown: string[] } {
  const site = chosenSite(requested, siteIds);
  return { site, shown: site ? [site] : showsEachSite(siteIds.length) ? [...siteIds] : [] };
}

/**
 * How many sites' lines a summary table shows, those needing attention first (the caller's order), until
 * the reader asks for every site (`?sites=all`): the sites that need attention are on the first screen of
 * a phone, and fifty lines were about a quarter of such a page's server time (docs/performance.md).
 */
export const SUMMARY_SITE_LINES = 10;

/**
 * A summary table's lines: the first SUMMARY_SITE_LINES of `rows` (which come worst first), or all of them;
 * `toggles` when there are more sites than that, so that the page links to the other choice.
 */
export function summaryLines<T>(rows: readonly T[], all: boolean): { lines: T[]; hidden: number; toggles: boolean } {
  const lines = all ? [...rows] : rows.slice(0, SUMMARY_SITE_LINES);
  return { lines, hidden: rows.length - lines.length, toggles: rows.length > SUMMARY_SITE_LINES };
}

/** Whether the reader asked for every site's line of a summary (`?sites=all`). */
export function asksAllSites(sp: { sites?: string | string[] }): boolean {
  return sp.sites === "all";
}

/** A page's link parameters with the summary's choice in them (for the toggle and the pagination). */
export function withAllSites<P extends Record<string, string | undefined>>(params: P, all: boolean): P & { sites?: string } {
  return { ...params, sites: all ? "all" : undefined };
}
