-- CreateEnum
CREATE TYPE "DailyNumberScope" AS ENUM ('COMPLAINT', 'WORK_ORDER', 'GOODS_PASS');

-- CreateTable
CREATE TABLE "DailyCounter" (
    "siteId" TEXT NOT NULL,
    "scope" "DailyNumberScope" NOT NULL,
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCounter_pkey" PRIMARY KEY ("siteId","scope","day")
);

-- Hand-written: the goods-pass counters move over, and the counters of complaints and work orders
-- (numbered by counting until now) start from the highest number already written on each site and
-- day. Same statement as syncDailyCounters in lib/daily-number.ts.
INSERT INTO "DailyCounter" ("siteId", "scope", "day", "last")
SELECT "siteId", 'GOODS_PASS', to_date("day", 'YYYYMMDD'), "last" FROM "GoodsPassCounter";

INSERT INTO "DailyCounter" ("siteId", "scope", "day", "last")
SELECT "siteId", "scope"::"DailyNumberScope", to_date(m[1], 'YYYYMMDD'), max(m[2]::int)
FROM (
  SELECT "siteId", 'COMPLAINT' AS "scope", regexp_match("number", '-(\d{8})-(\d+)$') AS m FROM "Complaint"
  UNION ALL
  SELECT "siteId", 'WORK_ORDER', regexp_match("number", '-(\d{8})-(\d+)$') FROM "WorkOrder"
  UNION ALL
  SELECT "siteId", 'GOODS_PASS', regexp_match("number", '-(\d{8})-(\d+)$') FROM "GoodsPass" WHERE "number" IS NOT NULL
) numbered
WHERE m IS NOT NULL
GROUP BY "siteId", "scope", m[1]
ON CONFLICT ("siteId", "scope", "day") DO UPDATE SET "last" = GREATEST("DailyCounter"."last", EXCLUDED."last");

-- DropTable
DROP TABLE "GoodsPassCounter";

-- Hand-written: a link to a complaint that does not exist could only be a broken one; drop it so the key can be added.
UPDATE "WorkOrder" w SET "complaintId" = NULL
WHERE "complaintId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Complaint" c WHERE c."id" = w."complaintId");

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
