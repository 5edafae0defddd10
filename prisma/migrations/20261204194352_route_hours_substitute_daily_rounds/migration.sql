-- AlterTable
-- R-INS-1: new sites have rounds every day. Existing sites keep their stored setting: turning it on
-- here would count their past rest days as missed rounds retroactively; a manager switches it on.
ALTER TABLE "Site" ALTER COLUMN "inspectOnWeekends" SET DEFAULT true;

-- AlterTable
ALTER TABLE "LoadingRoute" ADD COLUMN     "closesAt" VARCHAR(5) NOT NULL DEFAULT '22:00',
ADD COLUMN     "opensAt" VARCHAR(5) NOT NULL DEFAULT '07:00';

-- AlterTable
ALTER TABLE "VacantCleaningRecord" ADD COLUMN     "substituteReason" VARCHAR(200);
