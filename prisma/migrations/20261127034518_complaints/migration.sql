-- CreateEnum
CREATE TYPE "ComplaintSeverity" AS ENUM ('MAJOR', 'GENERAL');

-- CreateEnum
CREATE TYPE "ComplaintSource" AS ENUM ('PHONE', 'VISIT', 'ONLINE', 'INSPECTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintCategory" AS ENUM ('CLEANING', 'REPAIR', 'SECURITY', 'CATERING', 'NOISE', 'PARKING', 'SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintState" AS ENUM ('RECEIVED', 'IN_RECTIFICATION', 'RECTIFIED', 'REVISITED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RevisitMethod" AS ENUM ('VISIT', 'PHONE');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateEnum
CREATE TYPE "FileKind" AS ENUM ('PHOTO', 'SIGNATURE');

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "unitId" TEXT,
    "departmentId" TEXT NOT NULL,
    "source" "ComplaintSource" NOT NULL,
    "category" "ComplaintCategory" NOT NULL,
    "severity" "ComplaintSeverity" NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "backdated" BOOLEAN NOT NULL DEFAULT false,
    "receivedById" TEXT NOT NULL,
    "state" "ComplaintState" NOT NULL DEFAULT 'RECEIVED',
    "round" INTEGER NOT NULL DEFAULT 1,
    "rectificationDueAt" TIMESTAMP(3) NOT NULL,
    "rectificationDueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "rectifiedAt" TIMESTAMP(3),
    "revisitDueAt" TIMESTAMP(3),
    "revisitDueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "revisitedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintRectification" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "startedById" TEXT,
    "rectifiedAt" TIMESTAMP(3),
    "rectifiedById" TEXT,
    "actionTaken" VARCHAR(2000),

    CONSTRAINT "ComplaintRectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintRevisit" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "method" "RevisitMethod" NOT NULL,
    "revisitedAt" TIMESTAMP(3) NOT NULL,
    "satisfaction" "Satisfaction" NOT NULL,
    "clientName" VARCHAR(50) NOT NULL,
    "comments" VARCHAR(1000),
    "signatureFileId" TEXT,
    "signedAt" TIMESTAMP(3),
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintRevisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintPhoto" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "rectificationId" TEXT,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "ComplaintPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "FileKind" NOT NULL,
    "contentType" VARCHAR(50) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "siteId" TEXT,
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(1000),
    "link" VARCHAR(200),
    "dedupeKey" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_requestId_key" ON "Complaint"("requestId");

-- CreateIndex
CREATE INDEX "Complaint_siteId_state_rectificationDueAt_idx" ON "Complaint"("siteId", "state", "rectificationDueAt");

-- CreateIndex
CREATE INDEX "Complaint_siteId_state_revisitDueAt_idx" ON "Complaint"("siteId", "state", "revisitDueAt");

-- CreateIndex
CREATE INDEX "Complaint_siteId_receivedAt_idx" ON "Complaint"("siteId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_departmentId_state_idx" ON "Complaint"("departmentId", "state");

-- CreateIndex
CREATE INDEX "Complaint_tenantId_idx" ON "Complaint"("tenantId");

-- CreateIndex
CREATE INDEX "ComplaintRectification_dueAt_idx" ON "ComplaintRectification"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintRectification_complaintId_round_key" ON "ComplaintRectification"("complaintId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintRevisit_signatureFileId_key" ON "ComplaintRevisit"("signatureFileId");

-- CreateIndex
CREATE INDEX "ComplaintRevisit_revisitedAt_idx" ON "ComplaintRevisit"("revisitedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintRevisit_complaintId_round_key" ON "ComplaintRevisit"("complaintId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintPhoto_fileId_key" ON "ComplaintPhoto"("fileId");

-- CreateIndex
CREATE INDEX "ComplaintPhoto_complaintId_idx" ON "ComplaintPhoto"("complaintId");

-- CreateIndex
CREATE INDEX "StoredFile_siteId_createdAt_idx" ON "StoredFile"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_sha256_idx" ON "StoredFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRectification" ADD CONSTRAINT "ComplaintRectification_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRevisit" ADD CONSTRAINT "ComplaintRevisit_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRevisit" ADD CONSTRAINT "ComplaintRevisit_signatureFileId_fkey" FOREIGN KEY ("signatureFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRevisit" ADD CONSTRAINT "ComplaintRevisit_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintPhoto" ADD CONSTRAINT "ComplaintPhoto_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintPhoto" ADD CONSTRAINT "ComplaintPhoto_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "ComplaintRectification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintPhoto" ADD CONSTRAINT "ComplaintPhoto_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
