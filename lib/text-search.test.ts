import { describe, expect, it } from "vitest";
import { containsText } from "./text-search";

describe("containsText", () => {
  it("compares terms with cased letters in any case", () => {
    expect(containsText("u-a")).toEqual({ contains: "u-a", mode: "insensitive" });
    expect(containsText("B-0710")).toEqual({ contains: "B-0710", mode: "insensitive" });
    expect(containsText("Ωμέγα")).toEqual({ contains: "Ωμέγα", mode: "insensitive" });
  });

  it("compares terms without cased letters as they are (LIKE: the same rows, cheaper)", () => {
    expect(containsText("信科贸易")).toEqual({ contains: "信科贸易" });
    expect(containsText("0710")).toEqual({ contains: "0710" });
    expect(containsText("华盛 · 3号")).toEqual({ contains: "华盛 · 3号" });
  });
});
