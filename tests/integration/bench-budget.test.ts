/**
 * The bench's verdict (scripts/bench/budget.ts): the growth check compares a page's pooled rate on
 * three years of data with its pooled rate on three months, so a drift between the two servers during
 * one run does not fail a page whose rate did not fall, and a page that did slow with its data still fails.
 */
import { describe, expect, it } from "vitest";
import { BUDGET, checkBudget, growthOf, pooledRate, type PageResult } from "../../scripts/bench/budget";

const baseline: PageResult = {
  name: "bare /dynamic",
  path: "/dynamic",
  user: "-",
  reqPerSec: 100,
  p50: 40,
  p99: 80,
  errors: 0,
  timeouts: 0,
  cpuMsPerRequest: 4,
  requests: 1000,
  status: 200,
  htmlBytes: 10_000,
  inlineScriptChars: 0,
  jsGzipBytes: 170_000,
};

function page(fields: Partial<PageResult>): PageResult {
  return { ...baseline, name: "gate lookup", path: "/gate", user: "scale.frontdesk", reqPerSec: 40, p99: 200, ...fields };
}

describe("pooledRate", () => {
  it("divides all the runs' requests by all their seconds", () => {
    expect(
      pooledRate([
        { requests: 824, seconds: 10 },
        { requests: 908, seconds: 10 },
      ]),
    ).toBe(86.6);
    expect(
      pooledRate([
        { requests: 300, seconds: 10 },
        { requests: 100, seconds: 5 },
      ]),
    ).toBe(26.7);
    expect(pooledRate([])).toBe(0);
  });
});

describe("the growth check", () => {
  it("reads the pooled three-year rate, not the single measured run", () => {
    // Session 20's gate lookup: 73.2 req/s in its measured run against 99.7 on three months (0.73×),
    // while driven alternately the two servers gave 82.4 + 90.8 against 87.1 + 80.0.
    const drifted = page({
      reqPerSec: 73.2,
      reqPerSecLong: pooledRate([
        { requests: 824, seconds: 10 },
        { requests: 908, seconds: 10 },
      ]),
      reqPerSecShort: pooledRate([
        { requests: 871, seconds: 10 },
        { requests: 800, seconds: 10 },
      ]),
    });
    expect(growthOf(drifted)).toBeGreaterThan(1);
    expect(checkBudget([drifted], baseline, 300, { enforceRatios: true }).failures.filter((f) => f.includes("three months"))).toEqual([]);
  });

  it("still fails a page whose rate fell with its data", () => {
    const slowed = page({ reqPerSec: 40, reqPerSecLong: 30, reqPerSecShort: 60 });
    expect(growthOf(slowed)).toBe(0.5);
    expect(checkBudget([slowed], baseline, 300, { enforceRatios: true }).failures).toContain(
      `gate lookup: 0.50× its req/s on three months (< ${BUDGET.minGrowthRatio})`,
    );
  });

  it("uses the measured run when there is no pooled rate (older results, the smoke run), and skips pages not compared", () => {
    expect(growthOf(page({ reqPerSec: 40, reqPerSecShort: 80 }))).toBe(0.5);
    expect(growthOf(page({ reqPerSecShort: null }))).toBeNull();
    // The smoke run enforces no ratio.
    expect(checkBudget([page({ reqPerSec: 1, reqPerSecShort: 80 })], baseline, 300, { enforceRatios: false }).ok).toBe(true);
  });
});
