import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

/**
 * next-auth's session cookie is a JWE (dir, A256GCM) under a key it derives from NEXTAUTH_SECRET with
 * HKDF (next-auth/jwt getDerivedEncryptionKey). next-auth derives it again on every decode; the proxy
 * and the page read the cookie on every request, so the key is derived here once per secret and salt
 * and kept. The token is checked as next-auth checks it (jose's jwtDecrypt: authenticity, `exp` with
 * 15 s of clock tolerance); tests/integration/session-token.test.ts decodes next-auth's own tokens.
 */
let derived: { secret: string | Buffer; salt: string; key: Uint8Array } | null = null;

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  if (derived?.secret !== secret || derived.salt !== salt) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    derived = { secret, salt, key: new Uint8Array(hkdfSync("sha256", secret, salt, info, 32)) };
  }
  return derived.key;
}

/** next-auth's `decode` (its jwt.decode option and getToken's), with the derived key kept. */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
