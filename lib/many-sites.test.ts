import { describe, expect, it } from "vitest";
import { MANY_SITES, showsEachSite } from "./many-sites";

describe("pages for a user of many sites", () => {
  it("show each site's detail up to MANY_SITES sites, a summary above", () => {
    expect(showsEachSite(1)).toBe(true);
    expect(showsEachSite(MANY_SITES)).toBe(true);
    expect(showsEachSite(MANY_SITES + 1)).toBe(false);
    expect(showsEachSite(50)).toBe(false);
  });
});
