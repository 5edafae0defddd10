import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { FileEntity } from "@/lib/generated/prisma/enums";
import { roleHas, type Permission } from "@/lib/permissions";

/**
 * Who may see a stored file: whoever may read the record it is evidence of (§1.9: photos and
 * clients' signatures are tenant data). The file's site must be one of the actor's in every case.
 */
const READ_PERMISSION: Record<FileEntity, Permission> = {
  COMPLAINT: "complaint:read",
  INSPECTION: "inspection:read",
  GOODS_PASS: "goodspass:read",
  // The specimen is also shown on the pass form and at the gate: signatory:read covers those roles.
  SIGNATORY: "signatory:read",
  NEWSPAPER_DAY: "newspaper:read",
  NEWSPAPER_DELIVERY: "newspaper:read",
  VACANT_CLEANING: "vacant:read",
  CLEANING_PLAN: "cleaning:read",
  // Damage photos are the work order's evidence: engineering sees them too.
  CLEANING_DAMAGE: "workorder:read",
  FOUND_ITEM: "found:read",
  WASTE_CLEARANCE: "waste:read",
  SPECIAL_SERVICE: "service:read",
  HEALTH_CERTIFICATE: "contractor:read",
  CANTEEN_CHECK: "contractor:read",
  CANTEEN_WEEKLY_DOC: "contractor:read",
  CONTRACTOR_VIOLATION: "contractor:read",
  SURVEY_ITEM: "survey:read",
};

export interface FileForAccess {
  id: string;
  siteId: string;
  uploadedById: string;
  attachment: { entity: FileEntity } | null;
}

export async function mayReadFile(actor: Actor, file: FileForAccess): Promise<boolean> {
  if (!actor.siteIds.includes(file.siteId)) return false;
  // An upload not yet attached to a record is its uploader's, shown only back to them (the form's preview).
  if (!file.attachment) return file.uploadedById === actor.id;
  if (roleHas(actor.role, READ_PERMISSION[file.attachment.entity])) return true;
  // R-INS-5: a work order shows the photos of the failed check it came from; engineering reads them there.
  if (file.attachment.entity === "INSPECTION" && roleHas(actor.role, "workorder:read"))
    return (await db.workOrder.count({ where: { siteId: file.siteId, photoFileIds: { has: file.id } } })) > 0;
  return false;
}
