-- CreateEnum
CREATE TYPE "GoodsDirection" AS ENUM ('IN', 'OUT');

-- CreateEnum
CREATE TYPE "GoodsPassState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'RELEASED');

-- CreateEnum
CREATE TYPE "PassAuthorization" AS ENUM ('SEAL', 'SIGNATORY');

-- CreateTable
CREATE TABLE "AuthorisedSignatory" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "position" VARCHAR(50),
    "phone" VARCHAR(30) NOT NULL,
    "certificateFileId" TEXT NOT NULL,
    "specimenFileId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorisedSignatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoadingRoute" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "LoadingRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HazardTerm" (
    "id" TEXT NOT NULL,
    "term" VARCHAR(30) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HazardTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodsPass" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "direction" "GoodsDirection" NOT NULL,
    "carrierName" VARCHAR(50) NOT NULL,
    "carrierIdLast4" VARCHAR(4) NOT NULL,
    "routeId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "notes" VARCHAR(500),
    "authorization" "PassAuthorization",
    "sealPhotoFileId" TEXT,
    "signatoryId" TEXT,
    "signatureFileId" TEXT,
    "signatureCheckedById" TEXT,
    "state" "GoodsPassState" NOT NULL DEFAULT 'PENDING',
    "number" VARCHAR(40),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "rejectedById" TEXT,
    "rejectedAt" TIMESTAMP(3),
    "rejectedReason" VARCHAR(500),
    "releasedById" TEXT,
    "releasedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GoodsPass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodsPassItem" (
    "id" TEXT NOT NULL,
    "passId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "quantity" DECIMAL(12,2) NOT NULL,
    "unit" VARCHAR(10) NOT NULL,
    "hazardous" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "GoodsPassItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodsPassCounter" (
    "siteId" TEXT NOT NULL,
    "day" VARCHAR(8) NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GoodsPassCounter_pkey" PRIMARY KEY ("siteId","day")
);

-- CreateIndex
CREATE INDEX "AuthorisedSignatory_tenantId_revokedAt_idx" ON "AuthorisedSignatory"("tenantId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoadingRoute_siteId_name_key" ON "LoadingRoute"("siteId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "HazardTerm_term_key" ON "HazardTerm"("term");

-- CreateIndex
CREATE UNIQUE INDEX "GoodsPass_requestId_key" ON "GoodsPass"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "GoodsPass_number_key" ON "GoodsPass"("number");

-- CreateIndex
CREATE INDEX "GoodsPass_siteId_windowStart_idx" ON "GoodsPass"("siteId", "windowStart");

-- CreateIndex
CREATE INDEX "GoodsPass_routeId_windowStart_windowEnd_idx" ON "GoodsPass"("routeId", "windowStart", "windowEnd");

-- CreateIndex
CREATE INDEX "GoodsPass_tenantId_createdAt_idx" ON "GoodsPass"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "GoodsPass_siteId_state_idx" ON "GoodsPass"("siteId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "GoodsPassItem_passId_position_key" ON "GoodsPassItem"("passId", "position");

-- AddForeignKey
ALTER TABLE "AuthorisedSignatory" ADD CONSTRAINT "AuthorisedSignatory_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorisedSignatory" ADD CONSTRAINT "AuthorisedSignatory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoadingRoute" ADD CONSTRAINT "LoadingRoute_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "LoadingRoute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPass" ADD CONSTRAINT "GoodsPass_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "AuthorisedSignatory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsPassItem" ADD CONSTRAINT "GoodsPassItem_passId_fkey" FOREIGN KEY ("passId") REFERENCES "GoodsPass"("id") ON DELETE CASCADE ON UPDATE CASCADE;
