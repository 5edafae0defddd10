import "server-only";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * A drawn signature named by a newspaper step: a SIGNATURE file of this site, uploaded by this user just
 * now on their device (the tenant signs on the front desk's phone), and not already the evidence of
 * another record — one signature proves one receipt.
 */
export async function assertSignatureFile(tx: Tx, actor: Actor, siteId: string, fileId: string, field: string) {
  const [file, usedByDay, usedByDelivery, usedByPass, usedBySignatory] = await Promise.all([
    tx.storedFile.findFirst({
      where: { id: fileId, siteId, kind: "SIGNATURE", uploadedById: actor.id, complaintPhoto: null, revisit: null },
      select: { id: true },
    }),
    tx.newspaperDay.count({ where: { receiptSignatureFileId: fileId } }),
    tx.newspaperDelivery.count({ where: { OR: [{ signatureFileId: fileId }, { pickupSignatureFileId: fileId }] } }),
    tx.goodsPass.count({ where: { OR: [{ sealPhotoFileId: fileId }, { signatureFileId: fileId }] } }),
    tx.authorisedSignatory.count({ where: { OR: [{ certificateFileId: fileId }, { specimenFileId: fileId }] } }),
  ]);
  if (!file || usedByDay + usedByDelivery + usedByPass + usedBySignatory > 0)
    throw new DomainError("invalid", "newspapers.errors.signatureNotFound", field);
}
