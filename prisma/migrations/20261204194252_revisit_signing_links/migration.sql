-- CreateEnum
CREATE TYPE "SigningPurpose" AS ENUM ('COMPLAINT_REVISIT');

-- AlterTable
ALTER TABLE "ComplaintRevisit" ADD COLUMN     "completedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SigningLink" (
    "id" TEXT NOT NULL,
    "purpose" "SigningPurpose" NOT NULL,
    "targetId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "SigningLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningLink_tokenHash_key" ON "SigningLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SigningLink_purpose_targetId_idx" ON "SigningLink"("purpose", "targetId");

-- AddForeignKey
ALTER TABLE "SigningLink" ADD CONSTRAINT "SigningLink_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningLink" ADD CONSTRAINT "SigningLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Revisits recorded before the client's signature was required everywhere counted as done when recorded.
UPDATE "ComplaintRevisit" SET "completedAt" = "revisitedAt" WHERE "completedAt" IS NULL;
