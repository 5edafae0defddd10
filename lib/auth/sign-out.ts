import "server-only";
import type { Db } from "@/lib/db";

/**
 * Ends every session of the user that carries `sessionVersion` by moving the version on: lib/auth/actor.ts
 * refuses a token whose version differs, so the signed-out cookie (and any copy of it) stops working at
 * the next request. A stale token (version already moved on) changes nothing.
 */
export async function endSessions(db: Db, userId: string, sessionVersion: number): Promise<void> {
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}
