-- CreateEnum
CREATE TYPE "ContractorKind" AS ENUM ('CLEANING', 'CATERING');

-- CreateEnum
CREATE TYPE "CanteenCheckItem" AS ENUM ('RAW_COOKED_APART', 'TABLEWARE_DISINFECTED', 'SERVING_ROOM_CLEAN', 'DINING_AREA_CLEAN', 'STAIRS_RAILINGS_CLEAN', 'LEFTOVERS_CLEARED', 'PEST_CONTROL', 'STAFF_KEPT_OUT_OF_OFFICES', 'FRIENDLY_SERVICE');

-- CreateEnum
CREATE TYPE "CanteenResolution" AS ENUM ('NONE', 'CORRECTED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "CanteenDocKind" AS ENUM ('WEEKLY_MENU', 'WEEKLY_SUMMARY');

-- CreateEnum
CREATE TYPE "ContractorViolationKind" AS ENUM ('LATE_OR_EARLY_LEAVE', 'ABSENT_FROM_POST', 'UNRELATED_WORK', 'NO_UNIFORM_OR_BADGE', 'IMPOLITE', 'ACCEPTED_MONEY_OR_GOODS', 'DISOBEDIENCE', 'TOOLS_LOST_OR_DAMAGED', 'GARBAGE_ROOM_SMOKING_OR_FIRE', 'GARBAGE_ROOM_HAZARDOUS_STORAGE', 'GARBAGE_ROOM_OVERNIGHT', 'GUEST_PROPERTY_KEPT', 'ENTERED_OFFICES', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FileEntity" ADD VALUE 'HEALTH_CERTIFICATE';
ALTER TYPE "FileEntity" ADD VALUE 'CANTEEN_CHECK';
ALTER TYPE "FileEntity" ADD VALUE 'CANTEEN_WEEKLY_DOC';
ALTER TYPE "FileEntity" ADD VALUE 'CONTRACTOR_VIOLATION';

-- AlterTable
ALTER TABLE "Cleaner" ADD COLUMN     "badgeNo" VARCHAR(30),
ADD COLUMN     "contractorId" TEXT,
ADD COLUMN     "post" VARCHAR(30),
ADD COLUMN     "workArea" VARCHAR(60),
ADD COLUMN     "workingHours" VARCHAR(30);

-- CreateTable
CREATE TABLE "Contractor" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "ContractorKind" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "contractStart" DATE NOT NULL,
    "contractEnd" DATE NOT NULL,
    "contactName" VARCHAR(50) NOT NULL,
    "contactPhone" VARCHAR(30) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contractor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCertificate" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "cleanerId" TEXT NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanteenCheck" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "checkedOn" DATE NOT NULL,
    "checkedById" TEXT NOT NULL,
    "breakfastKinds" INTEGER NOT NULL,
    "lunchMainDishes" INTEGER NOT NULL,
    "lunchStaples" INTEGER NOT NULL,
    "dinnerKinds" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "expiredCertificates" TEXT[],
    "resolution" "CanteenResolution" NOT NULL DEFAULT 'NONE',
    "resolutionNote" VARCHAR(500),
    "cateringFeedback" VARCHAR(500),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CanteenCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanteenCheckResult" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "item" "CanteenCheckItem" NOT NULL,
    "result" "CheckResult" NOT NULL,
    "note" VARCHAR(500),
    "photoFileIds" TEXT[],

    CONSTRAINT "CanteenCheckResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanteenWeeklyDoc" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "CanteenDocKind" NOT NULL,
    "weekStart" DATE NOT NULL,
    "text" VARCHAR(4000),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CanteenWeeklyDoc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractorTraining" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "contractorId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "trainer" VARCHAR(50) NOT NULL,
    "content" VARCHAR(2000) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractorTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractorTrainingAttendee" (
    "trainingId" TEXT NOT NULL,
    "cleanerId" TEXT NOT NULL,

    CONSTRAINT "ContractorTrainingAttendee_pkey" PRIMARY KEY ("trainingId","cleanerId")
);

-- CreateTable
CREATE TABLE "ContractorViolation" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "contractorId" TEXT NOT NULL,
    "cleanerId" TEXT,
    "kind" "ContractorViolationKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "chargeAmount" DECIMAL(10,2),
    "response" VARCHAR(1000),
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractorViolation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HealthCertificate_requestId_key" ON "HealthCertificate"("requestId");

-- CreateIndex
CREATE INDEX "Contractor_siteId_kind_idx" ON "Contractor"("siteId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Contractor_siteId_name_key" ON "Contractor"("siteId", "name");

-- CreateIndex
CREATE INDEX "HealthCertificate_cleanerId_expiresOn_idx" ON "HealthCertificate"("cleanerId", "expiresOn");

-- CreateIndex
CREATE INDEX "HealthCertificate_siteId_expiresOn_idx" ON "HealthCertificate"("siteId", "expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "CanteenCheck_requestId_key" ON "CanteenCheck"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CanteenCheck_siteId_checkedOn_key" ON "CanteenCheck"("siteId", "checkedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CanteenCheckResult_checkId_item_key" ON "CanteenCheckResult"("checkId", "item");

-- CreateIndex
CREATE UNIQUE INDEX "CanteenWeeklyDoc_requestId_key" ON "CanteenWeeklyDoc"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CanteenWeeklyDoc_siteId_kind_weekStart_key" ON "CanteenWeeklyDoc"("siteId", "kind", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "ContractorTraining_requestId_key" ON "ContractorTraining"("requestId");

-- CreateIndex
CREATE INDEX "ContractorTraining_siteId_heldOn_idx" ON "ContractorTraining"("siteId", "heldOn");

-- CreateIndex
CREATE INDEX "ContractorTrainingAttendee_cleanerId_idx" ON "ContractorTrainingAttendee"("cleanerId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractorViolation_requestId_key" ON "ContractorViolation"("requestId");

-- CreateIndex
CREATE INDEX "ContractorViolation_siteId_occurredOn_idx" ON "ContractorViolation"("siteId", "occurredOn");

-- CreateIndex
CREATE INDEX "ContractorViolation_contractorId_occurredOn_idx" ON "ContractorViolation"("contractorId", "occurredOn");

-- CreateIndex
CREATE INDEX "Cleaner_contractorId_idx" ON "Cleaner"("contractorId");

-- AddForeignKey
ALTER TABLE "Cleaner" ADD CONSTRAINT "Cleaner_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Contractor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contractor" ADD CONSTRAINT "Contractor_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCertificate" ADD CONSTRAINT "HealthCertificate_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCertificate" ADD CONSTRAINT "HealthCertificate_cleanerId_fkey" FOREIGN KEY ("cleanerId") REFERENCES "Cleaner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CanteenCheck" ADD CONSTRAINT "CanteenCheck_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CanteenCheckResult" ADD CONSTRAINT "CanteenCheckResult_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "CanteenCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CanteenWeeklyDoc" ADD CONSTRAINT "CanteenWeeklyDoc_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorTraining" ADD CONSTRAINT "ContractorTraining_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorTraining" ADD CONSTRAINT "ContractorTraining_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Contractor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorTrainingAttendee" ADD CONSTRAINT "ContractorTrainingAttendee_trainingId_fkey" FOREIGN KEY ("trainingId") REFERENCES "ContractorTraining"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorTrainingAttendee" ADD CONSTRAINT "ContractorTrainingAttendee_cleanerId_fkey" FOREIGN KEY ("cleanerId") REFERENCES "Cleaner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorViolation" ADD CONSTRAINT "ContractorViolation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorViolation" ADD CONSTRAINT "ContractorViolation_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Contractor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorViolation" ADD CONSTRAINT "ContractorViolation_cleanerId_fkey" FOREIGN KEY ("cleanerId") REFERENCES "Cleaner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
