import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { decodeSessionToken } from "./session-token";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/**
 * The signed-in identity from the next-auth JWT cookie, or null (no cookie, a forged or expired one).
 *
 * The cookie is decoded directly (next-auth's getToken, the key kept: ./session-token.ts), not through
 * getServerSession: that runs next-auth's whole session endpoint on each call (options, a CSRF token,
 * the callbacks) and encodes a refreshed token that a server component cannot set anyway. Only the
 * claims of the `jwt` callback (lib/auth/options.ts) are read; a Bearer header is not accepted here.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env().NEXTAUTH_SECRET,
    decode: decodeSessionToken,
  });
  if (typeof token?.uid !== "string" || !token.uid) return null;
  return { userId: token.uid, sessionVersion: Number(token.sv ?? 0) };
}
