-- CreateIndex
CREATE INDEX "Inspection_siteId_periodKey_idx" ON "Inspection"("siteId", "periodKey");

-- CreateIndex
CREATE INDEX "Meeting_date_startsAt_idx" ON "Meeting"("date" DESC, "startsAt" DESC);
