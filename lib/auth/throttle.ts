import "server-only";
import type { Db } from "@/lib/db";

/** After 10 failed attempts on one account within 15 minutes, refuse until the window passes. */
export const MAX_FAILED_ATTEMPTS = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export async function isThrottled(db: Db, username: string, now = new Date()): Promise<boolean> {
  const failures = await db.loginAttempt.count({
    where: { username, succeeded: false, at: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
  });
  return failures >= MAX_FAILED_ATTEMPTS;
}

export async function recordAttempt(db: Db, username: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { username, succeeded } });
}
