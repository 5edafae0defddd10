import { describe, expect, it } from "vitest";
import { MANY_SITES, showsEachSite, sitesInDetail } from "./many-sites";

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
