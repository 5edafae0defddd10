import "server-only";
import { DomainError } from "@/lib/action";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { findOpenSigningLink, storeSignatureFromLink } from "@/lib/signing-links/store";
import { putCheckedBytes } from "@/lib/storage";
import { siteCalendar } from "./mutations";
import { completeRevisit } from "./revisit.mutations";

/** The description is shown shortened: the client recognises the matter, the page stays small. */
const SUMMARY_CHARS = 140;

function summary(text: string): string {
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
}

async function loadRevisit(targetId: string, siteId: string) {
  const revisit = await db.complaintRevisit.findFirst({
    where: { id: targetId, complaint: { siteId } },
    select: {
      id: true,
      round: true,
      revisitedAt: true,
      satisfaction: true,
      clientName: true,
      comments: true,
      completedAt: true,
      signatureFileId: true,
      complaint: {
        select: {
          id: true,
          siteId: true,
          number: true,
          category: true,
          description: true,
          state: true,
          round: true,
          severity: true,
          site: { select: { name: true, timeZone: true } },
          rectifications: { select: { round: true, actionTaken: true, rectifiedAt: true } },
        },
      },
    },
  });
  return revisit && !revisit.completedAt && !revisit.signatureFileId ? revisit : null;
}

/**
 * What the client sees on the public signing page (R-CMP-4): this one revisit record and nothing
 * else — no phone numbers, no other complaint. Null when the link does not work (unknown, used,
 * revoked, expired) or the revisit no longer waits for a signature.
 */
export async function revisitForSigning(token: string) {
  const link = await findOpenSigningLink(token, "COMPLAINT_REVISIT");
  if (!link) return null;
  const revisit = await loadRevisit(link.targetId, link.siteId);
  if (!revisit) return null;
  const c = revisit.complaint;
  const tz = c.site.timeZone;
  const rectification = c.rectifications.find((r) => r.round === revisit.round);
  return {
    siteName: c.site.name,
    number: c.number,
    category: c.category,
    description: summary(c.description),
    actionTaken: rectification?.actionTaken ?? null,
    rectifiedAt: rectification?.rectifiedAt ? formatInZone(rectification.rectifiedAt, tz) : null,
    revisitedAt: formatInZone(revisit.revisitedAt, tz),
    satisfaction: revisit.satisfaction,
    clientName: revisit.clientName,
    comments: revisit.comments,
    expiresAt: formatInZone(link.expiresAt, tz),
  };
}

/**
 * The client's signature through a link (R-CMP-4): stores the PNG and completes the revisit in one
 * transaction, using the link up with a guarded update so a second submission changes nothing. The
 * file is recorded as uploaded by the staff member who sent the link (StoredFile needs a user); the
 * audit rows have no actor, and say the client signed through the link.
 */
export async function signRevisitWithLink(token: string, bytes: Uint8Array): Promise<{ reopened: boolean }> {
  const link = await findOpenSigningLink(token, "COMPLAINT_REVISIT");
  if (!link) throw new DomainError("conflict", "signing.errors.linkInvalid");
  const revisit = await loadRevisit(link.targetId, link.siteId);
  if (!revisit) throw new DomainError("conflict", "signing.errors.linkInvalid");
  const file = await putCheckedBytes(bytes, "SIGNATURE");
  const calendar = await siteCalendar(link.siteId);
  const c = revisit.complaint;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const signatureFileId = await storeSignatureFromLink(tx, link, file, { entity: "COMPLAINT", entityId: c.id }, now);
    const { count } = await tx.complaintRevisit.updateMany({
      where: { id: revisit.id, completedAt: null, signatureFileId: null },
      data: { signatureFileId, signedAt: now },
    });
    if (count !== 1) throw new DomainError("conflict", "signing.errors.linkInvalid");
    return completeRevisit(tx, calendar, c, { id: revisit.id, satisfaction: revisit.satisfaction }, now, null, {
      signedThroughLink: link.id,
    });
  });
}
