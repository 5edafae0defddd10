-- AlterTable
ALTER TABLE "SpecialServiceSetting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
