/**
 * One-time links (R-CMP-4: the client signs the revisit record, also when not on site; R-SUR: a tenant
 * answers a survey or signs an opinion's revisit record): a 32-byte token (derived from the request's id
 * under the server's key, see signingTokenFor) travels in the link; only its SHA-256 is stored, so a
 * database dump opens nothing. Pure: no I/O.
 */
import { createHash, createHmac } from "node:crypto";

/** A link works for 72 hours from its creation unless its purpose says otherwise (issueSigningLink ttlMs). */
export const SIGNING_LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** 32 bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

export function hashSigningToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The token of the link made for one request id: HMAC-SHA256 under the server's key, so a replayed
 * request (same id) answers with the same link, while the id alone (or a database dump) opens nothing.
 */
export function signingTokenFor(requestId: string, key: Buffer): { token: string; tokenHash: string } {
  const token = createHmac("sha256", key).update(`signing-link:${requestId}`, "utf8").digest("base64url");
  return { token, tokenHash: hashSigningToken(token) };
}

/** The public page of a token (outside the staff area, see proxy.ts). */
export function signingPath(token: string): string {
  return `/sign/${token}`;
}
