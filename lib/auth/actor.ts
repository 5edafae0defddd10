import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { allSites as loadAllSites } from "@/lib/registry/site.store";
import type { Role, SupervisorDuty } from "@/lib/generated/prisma/enums";
import { seesAllSites } from "@/lib/permissions";
import { readSessionClaims } from "./session";

/** The signed-in staff member as the data layer sees them: fresh from the database on each request. */
export interface Actor {
  id: string;
  name: string;
  username: string;
  role: Role;
  duty: SupervisorDuty | null;
  /** The sites this user may see and touch. */
  siteIds: string[];
  /** Assigned to every site (or an all-sites role): may change company-wide settings (lib/permissions.ts COMPANY_WIDE). */
  allSites: boolean;
  /** An administrator set the password: until the user picks their own, only the change-password page and action work. */
  mustChangePassword: boolean;
}

/**
 * Resolves the session to an active user. A disabled user, or a token issued before the last password
 * change (sessionVersion bumped), gets null at once, not at token expiry.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // One round trip on every request: the user with their assigned sites (Prisma would read the sites
  // in a second query).
  const [user] = await db.$queryRaw<
    {
      id: string;
      name: string;
      username: string;
      role: Role;
      duty: SupervisorDuty | null;
      disabled: boolean;
      sessionVersion: number;
      mustChangePassword: boolean;
      assigned: string[];
    }[]
  >`
    SELECT u.id, u.name, u.username, u.role::text AS role, u.duty::text AS duty, u.disabled, u."sessionVersion",
           u."mustChangePassword", COALESCE(array_agg(us."siteId") FILTER (WHERE us."siteId" IS NOT NULL), '{}') AS assigned
      FROM "User" u
      LEFT JOIN "UserSite" us ON us."userId" = u.id
     WHERE u.id = ${claims.userId}
     GROUP BY u.id`;
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  // Every site, from memory (lib/registry/site.store.ts), by code: this runs on every request.
  const allSiteIds = (await loadAllSites()).map((s) => s.id);
  const assigned = new Set(user.assigned);
  const siteIds = seesAllSites(user.role) ? allSiteIds : allSiteIds.filter((id) => assigned.has(id));
  const allSites = seesAllSites(user.role) || allSiteIds.every((id) => assigned.has(id));
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    role: user.role,
    duty: user.duty,
    siteIds,
    allSites,
    mustChangePassword: user.mustChangePassword,
  };
});
