-- DropIndex
DROP INDEX "WasteClearance_siteId_stream_clearedOn_idx";

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at" DESC);

-- CreateIndex
CREATE INDEX "GoodsPass_windowStart_createdAt_id_idx" ON "GoodsPass"("windowStart" DESC, "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "WasteClearance_siteId_stream_clearedOn_createdAt_idx" ON "WasteClearance"("siteId", "stream", "clearedOn", "createdAt");

-- CreateIndex
CREATE INDEX "WasteClearance_clearedOn_createdAt_idx" ON "WasteClearance"("clearedOn" DESC, "createdAt" DESC);

-- R-GP-5: a window ends after it starts and lasts at most one day (lib/goods-passes/rules.ts
-- checkWindow). Overlap queries rely on it to bound windowStart below (earliestOpenStart), whoever wrote the row.
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_window_length" CHECK ("windowEnd" > "windowStart" AND "windowEnd" <= "windowStart" + interval '1 day');
