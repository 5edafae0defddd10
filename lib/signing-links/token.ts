/**
 * One-time links (R-CMP-4: the client signs the revisit record, also when not on site; R-SUR: a tenant
 * answers a survey or signs an opinion's revisit record): a
 * random 32-byte token travels in the link; only its SHA-256 is stored, so a database dump opens
 * nothing. Pure: no I/O.
 */
import { createHash, randomBytes } from "node:crypto";

/** A link works for 72 hours from its creation unless its purpose says otherwise (issueSigningLink ttlMs). */
export const SIGNING_LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

export function hashSigningToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newSigningToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSigningToken(token) };
}

/** The public page of a token (outside the staff area, see proxy.ts). */
export function signingPath(token: string): string {
  return `/sign/${token}`;
}
