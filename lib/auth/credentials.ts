import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { verifyPassword } from "./password";
import { isThrottled, recordAttempt } from "./throttle";

export const SignInSchema = z.object({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

export type SignInOutcome =
  { ok: true; user: { id: string; name: string; role: string; sessionVersion: number } } | { ok: false; reason: "invalid" | "throttled" };

/** Checks a sign-in attempt; every outcome is counted in Postgres for throttling. */
export async function checkCredentials(db: Db, raw: unknown): Promise<SignInOutcome> {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const username = parsed.data.username.toLowerCase();
  if (await isThrottled(db, username)) return { ok: false, reason: "throttled" };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, name: true, role: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  // Compare against a dummy hash when the user is unknown so timing does not reveal accounts.
  const hash = user?.passwordHash ?? "$2b$12$S/LynGrJ./uq9buGktDmcuN6r8KTQw/gmuuldrCicQVOTZ8K4G.lS";
  const passwordOk = await verifyPassword(parsed.data.password, hash);
  const ok = !!user && passwordOk && !user.disabled;
  await recordAttempt(db, username, ok);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
