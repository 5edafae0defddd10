import { describe, expect, it } from "vitest";
import { MANY_SITES, SUMMARY_SITE_LINES, asksAllSites, showsEachSite, sitesInDetail, summaryLines, withAllSites } from "./many-sites";

describe("pages for a user of many sites", () => {
  it("show each site's detail up to MANY_SITES sites, a summary above", () => {
    expect(showsEachSite(1)).toBe(true);
    expect(showsEachSite(MANY_SITES)).toBe(true);
    expect(showsEachSite(MANY_SITES + 1)).toBe(false);
    expect(showsEachSite(50)).toBe(false);
  });
});

describe("sitesInDetail", () => {
  const many = Array.from({ length: MANY_SITES + 1 }, (_, i) => `s${i}`);
  it("shows the chosen site, one of the reader's", () => {
    expect(sitesInDetail("s3", many)).toEqual({ site: "s3", shown: ["s3"] });
  });
  it("shows every site of a reader of a few, none of a reader of many (one line per site)", () => {
    expect(sitesInDetail(undefined, ["a", "b"])).toEqual({ site: undefined, shown: ["a", "b"] });
    expect(sitesInDetail(undefined, many)).toEqual({ site: undefined, shown: [] });
  });
  it("treats a site that is not the reader's as none chosen", () => {
    expect(sitesInDetail("elsewhere", many)).toEqual({ site: undefined, shown: [] });
  });
});

describe("summaryLines", () => {
  it("shows the first ten sites (they come worst first) until every site is asked for", () => {
    expect(SUMMARY_SITE_LINES).toBe(10);
    const sites = Array.from({ length: 50 }, (_, i) => `z${String(i + 1).padStart(3, "0")}`);
    expect(summaryLines(sites, false)).toEqual({ lines: sites.slice(0, 10), hidden: 40, toggles: true });
    // Every site asked for: none hidden, and still the link back to the ten.
    expect(summaryLines(sites, true)).toEqual({ lines: sites, hidden: 0, toggles: true });
    // Nine sites (the least a summary has): all of them, nothing to ask for either way.
    expect(summaryLines(sites.slice(0, 9), false)).toEqual({ lines: sites.slice(0, 9), hidden: 0, toggles: false });
    expect(summaryLines(sites.slice(0, 9), true)).toEqual({ lines: sites.slice(0, 9), hidden: 0, toggles: false });
  });
});

describe("?sites=all", () => {
  it("is read from the page's parameters and written into its links, the filter kept", () => {
    expect(asksAllSites({ sites: "all" })).toBe(true);
    expect(asksAllSites({ sites: ["all", "all"] })).toBe(false);
    expect(asksAllSites({})).toBe(false);
    expect(withAllSites({ q: "x", site: undefined }, true)).toEqual({ q: "x", site: undefined, sites: "all" });
    expect(withAllSites({ q: "x" }, false)).toEqual({ q: "x", sites: undefined });
  });
});
