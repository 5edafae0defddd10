/**
 * The plan capture of scripts/bench/plans.ts reads auto_explain's entries out of PostgreSQL's log: the
 * duration, the query text (which may span lines) and the plan, and nothing of the lines around them.
 */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../scripts/bench/plans";

const LOG = [
  `2026-12-07 06:20:01.100 UTC [123] postgres@kewu_scale LOG:  duration: 0.052 ms  statement: SELECT 1`,
  `2026-12-07 06:20:01.200 UTC [123] postgres@kewu_scale LOG:  duration: 4.535 ms  plan:`,
  `\tQuery Text: SELECT "t0"."id" FROM "public"."WorkOrder" AS "t0"`,
  `\t  WHERE "t0"."state" = $1 ORDER BY "t0"."createdAt" LIMIT $2`,
  `\tLimit  (cost=0.42..8.44 rows=20 width=32) (actual rows=20 loops=1)`,
  `\t  ->  Index Scan using "WorkOrder_open_idx" on "WorkOrder" t0  (cost=0.42..1000.00 rows=2400 width=32) (actual rows=20 loops=1)`,
  `\t        Index Cond: (state = 'OPEN'::"WorkOrderState")`,
  `2026-12-07 06:20:01.300 UTC [124] postgres@kewu_scale LOG:  duration: 0.080 ms  plan:`,
  `\tQuery Text: SELECT version FROM "CacheVersion" WHERE id = $1`,
  `\tIndex Scan using "CacheVersion_pkey" on "CacheVersion"  (cost=0.15..8.17 rows=1 width=8) (actual rows=1 loops=1)`,
  `2026-12-07 06:20:01.400 UTC [125] LOG:  checkpoint starting: time`,
  ``,
].join("\n");

describe("parsePlans", () => {
  it("reads each auto_explain entry's duration, query and plan", () => {
    const plans = parsePlans(LOG);
    expect(plans).toHaveLength(2);
    expect(plans[0]).toEqual({
      ms: 4.535,
      query: `SELECT "t0"."id" FROM "public"."WorkOrder" AS "t0" WHERE "t0"."state" = $1 ORDER BY "t0"."createdAt" LIMIT $2`,
      plan: [
        `Limit  (cost=0.42..8.44 rows=20 width=32) (actual rows=20 loops=1)`,
        `  ->  Index Scan using "WorkOrder_open_idx" on "WorkOrder" t0  (cost=0.42..1000.00 rows=2400 width=32) (actual rows=20 loops=1)`,
        `        Index Cond: (state = 'OPEN'::"WorkOrderState")`,
      ].join("\n"),
    });
    expect(plans[1].ms).toBe(0.08);
    expect(plans[1].plan).toMatch(/^Index Scan using "CacheVersion_pkey"/);
  });
});
