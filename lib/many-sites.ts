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
