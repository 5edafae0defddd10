-- CreateEnum
CREATE TYPE "CheckResult" AS ENUM ('PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "WorkOrderState" AS ENUM ('OPEN', 'FIXED', 'VERIFIED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ENGINEER';

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL,
    "areaType" "AreaType" NOT NULL,
    "version" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "equipment" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "periodKey" VARCHAR(16) NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionResult" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "result" "CheckResult" NOT NULL,
    "note" VARCHAR(500),
    "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "InspectionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" TEXT NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "siteId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "resultId" TEXT,
    "description" VARCHAR(1000) NOT NULL,
    "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "WorkOrderState" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fixedAt" TIMESTAMP(3),
    "fixedById" TEXT,
    "fixNote" VARCHAR(1000),
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" TEXT,
    "sentBackCount" INTEGER NOT NULL DEFAULT 0,
    "sentBackNote" VARCHAR(500),
    "complaintId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChecklistTemplate_areaType_current_idx" ON "ChecklistTemplate"("areaType", "current");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplate_areaType_version_key" ON "ChecklistTemplate"("areaType", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistItem_templateId_position_key" ON "ChecklistItem"("templateId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_requestId_key" ON "Inspection"("requestId");

-- CreateIndex
CREATE INDEX "Inspection_siteId_checkedAt_idx" ON "Inspection"("siteId", "checkedAt");

-- CreateIndex
CREATE INDEX "Inspection_supervisorId_checkedAt_idx" ON "Inspection"("supervisorId", "checkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_areaId_periodKey_key" ON "Inspection"("areaId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionResult_inspectionId_itemId_key" ON "InspectionResult"("inspectionId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_number_key" ON "WorkOrder"("number");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_resultId_key" ON "WorkOrder"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_complaintId_key" ON "WorkOrder"("complaintId");

-- CreateIndex
CREATE INDEX "WorkOrder_siteId_state_createdAt_idx" ON "WorkOrder"("siteId", "state", "createdAt");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionResult" ADD CONSTRAINT "InspectionResult_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionResult" ADD CONSTRAINT "InspectionResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "InspectionResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;
