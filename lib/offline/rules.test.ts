import { describe, expect, it } from "vitest";
import { localDateInZone } from "@/lib/calendar/local-date";
import { acceptedMadeAt, CLOCK_SKEW_MS } from "./rules";

const inShanghai = (d: Date) => localDateInZone(d, "Asia/Shanghai");
// 2026-12-05 15:00 in Shanghai.
const now = new Date("2026-12-05T07:00:00Z");

describe("acceptedMadeAt (offline items, issue 20)", () => {
  it("takes the server's clock for a live submit", () => {
    expect(acceptedMadeAt(undefined, now, inShanghai)).toEqual({ at: now });
  });

  it("believes a time earlier the same local day", () => {
    expect(acceptedMadeAt("2026-12-05T09:40:00+08:00", now, inShanghai).at?.toISOString()).toBe("2026-12-05T01:40:00.000Z");
    // 00:10 local is still the same day although it is the previous UTC day.
    expect(acceptedMadeAt("2026-12-04T16:10:00Z", now, inShanghai).at?.toISOString()).toBe("2026-12-04T16:10:00.000Z");
  });

  it("refuses a time on an earlier local day", () => {
    expect(acceptedMadeAt("2026-12-04T23:59:00+08:00", now, inShanghai)).toEqual({ problem: "madeOnEarlierDay" });
    expect(acceptedMadeAt("2020-01-01T00:00:00Z", now, inShanghai)).toEqual({ problem: "madeOnEarlierDay" });
  });

  it("refuses a time in the future beyond a small clock drift, and takes a drift as now", () => {
    expect(acceptedMadeAt(new Date(now.getTime() + CLOCK_SKEW_MS + 1000).toISOString(), now, inShanghai)).toEqual({
      problem: "madeInFuture",
    });
    expect(acceptedMadeAt(new Date(now.getTime() + 30_000).toISOString(), now, inShanghai)).toEqual({ at: now });
  });
});
