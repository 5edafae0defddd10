/**
 * Sign-in hardening: throttling per account, per address and per pair with growing delays (never a
 * lock the owner cannot pass), password hash upgrade, purge of old attempts, the client address,
 * server-side sign-out, and bad sign-in bodies.
 */
import { hash as bcryptHash } from "@node-rs/bcrypt";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getActor } from "@/lib/auth/actor";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { checkCredentials } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { delaySeconds, purgeOldAttempts, secondsToWait, THROTTLE_RULES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { session } from "../support/session";

const PASSWORD = "Kewu@2026";
const OFFICE = "10.0.0.8";
const ATTACKER = "203.0.113.66";
const ELSEWHERE = "198.51.100.7";
let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});
beforeEach(async () => {
  await db.loginAttempt.deleteMany();
});

/** `count` failed attempts on `username` from `address`, the last one `agoMs` ago. */
async function failures(username: string, address: string, count: number, agoMs = 0) {
  const at = new Date(Date.now() - agoMs);
  await db.loginAttempt.createMany({ data: Array.from({ length: count }, () => ({ username, address, succeeded: false, at })) });
}

describe("throttling: growing delays per pair, per address and per account", () => {
  it("the delay doubles from the fifth failure of a pair and stops at 15 minutes", () => {
    expect([4, 5, 6, 7, 14, 15, 40].map((n) => delaySeconds(n, THROTTLE_RULES.pair))).toEqual([0, 1, 2, 4, 512, 900, 900]);
    expect(delaySeconds(25, THROTTLE_RULES.account)).toBe(32);
    expect(delaySeconds(40, THROTTLE_RULES.account)).toBe(60);
  });

  it("one address guessing one account waits, even with the right password, and is told how long", async () => {
    for (let i = 0; i < 4; i++)
      expect(await checkCredentials(db, { username: "clerk", password: `bad${i}` }, ATTACKER)).toEqual({ ok: false, reason: "invalid" });
    await failures("clerk", ATTACKER, 6); // 10 failures: 2^5 = 32 s
    const refused = await checkCredentials(db, { username: "clerk", password: PASSWORD }, ATTACKER);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(25);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(32);
    // The refused attempt was not counted, and hashed nothing.
    expect(await db.loginAttempt.count({ where: { username: "clerk" } })).toBe(10);
    // Once the delay has passed the right password works again: a delay, not a lock.
    await db.loginAttempt.updateMany({ data: { at: new Date(Date.now() - 40_000) } });
    expect(await checkCredentials(db, { username: "clerk", password: PASSWORD }, ATTACKER)).toMatchObject({ ok: true });
  });

  it("an attacker's failures do not stop the owner signing in from their usual address", async () => {
    expect(await checkCredentials(db, { username: "manager", password: PASSWORD }, OFFICE)).toMatchObject({ ok: true });
    await failures("manager", ATTACKER, 60);
    expect(await checkCredentials(db, { username: "manager", password: PASSWORD }, ATTACKER)).toMatchObject({ reason: "throttled" });
    expect(await checkCredentials(db, { username: "manager", password: PASSWORD }, OFFICE)).toMatchObject({ ok: true });
  });

  it("from a new address the owner waits at most a minute after the attacker's last failure", async () => {
    await failures("manager", ATTACKER, 60);
    expect(await secondsToWait(db, "manager", ELSEWHERE)).toBeLessThanOrEqual(THROTTLE_RULES.account.capSeconds);
    expect(await checkCredentials(db, { username: "manager", password: PASSWORD }, ELSEWHERE)).toMatchObject({ reason: "throttled" });
    await db.loginAttempt.updateMany({ data: { at: new Date(Date.now() - 61_000) } });
    expect(await checkCredentials(db, { username: "manager", password: PASSWORD }, ELSEWHERE)).toMatchObject({ ok: true });
    // …while the attacker's own address still waits up to 15 minutes.
    expect(await secondsToWait(db, "manager", ATTACKER)).toBeGreaterThan(800);
  });

  it("one address spraying many accounts waits too, other addresses do not", async () => {
    for (const name of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10"]) await failures(name, ATTACKER, 3);
    expect(await checkCredentials(db, { username: "supervisor", password: PASSWORD }, ATTACKER)).toMatchObject({ reason: "throttled" });
    expect(await checkCredentials(db, { username: "supervisor", password: PASSWORD }, ELSEWHERE)).toMatchObject({ ok: true });
  });

  it("old attempts are purged: failures after a day, successes after 30 days", async () => {
    const day = 24 * 3600_000;
    await failures("clerk", ATTACKER, 3, day + 60_000);
    await failures("clerk", ATTACKER, 2, day - 60_000);
    await db.loginAttempt.create({ data: { username: "clerk", address: OFFICE, succeeded: true, at: new Date(Date.now() - 2 * day) } });
    await db.loginAttempt.create({ data: { username: "clerk", address: OFFICE, succeeded: true, at: new Date(Date.now() - 31 * day) } });
    expect(await purgeOldAttempts(db)).toBe(4);
    expect(await db.loginAttempt.count()).toBe(3);
  });
});

describe("password hashes", () => {
  it("a bcrypt hash from before still signs in and is replaced by argon2id", async () => {
    const legacy = await bcryptHash("OldPass123", 12);
    await db.user.update({ where: { id: world.users.ENGINEER }, data: { passwordHash: legacy } });
    expect(await checkCredentials(db, { username: "engineer", password: "wrong" }, OFFICE)).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.users.ENGINEER } })).passwordHash).toBe(legacy);
    expect(await checkCredentials(db, { username: "engineer", password: "OldPass123" }, OFFICE)).toMatchObject({ ok: true });
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: world.users.ENGINEER } })).passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword("OldPass123", upgraded)).toBe(true);
    expect(await checkCredentials(db, { username: "engineer", password: "OldPass123" }, OFFICE)).toMatchObject({ ok: true });
  });

  it("many sign-ins at once all finish (the concurrent-hash cap queues, it does not drop)", async () => {
    // Only this test's attempts count: earlier tests' failures for the account must not delay these.
    await db.loginAttempt.deleteMany({});
    // The failures are another (unknown) account's, each attempt from its own address: whichever order
    // the ten finish in, none is throttled by another's failure, and each still costs one hash.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        checkCredentials(db, i % 2 ? { username: "clerk", password: PASSWORD } : { username: "nobody", password: "bad" }, `10.1.0.${i}`),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
  });
});

describe("bad sign-in bodies are refused plainly and write nothing", () => {
  it.each([
    ["an oversized password", { username: "clerk", password: "x".repeat(100_000) }],
    ["an oversized username", { username: "c".repeat(500), password: PASSWORD }],
    ["a missing password", { username: "clerk" }],
    ["an object as password", { username: "clerk", password: { $ne: "" } }],
    ["an array", [PASSWORD]],
    ["a string", "clerk:Kewu@2026"],
    ["nothing", undefined],
  ])("%s", async (_label, body) => {
    expect(await checkCredentials(db, body, ATTACKER)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.loginAttempt.count()).toBe(0);
  });
});

describe("the client address", () => {
  const forged = { "x-forwarded-for": "1.2.3.4", [PEER_ADDRESS_HEADER]: "::ffff:10.0.0.9" };
  it("ignores X-Forwarded-For unless TRUST_PROXY says how many proxies append to it", () => {
    expect(clientAddress(forged, 0)).toBe("10.0.0.9");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.5", [PEER_ADDRESS_HEADER]: "10.0.0.1" }, 1)).toBe("203.0.113.5");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.5, 10.0.0.2" }, 2)).toBe("203.0.113.5");
    expect(clientAddress({}, 0)).toBe("unknown");
  });

  it("next-auth's authorize counts the attempt against that address and reports the wait", async () => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: unknown, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const req = { headers: { [PEER_ADDRESS_HEADER]: ATTACKER, "x-forwarded-for": OFFICE } };
    await expect(provider.options.authorize({ username: "clerk", password: "bad", csrfToken: "x" }, req)).rejects.toThrow("invalid");
    expect(await db.loginAttempt.findFirst({ select: { address: true } })).toEqual({ address: ATTACKER });
    await failures("clerk", ATTACKER, 9);
    await expect(provider.options.authorize({ username: "clerk", password: PASSWORD }, req)).rejects.toThrow(/^throttled:\d+$/);
  });
});

describe("signing out ends the session on the server", () => {
  it("a copied cookie stops working after sign-out; signing in again works", async () => {
    await signInAs(world.users.CLERK);
    const copied = { ...session.claims! };
    expect(await getActor()).toMatchObject({ id: world.users.CLERK });
    await authOptions.events!.signOut!({ token: { uid: copied.userId, sv: copied.sessionVersion }, session: null as never });
    session.claims = copied;
    const { getActor: fresh } = await import("@/lib/auth/actor");
    expect(await fresh()).toBeNull();
    await signInAs(world.users.CLERK);
    expect(await getActor()).toMatchObject({ id: world.users.CLERK });
  });
});

describe("after sign-in only a path of this site", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
  it.each([
    ["/complaints", "http://localhost:3000/complaints"],
    ["http://localhost:3000/meetings?x=1", "http://localhost:3000/meetings?x=1"],
    ["/\\evil.com", "http://localhost:3000/"],
    ["/%09/evil.com", "http://localhost:3000/"],
    ["https://evil.com/", "http://localhost:3000/"],
    ["//evil.com", "http://localhost:3000/"],
    ["http://localhost:3000.evil.com/", "http://localhost:3000/"],
  ])("%s → %s", async (url, expected) => expect(await redirect(url)).toBe(expected));
});
