-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "texts" JSONB;
