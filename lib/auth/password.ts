import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

/**
 * Passwords are hashed with argon2id (OWASP's minimum profile: 19 MiB, 2 passes, 1 lane) by a native
 * library whose work runs on libuv's thread pool, never on the event loop. Hashes written before it
 * (bcrypt, cost 12) still verify, natively too, and are replaced at the next successful sign-in.
 */
// `Algorithm` is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many hashes run at once: each takes ~19 MiB and a pool thread (libuv has 4 by default,
 * shared with file and DNS work), so a burst of sign-ins queues here instead of exhausting memory.
 */
export const MAX_CONCURRENT_HASHES = 4;

let running = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(plain: string): Promise<string> {
  return withHashSlot(() => argon2Hash(plain, ARGON2_OPTIONS));
}

function isBcrypt(hash: string): boolean {
  return /^\$2[aby]\$\d{2}\$/.test(hash);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return withHashSlot(async () => {
    try {
      return isBcrypt(hash) ? await bcryptVerify(plain, hash) : await argon2Verify(hash, plain);
    } catch {
      // A malformed stored hash never signs anyone in.
      return false;
    }
  });
}

/** True when a stored hash predates argon2id or uses weaker parameters: replace it after a successful sign-in. */
export function needsRehash(hash: string): boolean {
  if (isBcrypt(hash)) return true;
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (!m) return true;
  return Number(m[1]) < ARGON2_OPTIONS.memoryCost || Number(m[2]) < ARGON2_OPTIONS.timeCost;
}

/** A real argon2id hash of a random password: unknown usernames cost one verification too, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}
