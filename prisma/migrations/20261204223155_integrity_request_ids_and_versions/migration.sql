-- AlterTable
ALTER TABLE "SigningLink" ADD COLUMN     "requestId" VARCHAR(64);

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "requestId" VARCHAR(64);

-- AlterTable
ALTER TABLE "ChatChannel" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "requestId" VARCHAR(64);

-- AlterTable
ALTER TABLE "LoadingRoute" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "MeetingParticipant" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "requestId" VARCHAR(64);

-- CreateTable
CREATE TABLE "HazardTermList" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HazardTermList_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningLink_requestId_key" ON "SigningLink"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_requestId_key" ON "StoredFile"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatChannel_requestId_key" ON "ChatChannel"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_requestId_key" ON "MeetingParticipant"("requestId");
