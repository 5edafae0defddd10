-- CreateEnum
CREATE TYPE "ChatChannelKind" AS ENUM ('WECOM', 'DINGTALK', 'FEISHU', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "ChatDeliveryState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "ChatChannel" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "ChatChannelKind" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "urlEncrypted" VARCHAR(2000) NOT NULL,
    "urlHost" VARCHAR(255) NOT NULL,
    "secretEncrypted" VARCHAR(1000),
    "topics" TEXT[],
    "locale" VARCHAR(10) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastError" VARCHAR(1000),
    "lastErrorAt" TIMESTAMP(3),
    "lastSentAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatDelivery" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "topic" VARCHAR(40) NOT NULL,
    "dedupeKey" VARCHAR(300) NOT NULL,
    "message" JSONB NOT NULL,
    "state" "ChatDeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ChatDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatChannel_siteId_idx" ON "ChatChannel"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatDelivery_dedupeKey_key" ON "ChatDelivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "ChatDelivery_channelId_createdAt_idx" ON "ChatDelivery"("channelId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "ChatChannel" ADD CONSTRAINT "ChatChannel_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatDelivery" ADD CONSTRAINT "ChatDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "ChatChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
