-- CreateEnum
CREATE TYPE "SurveyRoundState" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyItemState" AS ENUM ('SUMMARISED', 'DELIVERED', 'ANSWERED', 'RECTIFIED', 'REVISITED');

-- CreateEnum
CREATE TYPE "SurveyResponseChannel" AS ENUM ('PAPER', 'LINK');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SigningPurpose" ADD VALUE 'SURVEY_RESPONSE';
ALTER TYPE "SigningPurpose" ADD VALUE 'SURVEY_REVISIT';

-- AlterEnum
ALTER TYPE "FileEntity" ADD VALUE 'SURVEY_ITEM';

-- CreateTable
CREATE TABLE "SurveyQuestionnaire" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyQuestionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(200) NOT NULL,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRound" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "state" "SurveyRoundState" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "building" VARCHAR(50),
    "channel" "SurveyResponseChannel",
    "respondentName" VARCHAR(50),
    "opinion" VARCHAR(1000),
    "submittedAt" TIMESTAMP(3),
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateTable
CREATE TABLE "SurveyOpinionItem" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "summary" VARCHAR(1000) NOT NULL,
    "state" "SurveyItemState" NOT NULL DEFAULT 'SUMMARISED',
    "summarisedAt" TIMESTAMP(3) NOT NULL,
    "summarisedById" TEXT NOT NULL,
    "deliveryDueAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "deliveredTo" VARCHAR(50),
    "deliveredById" TEXT,
    "answerDueAt" TIMESTAMP(3),
    "measures" VARCHAR(2000),
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "rectifiedAt" TIMESTAMP(3),
    "rectificationNote" VARCHAR(1000),
    "rectifiedById" TEXT,
    "revisitDueAt" TIMESTAMP(3),
    "revisitedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyOpinionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRevisit" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "method" "RevisitMethod" NOT NULL,
    "revisitedAt" TIMESTAMP(3) NOT NULL,
    "satisfaction" "Satisfaction" NOT NULL,
    "clientName" VARCHAR(50) NOT NULL,
    "comments" VARCHAR(1000),
    "signatureFileId" TEXT,
    "signedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyRevisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestionnaire_version_key" ON "SurveyQuestionnaire"("version");

-- CreateIndex
CREATE INDEX "SurveyQuestionnaire_current_idx" ON "SurveyQuestionnaire"("current");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_questionnaireId_position_key" ON "SurveyQuestion"("questionnaireId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRound_requestId_key" ON "SurveyRound"("requestId");

-- CreateIndex
CREATE INDEX "SurveyRound_siteId_periodStart_idx" ON "SurveyRound"("siteId", "periodStart" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRound_siteId_title_key" ON "SurveyRound"("siteId", "title");

-- CreateIndex
CREATE INDEX "SurveyResponse_roundId_submittedAt_idx" ON "SurveyResponse"("roundId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_roundId_tenantId_key" ON "SurveyResponse"("roundId", "tenantId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyOpinionItem_requestId_key" ON "SurveyOpinionItem"("requestId");

-- CreateIndex
CREATE INDEX "SurveyOpinionItem_siteId_state_deliveryDueAt_idx" ON "SurveyOpinionItem"("siteId", "state", "deliveryDueAt");

-- CreateIndex
CREATE INDEX "SurveyOpinionItem_siteId_state_answerDueAt_idx" ON "SurveyOpinionItem"("siteId", "state", "answerDueAt");

-- CreateIndex
CREATE INDEX "SurveyOpinionItem_siteId_state_revisitDueAt_idx" ON "SurveyOpinionItem"("siteId", "state", "revisitDueAt");

-- CreateIndex
CREATE INDEX "SurveyOpinionItem_roundId_departmentId_idx" ON "SurveyOpinionItem"("roundId", "departmentId");

-- CreateIndex
CREATE INDEX "SurveyOpinionItem_responseId_idx" ON "SurveyOpinionItem"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRevisit_itemId_key" ON "SurveyRevisit"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRevisit_signatureFileId_key" ON "SurveyRevisit"("signatureFileId");

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "SurveyQuestionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "SurveyQuestionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyOpinionItem" ADD CONSTRAINT "SurveyOpinionItem_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyOpinionItem" ADD CONSTRAINT "SurveyOpinionItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyOpinionItem" ADD CONSTRAINT "SurveyOpinionItem_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyOpinionItem" ADD CONSTRAINT "SurveyOpinionItem_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyOpinionItem" ADD CONSTRAINT "SurveyOpinionItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRevisit" ADD CONSTRAINT "SurveyRevisit_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SurveyOpinionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRevisit" ADD CONSTRAINT "SurveyRevisit_signatureFileId_fkey" FOREIGN KEY ("signatureFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRevisit" ADD CONSTRAINT "SurveyRevisit_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
