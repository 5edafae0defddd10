-- CreateEnum
CREATE TYPE "CleaningStep" AS ENUM ('PLAN_HEARD', 'LUNCH_CHECK', 'OPINIONS_HEARD', 'LAST_PATROL');

-- CreateEnum
CREATE TYPE "CleaningPlanKind" AS ENUM ('WEEKLY', 'MONTHLY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FileEntity" ADD VALUE 'CLEANING_PLAN';
ALTER TYPE "FileEntity" ADD VALUE 'CLEANING_DAMAGE';

-- CreateTable
CREATE TABLE "CleaningDay" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportSentAt" TIMESTAMP(3),
    "reportSentById" TEXT,
    "report" JSONB,
    "reportReadAt" TIMESTAMP(3),
    "reportReadById" TEXT,

    CONSTRAINT "CleaningDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleaningDayStep" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "dayId" TEXT NOT NULL,
    "step" "CleaningStep" NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "note" VARCHAR(1000),
    "ok" BOOLEAN,
    "restaffingNote" VARCHAR(500),

    CONSTRAINT "CleaningDayStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleaningOpinion" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "dayId" TEXT NOT NULL,
    "content" VARCHAR(1000) NOT NULL,
    "complaintId" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CleaningOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleaningDamage" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "dayId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CleaningDamage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleaningPlan" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "CleaningPlanKind" NOT NULL,
    "period" DATE NOT NULL,
    "content" VARCHAR(4000),
    "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dueAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL,
    "recordedById" TEXT NOT NULL,

    CONSTRAINT "CleaningPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleaningMonthlyReport" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "summary" VARCHAR(4000) NOT NULL,
    "nextMonthPlan" VARCHAR(4000) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL,
    "submittedById" TEXT NOT NULL,
    "instruction" VARCHAR(2000),
    "instructedAt" TIMESTAMP(3),
    "instructedById" TEXT,

    CONSTRAINT "CleaningMonthlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CleaningDay_siteId_reportSentAt_idx" ON "CleaningDay"("siteId", "reportSentAt");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningDay_siteId_date_key" ON "CleaningDay"("siteId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningDayStep_requestId_key" ON "CleaningDayStep"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningDayStep_dayId_step_key" ON "CleaningDayStep"("dayId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningOpinion_requestId_key" ON "CleaningOpinion"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningOpinion_complaintId_key" ON "CleaningOpinion"("complaintId");

-- CreateIndex
CREATE INDEX "CleaningOpinion_dayId_idx" ON "CleaningOpinion"("dayId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningDamage_requestId_key" ON "CleaningDamage"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningDamage_workOrderId_key" ON "CleaningDamage"("workOrderId");

-- CreateIndex
CREATE INDEX "CleaningDamage_dayId_idx" ON "CleaningDamage"("dayId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningPlan_requestId_key" ON "CleaningPlan"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningPlan_siteId_kind_period_key" ON "CleaningPlan"("siteId", "kind", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningMonthlyReport_requestId_key" ON "CleaningMonthlyReport"("requestId");

-- CreateIndex
CREATE INDEX "CleaningMonthlyReport_siteId_instructedAt_idx" ON "CleaningMonthlyReport"("siteId", "instructedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CleaningMonthlyReport_siteId_month_key" ON "CleaningMonthlyReport"("siteId", "month");

-- AddForeignKey
ALTER TABLE "CleaningDay" ADD CONSTRAINT "CleaningDay_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningDayStep" ADD CONSTRAINT "CleaningDayStep_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "CleaningDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningOpinion" ADD CONSTRAINT "CleaningOpinion_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "CleaningDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningDamage" ADD CONSTRAINT "CleaningDamage_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "CleaningDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningDamage" ADD CONSTRAINT "CleaningDamage_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningPlan" ADD CONSTRAINT "CleaningPlan_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleaningMonthlyReport" ADD CONSTRAINT "CleaningMonthlyReport_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
