-- CreateEnum
CREATE TYPE "FileEntity" AS ENUM ('COMPLAINT', 'INSPECTION', 'GOODS_PASS', 'SIGNATORY', 'NEWSPAPER_DAY', 'NEWSPAPER_DELIVERY', 'VACANT_CLEANING');

-- CreateTable
CREATE TABLE "FileAttachment" (
    "fileId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "entity" "FileEntity" NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileAttachment_pkey" PRIMARY KEY ("fileId")
);

-- CreateIndex
CREATE INDEX "FileAttachment_entity_entityId_idx" ON "FileAttachment"("entity", "entityId");

-- CreateIndex
CREATE INDEX "StoredFile_storageKey_idx" ON "StoredFile"("storageKey");

-- AddForeignKey
ALTER TABLE "FileAttachment" ADD CONSTRAINT "FileAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Back-fill: every file already named by a record becomes that record's attachment. Where old data
-- names one file twice, the first record below keeps it (ON CONFLICT DO NOTHING).
INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT p."fileId", c."siteId", 'COMPLAINT', c."id", c."createdAt"
FROM "ComplaintPhoto" p JOIN "Complaint" c ON c."id" = p."complaintId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT r."signatureFileId", c."siteId", 'COMPLAINT', c."id", r."createdAt"
FROM "ComplaintRevisit" r JOIN "Complaint" c ON c."id" = r."complaintId"
WHERE r."signatureFileId" IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", i."siteId", 'INSPECTION', i."id", i."checkedAt"
FROM "InspectionResult" r
JOIN "Inspection" i ON i."id" = r."inspectionId"
CROSS JOIN LATERAL unnest(r."photoFileIds") AS u("fileId")
JOIN "StoredFile" f ON f."id" = u."fileId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", g."siteId", 'GOODS_PASS', g."id", g."createdAt"
FROM "GoodsPass" g
CROSS JOIN LATERAL unnest(ARRAY[g."sealPhotoFileId", g."signatureFileId"]) AS u("fileId")
JOIN "StoredFile" f ON f."id" = u."fileId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", s."siteId", 'SIGNATORY', s."id", s."createdAt"
FROM "AuthorisedSignatory" s
CROSS JOIN LATERAL unnest(ARRAY[s."certificateFileId", s."specimenFileId"]) AS u("fileId")
JOIN "StoredFile" f ON f."id" = u."fileId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", d."siteId", 'NEWSPAPER_DAY', d."id", d."receivedAt"
FROM "NewspaperDay" d
JOIN "StoredFile" f ON f."id" = d."receiptSignatureFileId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", d."siteId", 'NEWSPAPER_DELIVERY', d."id", COALESCE(d."deliveredAt", d."pickedUpAt", CURRENT_TIMESTAMP)
FROM "NewspaperDelivery" d
CROSS JOIN LATERAL unnest(ARRAY[d."signatureFileId", d."pickupSignatureFileId"]) AS u("fileId")
JOIN "StoredFile" f ON f."id" = u."fileId"
ON CONFLICT DO NOTHING;

INSERT INTO "FileAttachment" ("fileId", "siteId", "entity", "entityId", "createdAt")
SELECT f."id", v."siteId", 'VACANT_CLEANING', v."id", v."createdAt"
FROM "VacantCleaningCheck" k
JOIN "VacantCleaningRecord" v ON v."id" = k."recordId"
CROSS JOIN LATERAL unnest(k."photoFileIds") AS u("fileId")
JOIN "StoredFile" f ON f."id" = u."fileId"
ON CONFLICT DO NOTHING;
