import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { attachNewFile } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import type { PutBytes } from "@/lib/storage";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FileEntity, SigningPurpose } from "@/lib/generated/prisma/enums";
import { hkdfSync } from "node:crypto";
import { hashSigningToken, isWellFormedToken, SIGNING_LINK_TTL_MS, signingPath, signingTokenFor } from "./token";

type Tx = Prisma.TransactionClient;

export interface OpenSigningLink {
  id: string;
  purpose: SigningPurpose;
  targetId: string;
  siteId: string;
  createdById: string;
  expiresAt: Date;
}

/** The key that derives link tokens from request ids: KEWU_SECRET_KEY or NEXTAUTH_SECRET through HKDF with its own label. */
function tokenKey(): Buffer {
  const { KEWU_SECRET_KEY, NEXTAUTH_SECRET } = env();
  const material = KEWU_SECRET_KEY ?? NEXTAUTH_SECRET;
  if (!material) throw new Error("KEWU_SECRET_KEY (or NEXTAUTH_SECRET) is not set: cannot make signing links");
  return Buffer.from(hkdfSync("sha256", material, "kewu", "kewu signing-link tokens v1", 32));
}

/** The token a request id's link carries (the same for every replay of the request). */
export function signingTokenOf(requestId: string): string {
  return signingTokenFor(requestId, tokenKey()).token;
}

/**
 * Issues a link once per request id (lib/idempotency.ts): a replay or a double click answers with the
 * link the first request made (its token is derived from the same request id), never a second link.
 */
export function issueSigningLinkOnce(
  actor: Actor,
  input: { siteId: string; requestId: string },
  issue: () => Promise<{ token: string; expiresAt: Date }>,
): Promise<{ token: string; expiresAt: Date }> {
  return createOnce(actor, {
    find: async () => {
      const made = await db.signingLink.findUnique({
        where: { requestId: input.requestId },
        select: { createdById: true, siteId: true, expiresAt: true },
      });
      return made && made.siteId === input.siteId
        ? { madeById: made.createdById, result: { token: signingTokenOf(input.requestId), expiresAt: made.expiresAt } }
        : null;
    },
    create: issue,
  });
}

/**
 * A new link for one target; every earlier link of the same target that is still open is revoked,
 * so only the link last handed to the client works. The token is derived from the request id (see
 * token.ts): only its hash is stored. The target row is locked first, so links issued at once for one
 * target revoke each other in turn and one stays open.
 */
export async function issueSigningLink(
  tx: Tx,
  input: {
    purpose: SigningPurpose;
    targetId: string;
    siteId: string;
    createdById: string;
    requestId: string;
    now: Date;
    ttlMs?: number;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { purpose, targetId, siteId, createdById, requestId, now, ttlMs = SIGNING_LINK_TTL_MS } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signing-link:${purpose}:${targetId}`}))`;
  await tx.signingLink.updateMany({ where: { purpose, targetId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const { token, tokenHash } = signingTokenFor(requestId, tokenKey());
  const expiresAt = new Date(now.getTime() + ttlMs);
  const link = await tx.signingLink.create({
    data: { purpose, targetId, siteId, tokenHash, createdById, expiresAt, requestId },
    select: { id: true },
  });
  return { id: link.id, token, expiresAt };
}

/**
 * The link of a token while it still works (not used, not revoked, not expired), or null. Without a
 * purpose, whatever the link opens: the public page /sign/<token> shows the record its purpose names.
 */
export async function findOpenSigningLink(token: string, purpose?: SigningPurpose, now = new Date()): Promise<OpenSigningLink | null> {
  if (!isWellFormedToken(token)) return null;
  return db.signingLink.findFirst({
    where: { tokenHash: hashSigningToken(token), ...(purpose ? { purpose } : {}), usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, purpose: true, targetId: true, siteId: true, createdById: true, expiresAt: true },
  });
}

/**
 * Marks the link used, once: the update only matches while the link is unused, unrevoked and not
 * expired, so two submissions racing each other (or a replay) find nothing the second time.
 */
export async function consumeSigningLink(tx: Tx, linkId: string, now: Date): Promise<void> {
  const { count } = await tx.signingLink.updateMany({
    where: { id: linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw new DomainError("conflict", "signing.errors.linkInvalid");
}

/**
 * The client's signature arriving through a link: the link is used up (once), the PNG recorded as a
 * stored file of the record it signs, and audited without an actor (the client signed, through the
 * link). The file is recorded as uploaded by the staff member who sent the link (StoredFile needs a
 * user). Returns the stored file's id for the record's own guarded update in the same transaction.
 */
export async function storeSignatureFromLink(
  tx: Tx,
  link: OpenSigningLink,
  file: PutBytes,
  record: { entity: FileEntity; entityId: string },
  now: Date,
): Promise<string> {
  await consumeSigningLink(tx, link.id, now);
  const stored = await tx.storedFile.create({
    data: { siteId: link.siteId, kind: "SIGNATURE", ...file, uploadedById: link.createdById },
    select: { id: true },
  });
  await attachNewFile(tx, { fileId: stored.id, siteId: link.siteId, entity: record.entity, entityId: record.entityId });
  await writeAudit(tx, {
    actorId: null,
    siteId: link.siteId,
    entity: "StoredFile",
    entityId: stored.id,
    action: "CREATE",
    after: { kind: "SIGNATURE", contentType: file.contentType, size: file.size, sha256: file.sha256, signingLinkId: link.id },
  });
  return stored.id;
}

/** Where the app is reached: NEXTAUTH_URL when configured, otherwise the request's own host. */
async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    if (host) return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
  } catch {
    // Outside a request (scripts, tests).
  }
  return "http://localhost:3000";
}

/** The absolute link and its QR code (an SVG, drawn on the server: no script on the client). */
export async function signingLinkView(token: string): Promise<{ url: string; qrSvg: string }> {
  const url = `${await publicOrigin()}${signingPath(token)}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { url, qrSvg };
}
