import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getActor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { resetUserPasswordAction, updateUserAction } from "@/lib/registry/user.actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { currentVersion } from "../support/versions";

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

beforeEach(async () => {
  await db.loginAttempt.deleteMany();
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    expect(await checkCredentials(db, { username: "clerk", password: "Kewu@2026" })).toMatchObject({ ok: true });
    expect(await checkCredentials(db, { username: "clerk", password: "wrong-password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db, { username: "nobody", password: "Kewu@2026" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account's sign-in and its existing session at the next request", async () => {
    await signInAs(world.users.FRONT_DESK);
    expect(await getActor()).toMatchObject({ role: "FRONT_DESK" });
    const before = { ...(await import("../support/session")).session.claims! };

    await signInAs(world.users.ADMIN);
    const res = await updateUserAction({
      id: world.users.FRONT_DESK,
      version: await currentVersion("user", world.users.FRONT_DESK),
      name: "前台",
      role: "FRONT_DESK",
      duty: null,
      siteIds: [world.siteA],
      disabled: true,
    });
    expect(res.ok).toBe(true);

    (await import("../support/session")).session.claims = before; // the old cookie comes back
    expect(await getActor()).toBeNull();
    expect(await checkCredentials(db, { username: "front_desk", password: "Kewu@2026" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("ends existing sessions when the password is changed", async () => {
    await signInAs(world.users.CLERK);
    const { session } = await import("../support/session");
    const oldCookie = { ...session.claims! };
    await signInAs(world.users.ADMIN);
    expect((await resetUserPasswordAction({ id: world.users.CLERK, password: "NewPass123" })).ok).toBe(true);
    session.claims = oldCookie;
    expect(await getActor()).toBeNull();
    expect(await checkCredentials(db, { username: "clerk", password: "NewPass123" })).toMatchObject({ ok: true });
  });

  it("a user sees only the sites assigned to them; the admin sees all", async () => {
    await signInAs(world.users.MANAGER);
    expect((await getActor())!.siteIds).toEqual([world.siteA]);
    await signInAs(world.users.ADMIN);
    expect(new Set((await getActor())!.siteIds)).toEqual(new Set([world.siteA, world.siteB]));
  });
});
