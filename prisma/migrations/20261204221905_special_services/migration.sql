-- CreateEnum
CREATE TYPE "SpecialServiceOrderState" AS ENUM ('ORDERED', 'DONE', 'CLOSED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "FileEntity" ADD VALUE 'SPECIAL_SERVICE';

-- AlterEnum
ALTER TYPE "DailyNumberScope" ADD VALUE 'PAYMENT_NOTICE';

-- CreateTable
CREATE TABLE "SpecialService" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "unitLabel" VARCHAR(10) NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "description" VARCHAR(300),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecialService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecialServiceSetting" (
    "siteId" TEXT NOT NULL,
    "revisitWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecialServiceSetting_pkey" PRIMARY KEY ("siteId")
);

-- CreateTable
CREATE TABLE "SpecialServiceOrder" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "serviceName" VARCHAR(60) NOT NULL,
    "tenantId" TEXT NOT NULL,
    "unitId" TEXT,
    "agreedPriceFen" INTEGER NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "details" VARCHAR(500),
    "state" "SpecialServiceOrderState" NOT NULL DEFAULT 'ORDERED',
    "orderedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "performedBy" VARCHAR(50),
    "doneNotes" VARCHAR(1000),
    "photoFileIds" TEXT[],
    "doneRecordedById" TEXT,
    "noticeNumber" VARCHAR(40),
    "noticeDeliveredAt" TIMESTAMP(3),
    "noticeDeliveredTo" VARCHAR(50),
    "noticeDeliveredById" TEXT,
    "revisitDueAt" TIMESTAMP(3),
    "revisitDueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "revisitedAt" TIMESTAMP(3),
    "revisitById" TEXT,
    "revisitContact" VARCHAR(50),
    "revisitSatisfaction" "Satisfaction",
    "revisitAnswer" VARCHAR(1000),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" VARCHAR(200),

    CONSTRAINT "SpecialServiceOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpecialService_siteId_name_key" ON "SpecialService"("siteId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SpecialServiceOrder_requestId_key" ON "SpecialServiceOrder"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "SpecialServiceOrder_noticeNumber_key" ON "SpecialServiceOrder"("noticeNumber");

-- CreateIndex
CREATE INDEX "SpecialServiceOrder_siteId_state_scheduledAt_idx" ON "SpecialServiceOrder"("siteId", "state", "scheduledAt" DESC);

-- CreateIndex
CREATE INDEX "SpecialServiceOrder_siteId_state_revisitDueAt_idx" ON "SpecialServiceOrder"("siteId", "state", "revisitDueAt");

-- CreateIndex
CREATE INDEX "SpecialServiceOrder_tenantId_idx" ON "SpecialServiceOrder"("tenantId");

-- AddForeignKey
ALTER TABLE "SpecialService" ADD CONSTRAINT "SpecialService_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialServiceSetting" ADD CONSTRAINT "SpecialServiceSetting_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialServiceOrder" ADD CONSTRAINT "SpecialServiceOrder_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialServiceOrder" ADD CONSTRAINT "SpecialServiceOrder_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "SpecialService"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialServiceOrder" ADD CONSTRAINT "SpecialServiceOrder_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialServiceOrder" ADD CONSTRAINT "SpecialServiceOrder_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
