import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** The signed-in identity from the next-auth JWT cookie, or null. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  return { userId: session.uid, sessionVersion: Number(session.sv ?? 0) };
}
