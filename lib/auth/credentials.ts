import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { purgeOldAttempts, recordAttempt, secondsToWait } from "./throttle";

export const SignInSchema = z.strictObject({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** One purge of old attempts every this many recorded attempts, on average. */
const PURGE_EVERY = 20;

/** next-auth hands over everything the client posted (csrfToken, callbackUrl, json …): keep the two fields. */
function credentialsOf(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const { username, password } = raw as Record<string, unknown>;
  return { username, password };
}

/**
 * Checks a sign-in attempt from `address` (lib/auth/client-address.ts). A malformed or oversized body
 * is refused as invalid before anything is hashed or written; a throttled attempt is refused before
 * the hash and not counted; every other outcome is counted.
 */
export async function checkCredentials(db: Db, raw: unknown, address = "unknown"): Promise<SignInOutcome> {
  const parsed = SignInSchema.safeParse(credentialsOf(raw));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const username = parsed.data.username.toLowerCase();
  const wait = await secondsToWait(db, username, address);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, name: true, role: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  // An unknown user costs one verification too, so timing does not reveal which accounts exist.
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const passwordOk = await verifyPassword(parsed.data.password, hash);
  const ok = !!user && passwordOk && !user.disabled;
  await recordAttempt(db, username, address, ok);
  if (Math.random() < 1 / PURGE_EVERY) await purgeOldAttempts(db);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  // Hashes from before argon2id (bcrypt) are replaced now that the plain password is at hand.
  if (needsRehash(hash)) {
    const upgraded = await hashPassword(parsed.data.password);
    await db.user.updateMany({ where: { id: user.id, passwordHash: hash }, data: { passwordHash: upgraded } });
  }
  return { ok: true, user: { id: user.id, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
