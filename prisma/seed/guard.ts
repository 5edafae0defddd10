import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_USERS } from "./data";

/**
 * The demo seed creates accounts with a published password: it must never reach a real database.
 * It runs on an empty database, or on a demo database (one where it ran before: every demo account
 * is there, and accounts added while trying the demo are fine). Any other database with accounts
 * is refused; the usernames that make it so are returned (empty = safe to seed).
 */
export async function accountsBlockingDemoSeed(db: PrismaClient): Promise<string[]> {
  const demo = new Set(DEMO_USERS.map((u) => u.username));
  const users = await db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } });
  const others = users.map((u) => u.username).filter((name) => !demo.has(name));
  if (others.length === 0) return [];
  const present = new Set(users.map((u) => u.username));
  const isDemoDatabase = [...demo].every((name) => present.has(name));
  return isDemoDatabase ? [] : others;
}
