-- DropIndex
DROP INDEX "VacantCleaningRecord_siteId_month_idx";

-- CreateIndex
CREATE INDEX "VacantCleaningRecord_siteId_month_unitId_state_substituteRe_idx" ON "VacantCleaningRecord"("siteId", "month", "unitId", "state", "substituteReason", "id");

-- CreateIndex
CREATE INDEX "VacantCleaningCheck_recordId_result_idx" ON "VacantCleaningCheck"("recordId", "result");
