import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { DomainError } from "@/lib/action";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SigningPurpose } from "@/lib/generated/prisma/enums";
import { hashSigningToken, isWellFormedToken, newSigningToken, SIGNING_LINK_TTL_MS, signingPath } from "./token";

type Tx = Prisma.TransactionClient;

export interface OpenSigningLink {
  id: string;
  purpose: SigningPurpose;
  targetId: string;
  siteId: string;
  createdById: string;
  expiresAt: Date;
}

/**
 * A new link for one target; every earlier link of the same target that is still open is revoked,
 * so only the link last handed to the client works. Returns the token (shown once, never stored).
 */
export async function issueSigningLink(
  tx: Tx,
  input: { purpose: SigningPurpose; targetId: string; siteId: string; createdById: string; now: Date; ttlMs?: number },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { purpose, targetId, siteId, createdById, now, ttlMs = SIGNING_LINK_TTL_MS } = input;
  await tx.signingLink.updateMany({ where: { purpose, targetId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const { token, tokenHash } = newSigningToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const link = await tx.signingLink.create({
    data: { purpose, targetId, siteId, tokenHash, createdById, expiresAt },
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
