import "server-only";
import { forbidden, redirect } from "next/navigation";
import { actorHas, type Permission } from "@/lib/permissions";
import { getActor, type Actor } from "./actor";

/** Thrown by the data layer; the action wrapper turns it into a refusal the form can show. */
export class AccessError extends Error {
  constructor(public readonly code: "unauthenticated" | "forbidden" | "not_found") {
    super(code);
  }
}

/** Where a user whose password was set by an administrator must go first. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** Data-layer check: a signed-in active user holding `permission` (and not owing a password change). */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AccessError("unauthenticated");
  if (actor.mustChangePassword) throw new AccessError("forbidden");
  if (!actorHas(actor, permission)) throw new AccessError("forbidden");
  return actor;
}

/** A record (or a site id sent in a request) outside the user's sites does not exist for them. */
export function assertSite(actor: Actor, siteId: string | null | undefined): void {
  if (!siteId || !actor.siteIds.includes(siteId)) throw new AccessError("not_found");
}

/**
 * Pages: anonymous → sign-in page; a password set by an administrator → the change-password page
 * (every page, until it is changed); signed in without the permission → 403 page.
 */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!actorHas(actor, permission)) forbidden();
  return actor;
}
