import * as accountActions from "@/lib/account/actions";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import type { MatrixModule, MatrixSite } from "./types";

/** Each call starts from the fixtures' password, so every role changes its own password once. */
async function prepare(name: ActionName, _site: MatrixSite, actorId: string | null) {
  if (name === "changeOwnPasswordAction" && actorId)
    await db.user.update({ where: { id: actorId }, data: { passwordHash: await hashPassword("Kewu@2026") } });
}

/** One's own account: changing one's own password (current password required). */
export const accountMatrix: MatrixModule = {
  actions: [accountActions],
  inputs: {
    changeOwnPasswordAction: () => ({ currentPassword: "Kewu@2026", newPassword: "Mein-Eigenes-42", confirmPassword: "Mein-Eigenes-42" }),
  },
  prepare,
  unscoped: ["changeOwnPasswordAction"],
};
