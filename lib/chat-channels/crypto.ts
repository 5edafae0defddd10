import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Secrets at rest (chat robots' URLs carry their token; DingTalk and Feishu signing secrets):
 * AES-256-GCM, stored as `v1.<iv>.<tag>.<ciphertext>` in base64url. The key comes from
 * KEWU_SECRET_KEY (any long random string) or, when unset, from NEXTAUTH_SECRET; either way through
 * HKDF-SHA256 with its own label, so the cookie-signing secret itself never encrypts anything.
 * There is no built-in key: without both variables saving a channel fails. Changing the key makes
 * the stored channels unreadable (they must be entered again).
 */

function key(): Buffer {
  const { KEWU_SECRET_KEY, NEXTAUTH_SECRET } = env();
  const material = KEWU_SECRET_KEY ?? NEXTAUTH_SECRET;
  if (!material) throw new Error("KEWU_SECRET_KEY (or NEXTAUTH_SECRET) is not set: cannot encrypt chat channel secrets");
  return Buffer.from(hkdfSync("sha256", material, "kewu", "kewu chat-channel secrets v1", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
