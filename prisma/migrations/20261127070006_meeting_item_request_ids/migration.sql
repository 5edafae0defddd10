-- Idempotency keys for action items and amendments (a double tap or replay adds once).
-- Rows made before this migration get their own id as key, then the column becomes required.
ALTER TABLE "MeetingActionItem" ADD COLUMN "requestId" VARCHAR(64);
UPDATE "MeetingActionItem" SET "requestId" = "id" WHERE "requestId" IS NULL;
ALTER TABLE "MeetingActionItem" ALTER COLUMN "requestId" SET NOT NULL;

ALTER TABLE "MeetingAmendment" ADD COLUMN "requestId" VARCHAR(64);
UPDATE "MeetingAmendment" SET "requestId" = "id" WHERE "requestId" IS NULL;
ALTER TABLE "MeetingAmendment" ALTER COLUMN "requestId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingActionItem_requestId_key" ON "MeetingActionItem"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAmendment_requestId_key" ON "MeetingAmendment"("requestId");
