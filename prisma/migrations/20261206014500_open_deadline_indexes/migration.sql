-- R-CMP-5: the dashboard's open deadlines (lib/complaints/dashboard.queries.ts openDeadlinesSql) are
-- read per site in due order from two partial, covering indexes: only open complaints are in them
-- (tens of thousands of a million rows), and they carry every column the counts, the list and the
-- export read, so PostgreSQL answers from the index alone where the table's pages are all-visible.
-- Prisma's schema cannot express a partial index with INCLUDE: written here by hand and named in
-- tests/integration/schema-drift.test.ts (HAND_WRITTEN).

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Complaint_open_rectification_idx" ON "Complaint" ("siteId", "rectificationDueAt")
  INCLUDE ("id", "state", "departmentId", "tenantId", "unitId", "number", "severity", "category", "receivedAt", "rectificationDueProvisional")
  WHERE "state" IN ('RECEIVED', 'IN_RECTIFICATION');

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Complaint_open_revisit_idx" ON "Complaint" ("siteId", "revisitDueAt")
  INCLUDE ("id", "state", "departmentId", "tenantId", "unitId", "number", "severity", "category", "receivedAt", "revisitDueProvisional")
  WHERE "state" = 'RECTIFIED' AND "revisitDueAt" IS NOT NULL;
