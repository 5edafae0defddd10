import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { assertPasswordAcceptable } from "@/lib/registry/user.mutations";
import { ChangeOwnPasswordSchema } from "./schema";

/**
 * A user changes their own password: the current one is required, the new one follows the password
 * rules and differs from the current one. It clears "must change at next sign-in" and ends every
 * session of the account, this one included (the user signs in again with the new password).
 */
export const changeOwnPassword = defineMutation({
  name: "changeOwnPasswordAction",
  schema: ChangeOwnPasswordSchema,
  successKey: "account.changed",
  async run(actor: Actor, input) {
    const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, passwordHash: true, sessionVersion: true } });
    if (!user) throw new DomainError("not_found", "errors.not_found");
    if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw new DomainError("invalid", "account.errors.currentWrong", "currentPassword");
    assertPasswordAcceptable(input.newPassword, actor.username, "newPassword");
    if (input.newPassword === input.currentPassword) throw new DomainError("invalid", "account.errors.sameAsCurrent", "newPassword");
    const passwordHash = await hashPassword(input.newPassword);
    return db.$transaction(async (tx) => {
      const changedAt = new Date();
      // Guarded by the session version read above: two changes at once do not both succeed.
      const { count } = await tx.user.updateMany({
        where: { id: user.id, sessionVersion: user.sessionVersion },
        data: { passwordHash, passwordChangedAt: changedAt, mustChangePassword: false, sessionVersion: { increment: 1 } },
      });
      if (count === 0) throw new DomainError("conflict", "errors.unauthenticated");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "User",
        entityId: user.id,
        action: "UPDATE",
        // Field names without "password": the trail drops those (lib/audit.ts), and these are no secret.
        before: { credentialsChangedAt: null, changeAtNextSignIn: actor.mustChangePassword },
        after: { credentialsChangedAt: changedAt, changeAtNextSignIn: false },
      });
      return { id: user.id };
    });
  },
});
