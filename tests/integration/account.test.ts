/**
 * Passwords: an administrator-chosen password (new account or reset) must be replaced at the next
 * sign-in, and until then nothing but the change works; every user changes their own password with
 * the current one; weak passwords and a wrong current password get a Chinese field message, nothing written.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeOwnPasswordAction } from "@/lib/account/actions";
import { getActor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { AccessError } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { accountSummary } from "@/lib/home/queries";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { createUserAction, resetUserPasswordAction } from "@/lib/registry/user.actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { session } from "../support/session";

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

beforeEach(async () => {
  await db.loginAttempt.deleteMany();
});

async function snapshot(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, mustChangePassword: true, sessionVersion: true },
  });
  return { ...user, audit: await db.auditLog.count() };
}

describe("a password set by an administrator", () => {
  let newcomer: string;

  it("a new account must change its password at the first sign-in; nothing else works until then", async () => {
    await signInAs(world.users.ADMIN);
    const created = await createUserAction({
      username: "newcomer",
      password: "Start-Pass-2026",
      name: "新同事",
      role: "CLERK",
      duty: null,
      siteIds: [world.siteA],
    });
    expect(created).toMatchObject({ ok: true });
    newcomer = (created as { data: { id: string } }).data.id;
    expect((await db.user.findUniqueOrThrow({ where: { id: newcomer } })).mustChangePassword).toBe(true);

    expect(await checkCredentials(db, { username: "newcomer", password: "Start-Pass-2026" })).toMatchObject({ ok: true });
    await signInAs(newcomer);
    expect(await getActor()).toMatchObject({ mustChangePassword: true });
    // Actions refuse, with the reason.
    expect(await markNotificationsReadAction({})).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "请先修改管理员为您设置的密码。",
    });
    // The data layer refuses too (pages redirect to /account/password before they get here).
    await expect(accountSummary()).rejects.toBeInstanceOf(AccessError);
  });

  it("the change clears the flag, ends the old session and the new password signs in", async () => {
    await signInAs(newcomer);
    const oldClaims = { ...session.claims! };
    const result = await changeOwnPasswordAction({
      currentPassword: "Start-Pass-2026",
      newPassword: "Mein-Eigenes-42",
      confirmPassword: "Mein-Eigenes-42",
    });
    expect(result).toMatchObject({ ok: true, message: "密码已修改，请用新密码重新登录。" });
    const after = await db.user.findUniqueOrThrow({ where: { id: newcomer } });
    expect(after.mustChangePassword).toBe(false);
    session.claims = oldClaims;
    expect(await getActor()).toBeNull();
    expect(await checkCredentials(db, { username: "newcomer", password: "Start-Pass-2026" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db, { username: "newcomer", password: "Mein-Eigenes-42" })).toMatchObject({ ok: true });
    await signInAs(newcomer);
    expect(await markNotificationsReadAction({})).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: newcomer }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit.changes)).not.toMatch(/Mein-Eigenes|\$2|argon/);
  });

  it("a reset by the administrator asks for a change again", async () => {
    await signInAs(world.users.ADMIN);
    expect(await resetUserPasswordAction({ id: newcomer, password: "Reset-Pass-2026" })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: newcomer } })).mustChangePassword).toBe(true);
  });

  it("the administrator cannot hand out a weak password either", async () => {
    await signInAs(world.users.ADMIN);
    const users = await db.user.count();
    const weak = await createUserAction({
      username: "weakling",
      password: "woaini1314",
      name: "弱",
      role: "CLERK",
      duty: null,
      siteIds: [world.siteA],
    });
    expect(weak).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: "这是常见密码，很容易被猜到，请换一个。" } });
    const before = await snapshot(world.users.CLERK);
    const reset = await resetUserPasswordAction({ id: world.users.CLERK, password: "clerk-12345" });
    expect(reset).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: "密码不能与用户名相同，也不能包含用户名。" } });
    expect(await db.user.count()).toBe(users);
    expect(await snapshot(world.users.CLERK)).toEqual(before);
  });
});

describe("changing one's own password", () => {
  const cases: [string, Record<string, string>, string, string][] = [
    [
      "a wrong current password",
      { currentPassword: "wrong-password", newPassword: "Mein-Eigenes-42", confirmPassword: "Mein-Eigenes-42" },
      "currentPassword",
      "当前密码不正确。",
    ],
    [
      "a short new password",
      { currentPassword: "Kewu@2026", newPassword: "Ab3$xyz", confirmPassword: "Ab3$xyz" },
      "newPassword",
      "密码至少需要 10 位。",
    ],
    [
      "the username",
      { currentPassword: "Kewu@2026", newPassword: "Manager2026!", confirmPassword: "Manager2026!" },
      "newPassword",
      "密码不能与用户名相同，也不能包含用户名。",
    ],
    [
      "a common password",
      { currentPassword: "Kewu@2026", newPassword: "qwertyuiop", confirmPassword: "qwertyuiop" },
      "newPassword",
      "这是常见密码，很容易被猜到，请换一个。",
    ],
    [
      "two different new passwords",
      { currentPassword: "Kewu@2026", newPassword: "Mein-Eigenes-42", confirmPassword: "Mein-Eigenes-43" },
      "confirmPassword",
      "两次输入的新密码不一致。",
    ],
    [
      "the current password again",
      { currentPassword: "Kewu@2026", newPassword: "Kewu@2026", confirmPassword: "Kewu@2026" },
      "newPassword",
      "密码至少需要 10 位。",
    ],
  ];
  it.each(cases)("refuses %s with a Chinese field message and writes nothing", async (_label, input, field, message) => {
    await signInAs(world.users.MANAGER);
    const before = await snapshot(world.users.MANAGER);
    const result = await changeOwnPasswordAction(input);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((result as { fieldErrors: Record<string, string> }).fieldErrors[field]).toBe(message);
    expect(await snapshot(world.users.MANAGER)).toEqual(before);
  });

  it("refuses a new password equal to the current one (when that one is long enough)", async () => {
    await db.user.update({
      where: { id: world.users.ENGINEER },
      data: { passwordHash: await (await import("@/lib/auth/password")).hashPassword("Long-Enough-77") },
    });
    await signInAs(world.users.ENGINEER);
    const result = await changeOwnPasswordAction({
      currentPassword: "Long-Enough-77",
      newPassword: "Long-Enough-77",
      confirmPassword: "Long-Enough-77",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: "新密码不能与当前密码相同。" } });
  });

  it("refuses an anonymous caller", async () => {
    await signInAs(null);
    expect(await changeOwnPasswordAction({ currentPassword: "x", newPassword: "y", confirmPassword: "y" })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });
});
