-- DropIndex
DROP INDEX "Complaint_tenantId_idx";

-- CreateIndex
CREATE INDEX "Complaint_receivedAt_idx" ON "Complaint"("receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_state_receivedAt_idx" ON "Complaint"("state", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_tenantId_receivedAt_idx" ON "Complaint"("tenantId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_unitId_receivedAt_idx" ON "Complaint"("unitId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "ComplaintRevisit_dueAt_idx" ON "ComplaintRevisit"("dueAt");
