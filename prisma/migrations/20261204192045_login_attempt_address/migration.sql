-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "address" VARCHAR(64) NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "LoginAttempt_address_at_idx" ON "LoginAttempt"("address", "at");
