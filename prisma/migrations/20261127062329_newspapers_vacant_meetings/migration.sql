-- CreateEnum
CREATE TYPE "NewspaperDeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'HELD', 'PICKED_UP');

-- CreateEnum
CREATE TYPE "CleaningRecordState" AS ENUM ('SUBMITTED', 'VERIFIED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "VacantCheckItem" AS ENUM ('FLOOR', 'WALLS', 'EQUIPMENT', 'DOORS_WINDOWS');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('DEPARTMENT', 'CLEANING', 'CANTEEN');

-- CreateEnum
CREATE TYPE "MeetingState" AS ENUM ('SCHEDULED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'LATE', 'ABSENT', 'LEFT_EARLY', 'EXCUSED');

-- CreateEnum
CREATE TYPE "LeaveRequestState" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "cleanerId" TEXT;

-- CreateTable
CREATE TABLE "NewspaperTitle" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "publisher" VARCHAR(60),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewspaperTitle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewspaperSubscription" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "titleId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "copies" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewspaperSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewspaperDay" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "courierName" VARCHAR(50) NOT NULL,
    "receivedById" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receiptSignatureFileId" TEXT NOT NULL,
    "handedOverAt" TIMESTAMP(3),
    "handedOverById" TEXT,
    "deliveryStaffName" VARCHAR(50),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "NewspaperDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewspaperReceiptLine" (
    "id" TEXT NOT NULL,
    "dayId" TEXT NOT NULL,
    "titleId" TEXT NOT NULL,
    "received" INTEGER NOT NULL,
    "expected" INTEGER NOT NULL,
    "returned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NewspaperReceiptLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewspaperDelivery" (
    "id" TEXT NOT NULL,
    "dayId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "titleId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "copies" INTEGER NOT NULL,
    "state" "NewspaperDeliveryState" NOT NULL DEFAULT 'PENDING',
    "deliveredAt" TIMESTAMP(3),
    "deliveredById" TEXT,
    "recipientName" VARCHAR(50),
    "signatureFileId" TEXT,
    "heldAt" TIMESTAMP(3),
    "heldById" TEXT,
    "pickedUpAt" TIMESTAMP(3),
    "pickupRecordedById" TEXT,
    "pickupName" VARCHAR(50),
    "pickupSignatureFileId" TEXT,

    CONSTRAINT "NewspaperDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cleaner" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "company" VARCHAR(60),
    "phone" VARCHAR(30),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cleaner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitStatusChange" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "status" "UnitStatus" NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" TEXT,

    CONSTRAINT "UnitStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacantCleaningRecord" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "siteId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "cleanedOn" DATE NOT NULL,
    "cleanerId" TEXT NOT NULL,
    "state" "CleaningRecordState" NOT NULL DEFAULT 'SUBMITTED',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "sentBackById" TEXT,
    "sentBackAt" TIMESTAMP(3),
    "sentBackReason" VARCHAR(500),

    CONSTRAINT "VacantCleaningRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacantCleaningCheck" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "item" "VacantCheckItem" NOT NULL,
    "result" "CheckResult" NOT NULL,
    "note" VARCHAR(500),
    "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "VacantCleaningCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "convenerId" TEXT NOT NULL,
    "minuteTakerId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "startTime" VARCHAR(5) NOT NULL DEFAULT '09:00',
    "place" VARCHAR(100) NOT NULL,
    "startsOn" DATE NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "MeetingSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "userId" TEXT,
    "name" VARCHAR(50) NOT NULL,
    "organization" VARCHAR(60),
    "position" VARCHAR(30),
    "superiorId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "seriesId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" VARCHAR(100) NOT NULL,
    "state" "MeetingState" NOT NULL DEFAULT 'SCHEDULED',
    "lastWeekReview" TEXT,
    "nextWeekPlan" TEXT,
    "assignments" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "status" "AttendanceStatus",
    "note" VARCHAR(200),
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3),

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "meetingId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "state" "LeaveRequestState" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" VARCHAR(300),

    CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingActionItem" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "ownerParticipantId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closedInMeetingId" TEXT,
    "closingNote" VARCHAR(300),

    CONSTRAINT "MeetingActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAmendment" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "section" VARCHAR(30) NOT NULL,
    "text" TEXT NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewspaperTitle_siteId_name_key" ON "NewspaperTitle"("siteId", "name");

-- CreateIndex
CREATE INDEX "NewspaperSubscription_siteId_startsOn_endsOn_idx" ON "NewspaperSubscription"("siteId", "startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "NewspaperSubscription_titleId_idx" ON "NewspaperSubscription"("titleId");

-- CreateIndex
CREATE INDEX "NewspaperSubscription_tenantId_idx" ON "NewspaperSubscription"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "NewspaperDay_requestId_key" ON "NewspaperDay"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "NewspaperDay_siteId_date_key" ON "NewspaperDay"("siteId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "NewspaperReceiptLine_dayId_titleId_key" ON "NewspaperReceiptLine"("dayId", "titleId");

-- CreateIndex
CREATE INDEX "NewspaperDelivery_siteId_state_idx" ON "NewspaperDelivery"("siteId", "state");

-- CreateIndex
CREATE INDEX "NewspaperDelivery_tenantId_dayId_idx" ON "NewspaperDelivery"("tenantId", "dayId");

-- CreateIndex
CREATE UNIQUE INDEX "NewspaperDelivery_dayId_subscriptionId_key" ON "NewspaperDelivery"("dayId", "subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Cleaner_siteId_name_key" ON "Cleaner"("siteId", "name");

-- CreateIndex
CREATE INDEX "UnitStatusChange_unitId_changedAt_idx" ON "UnitStatusChange"("unitId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VacantCleaningRecord_requestId_key" ON "VacantCleaningRecord"("requestId");

-- CreateIndex
CREATE INDEX "VacantCleaningRecord_siteId_month_idx" ON "VacantCleaningRecord"("siteId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "VacantCleaningRecord_unitId_month_key" ON "VacantCleaningRecord"("unitId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "VacantCleaningCheck_recordId_item_key" ON "VacantCleaningCheck"("recordId", "item");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_siteId_kind_key" ON "MeetingSeries"("siteId", "kind");

-- CreateIndex
CREATE INDEX "MeetingParticipant_userId_idx" ON "MeetingParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_seriesId_userId_key" ON "MeetingParticipant"("seriesId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_requestId_key" ON "Meeting"("requestId");

-- CreateIndex
CREATE INDEX "Meeting_seriesId_date_idx" ON "Meeting"("seriesId", "date");

-- CreateIndex
CREATE INDEX "Meeting_siteId_date_idx" ON "Meeting"("siteId", "date");

-- CreateIndex
CREATE INDEX "MeetingAttendance_participantId_idx" ON "MeetingAttendance"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_participantId_key" ON "MeetingAttendance"("meetingId", "participantId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_requestId_key" ON "LeaveRequest"("requestId");

-- CreateIndex
CREATE INDEX "LeaveRequest_meetingId_participantId_idx" ON "LeaveRequest"("meetingId", "participantId");

-- CreateIndex
CREATE INDEX "MeetingActionItem_seriesId_closedAt_idx" ON "MeetingActionItem"("seriesId", "closedAt");

-- CreateIndex
CREATE INDEX "MeetingActionItem_meetingId_idx" ON "MeetingActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingAmendment_meetingId_createdAt_idx" ON "MeetingAmendment"("meetingId", "createdAt");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_cleanerId_fkey" FOREIGN KEY ("cleanerId") REFERENCES "Cleaner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperTitle" ADD CONSTRAINT "NewspaperTitle_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperSubscription" ADD CONSTRAINT "NewspaperSubscription_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperSubscription" ADD CONSTRAINT "NewspaperSubscription_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "NewspaperTitle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperSubscription" ADD CONSTRAINT "NewspaperSubscription_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperSubscription" ADD CONSTRAINT "NewspaperSubscription_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperDay" ADD CONSTRAINT "NewspaperDay_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperReceiptLine" ADD CONSTRAINT "NewspaperReceiptLine_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "NewspaperDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperReceiptLine" ADD CONSTRAINT "NewspaperReceiptLine_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "NewspaperTitle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperDelivery" ADD CONSTRAINT "NewspaperDelivery_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "NewspaperDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperDelivery" ADD CONSTRAINT "NewspaperDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "NewspaperSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewspaperDelivery" ADD CONSTRAINT "NewspaperDelivery_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "NewspaperTitle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cleaner" ADD CONSTRAINT "Cleaner_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacantCleaningRecord" ADD CONSTRAINT "VacantCleaningRecord_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacantCleaningRecord" ADD CONSTRAINT "VacantCleaningRecord_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacantCleaningRecord" ADD CONSTRAINT "VacantCleaningRecord_cleanerId_fkey" FOREIGN KEY ("cleanerId") REFERENCES "Cleaner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacantCleaningCheck" ADD CONSTRAINT "VacantCleaningCheck_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "VacantCleaningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeries" ADD CONSTRAINT "MeetingSeries_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "MeetingParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "MeetingParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionItem" ADD CONSTRAINT "MeetingActionItem_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionItem" ADD CONSTRAINT "MeetingActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionItem" ADD CONSTRAINT "MeetingActionItem_closedInMeetingId_fkey" FOREIGN KEY ("closedInMeetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAmendment" ADD CONSTRAINT "MeetingAmendment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Vacant-unit schedules are rebuilt from status history: every existing unit starts with its current status.
INSERT INTO "UnitStatusChange" ("id", "unitId", "status", "changedAt")
SELECT 'usc-' || "id", "id", "status", "createdAt" FROM "Unit";

-- R-MTG-4: confirmed minutes never change. The data layer refuses first; this guard holds whatever the request.
CREATE FUNCTION meeting_confirmed_is_locked() RETURNS trigger AS $$
BEGIN
  IF OLD."state" = 'CONFIRMED' THEN
    RAISE EXCEPTION 'meeting % is confirmed and locked', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meeting_locked_after_confirmation
  BEFORE UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION meeting_confirmed_is_locked();

CREATE FUNCTION meeting_attendance_is_locked() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Meeting" m WHERE m."id" = OLD."meetingId" AND m."state" = 'CONFIRMED') THEN
    RAISE EXCEPTION 'attendance of confirmed meeting % is locked', OLD."meetingId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meeting_attendance_locked_after_confirmation
  BEFORE UPDATE OR DELETE ON "MeetingAttendance"
  FOR EACH ROW EXECUTE FUNCTION meeting_attendance_is_locked();
