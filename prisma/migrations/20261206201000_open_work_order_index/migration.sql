-- R-INS-5 on the managers' dashboard (lib/work-orders/dashboard.queries.ts openWorkOrderAges): the
-- oldest work orders engineering has not finished, of any of the reader's sites. Only the open and fixed
-- ones are in this index (hundreds of three years' tens of thousands), in the card's order, so the first
-- rows of the reader's sites are read from its start. With the site-first index the planner sorted every
-- open one of fifty sites, or scanned the table in parallel (10–57 ms a view on the scale data).
-- Prisma's schema cannot express a partial index: written here by hand and named in
-- tests/integration/schema-drift.test.ts (HAND_WRITTEN).

-- CreateIndex
CREATE INDEX IF NOT EXISTS "WorkOrder_unfinished_idx" ON "WorkOrder" ("createdAt", "number")
  INCLUDE ("siteId")
  WHERE "state" IN ('OPEN', 'FIXED');
