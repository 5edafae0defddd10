import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem, passwordProblemKey } from "@/lib/auth/password-policy";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { claimVersion } from "@/lib/versioning";
import { CreateUserSchema, ResetPasswordSchema, UpdateUserSchema } from "./user.schema";

/** Site ids in a request must name real sites (forged ids are refused, nothing written). */
async function assertSitesExist(siteIds: string[]) {
  const unique = [...new Set(siteIds)];
  const found = await db.site.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new DomainError("invalid", "users.errors.unknownSite", "siteIds");
  return unique;
}

/** The password rules, as a field message next to `field`; nothing is written when they are broken. */
export function assertPasswordAcceptable(password: string, username: string, field = "password"): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new DomainError("invalid", passwordProblemKey(problem), field);
}

export const createUser = defineMutation({
  name: "createUserAction",
  schema: CreateUserSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertPasswordAcceptable(input.password, input.username);
    const siteIds = await assertSitesExist(input.siteIds);
    if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } }))
      throw new DomainError("conflict", "users.errors.usernameTaken", "username");
    const passwordHash = await hashPassword(input.password);
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          email: input.email ?? null,
          role: input.role,
          duty: input.duty ?? null,
          passwordHash,
          // The administrator chose this password: the user replaces it at the first sign-in.
          mustChangePassword: true,
          sites: { create: siteIds.map((siteId) => ({ siteId })) },
        },
        select: { id: true, username: true, name: true, email: true, role: true, duty: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "User",
        entityId: user.id,
        action: "CREATE",
        after: { ...user, siteIds },
      });
      return { id: user.id };
    });
  },
});

export const updateUser = defineMutation({
  name: "updateUserAction",
  schema: UpdateUserSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.user.findUnique({
      where: { id: input.id },
      select: { id: true, name: true, email: true, role: true, duty: true, disabled: true, sites: { select: { siteId: true } } },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    if (before.id === actor.id && (input.disabled || input.role !== "ADMIN"))
      throw new DomainError("invalid", "users.errors.selfLockout", "role");
    const siteIds = await assertSitesExist(input.siteIds);
    // Disabling or changing the role ends the user's sessions at their next request.
    const endSessions = input.disabled !== before.disabled || input.role !== before.role;
    return db.$transaction(async (tx) => {
      const version = await claimVersion(tx, { model: "user", entity: "User", id: before.id, version: input.version, labels: "users" });
      // Site assignments change in place: removed ones go, added ones come, the rest stay untouched.
      await tx.userSite.deleteMany({ where: { userId: before.id, siteId: { notIn: siteIds } } });
      await tx.userSite.createMany({ data: siteIds.map((siteId) => ({ userId: before.id, siteId })), skipDuplicates: true });
      const after = await tx.user.update({
        where: { id: before.id },
        data: {
          name: input.name,
          email: input.email ?? null,
          role: input.role,
          duty: input.duty ?? null,
          disabled: input.disabled,
          sessionVersion: endSessions ? { increment: 1 } : undefined,
        },
        select: { id: true, name: true, email: true, role: true, duty: true, disabled: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "User",
        entityId: before.id,
        action: "UPDATE",
        before: {
          name: before.name,
          email: before.email,
          role: before.role,
          duty: before.duty,
          disabled: before.disabled,
          siteIds: before.sites.map((s) => s.siteId).sort(),
          version: input.version,
        },
        after: {
          name: after.name,
          email: after.email,
          role: after.role,
          duty: after.duty,
          disabled: after.disabled,
          siteIds: [...siteIds].sort(),
          version,
        },
      });
      return { id: before.id, version };
    });
  },
});

export const resetUserPassword = defineMutation({
  name: "resetUserPasswordAction",
  schema: ResetPasswordSchema,
  successKey: "users.passwordReset",
  async run(actor: Actor, input) {
    const user = await db.user.findUnique({ where: { id: input.id }, select: { id: true, username: true } });
    if (!user) throw new DomainError("not_found", "errors.not_found");
    assertPasswordAcceptable(input.password, user.username);
    const passwordHash = await hashPassword(input.password);
    return db.$transaction(async (tx) => {
      const changedAt = new Date();
      // A changed password ends every existing session at its next request (sessionVersion).
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: changedAt, mustChangePassword: true, sessionVersion: { increment: 1 } },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "User",
        entityId: user.id,
        action: "UPDATE",
        // Field names without "password": the trail drops those (lib/audit.ts), and these are no secret.
        before: { credentialsChangedAt: null, changeAtNextSignIn: null },
        after: { credentialsChangedAt: changedAt, changeAtNextSignIn: true },
      });
      return { id: user.id };
    });
  },
});
