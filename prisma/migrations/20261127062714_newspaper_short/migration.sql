-- AlterEnum
ALTER TYPE "NewspaperDeliveryState" ADD VALUE 'SHORT';
