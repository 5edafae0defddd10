-- CreateEnum
CREATE TYPE "FoundItemState" AS ENUM ('REGISTERED', 'CLAIMED', 'DISPOSED');

-- CreateEnum
CREATE TYPE "IdDocumentType" AS ENUM ('ID_CARD', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'DRIVING_LICENCE', 'EMPLOYEE_BADGE', 'OTHER');

-- CreateEnum
CREATE TYPE "WasteStream" AS ENUM ('RECYCLABLE', 'NON_RECYCLABLE', 'BATTERIES', 'TONER', 'PACKAGING', 'HAZARDOUS');

-- CreateEnum
CREATE TYPE "WasteResponsible" AS ENUM ('CLEANING_CONTRACTOR', 'ENGINEERING', 'ADMIN_HR', 'PURCHASING', 'PROPERTY_CENTRE');

-- CreateEnum
CREATE TYPE "WasteUnit" AS ENUM ('KG', 'BAG', 'BIN', 'PIECE', 'BOX');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FileEntity" ADD VALUE 'FOUND_ITEM';
ALTER TYPE "FileEntity" ADD VALUE 'WASTE_CLEARANCE';

-- AlterEnum
ALTER TYPE "DailyNumberScope" ADD VALUE 'FOUND_ITEM';

-- CreateTable
CREATE TABLE "FoundItem" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "foundPlace" VARCHAR(100) NOT NULL,
    "foundAt" TIMESTAMP(3) NOT NULL,
    "foundOn" DATE NOT NULL,
    "foundByName" VARCHAR(50) NOT NULL,
    "keptAt" VARCHAR(100) NOT NULL,
    "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keepUntil" DATE NOT NULL,
    "state" "FoundItemState" NOT NULL DEFAULT 'REGISTERED',
    "registeredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimantName" VARCHAR(50),
    "claimantIdType" "IdDocumentType",
    "claimantIdLast4" VARCHAR(4),
    "claimSignatureFileId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "releasedById" TEXT,
    "disposalMethod" VARCHAR(100),
    "disposalWitnessName" VARCHAR(50),
    "disposalNote" VARCHAR(300),
    "disposedAt" TIMESTAMP(3),
    "disposedById" TEXT,

    CONSTRAINT "FoundItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FoundItemSetting" (
    "siteId" TEXT NOT NULL,
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FoundItemSetting_pkey" PRIMARY KEY ("siteId")
);

-- CreateTable
CREATE TABLE "WasteCollectionPoint" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "location" VARCHAR(100),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WasteCollectionPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WasteContainer" (
    "id" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "stream" "WasteStream" NOT NULL,
    "label" VARCHAR(60) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WasteContainer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WasteStreamSetting" (
    "siteId" TEXT NOT NULL,
    "stream" "WasteStream" NOT NULL,
    "responsible" "WasteResponsible" NOT NULL,
    "responsibleName" VARCHAR(50),
    "clearanceDays" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WasteStreamSetting_pkey" PRIMARY KEY ("siteId","stream")
);

-- CreateTable
CREATE TABLE "WasteClearance" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "stream" "WasteStream" NOT NULL,
    "clearedOn" DATE NOT NULL,
    "quantity" DECIMAL(10,2) NOT NULL,
    "unit" "WasteUnit" NOT NULL,
    "takenBy" VARCHAR(60) NOT NULL,
    "receiptFileId" TEXT,
    "note" VARCHAR(300),
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WasteClearance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FoundItem_requestId_key" ON "FoundItem"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "FoundItem_number_key" ON "FoundItem"("number");

-- CreateIndex
CREATE INDEX "FoundItem_siteId_state_foundOn_idx" ON "FoundItem"("siteId", "state", "foundOn");

-- CreateIndex
CREATE INDEX "FoundItem_siteId_state_keepUntil_idx" ON "FoundItem"("siteId", "state", "keepUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WasteCollectionPoint_siteId_name_key" ON "WasteCollectionPoint"("siteId", "name");

-- CreateIndex
CREATE INDEX "WasteContainer_siteId_stream_active_idx" ON "WasteContainer"("siteId", "stream", "active");

-- CreateIndex
CREATE UNIQUE INDEX "WasteContainer_pointId_label_key" ON "WasteContainer"("pointId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "WasteClearance_requestId_key" ON "WasteClearance"("requestId");

-- CreateIndex
CREATE INDEX "WasteClearance_siteId_stream_clearedOn_idx" ON "WasteClearance"("siteId", "stream", "clearedOn");

-- AddForeignKey
ALTER TABLE "FoundItem" ADD CONSTRAINT "FoundItem_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FoundItemSetting" ADD CONSTRAINT "FoundItemSetting_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WasteCollectionPoint" ADD CONSTRAINT "WasteCollectionPoint_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WasteContainer" ADD CONSTRAINT "WasteContainer_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "WasteCollectionPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WasteStreamSetting" ADD CONSTRAINT "WasteStreamSetting_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WasteClearance" ADD CONSTRAINT "WasteClearance_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
