import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { chosenSite } from "@/lib/many-sites";
import { sitesByIds } from "./site.store";

/** The sites a user may pick in forms and filters, by code (from memory: site.store.ts). */
export async function sitesOf(actor: Actor) {
  return (await sitesByIds(actor.siteIds)).map((s) => ({ id: s.id, code: s.code, name: s.name, timeZone: s.timeZone }));
}

/** `?site=` narrowed to the user's sites; anything else means all of them (chosenSite, lib/many-sites.ts). */
export function siteScope(actor: Actor, requested?: string): string[] {
  const site = chosenSite(requested, actor.siteIds);
  return site ? [site] : actor.siteIds;
}

export async function listSites() {
  const actor = await requirePermission("site:read");
  return db.site.findMany({
    where: { id: { in: actor.siteIds } },
    select: {
      id: true,
      code: true,
      name: true,
      timeZone: true,
      slot1Start: true,
      slot1End: true,
      slot2Start: true,
      slot2End: true,
      _count: { select: { units: true, areas: true, tenants: true } },
    },
    orderBy: { code: "asc" },
  });
}

export async function getSite(id: string) {
  const actor = await requirePermission("site:read");
  if (!actor.siteIds.includes(id)) return null;
  return db.site.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      code: true,
      name: true,
      address: true,
      timeZone: true,
      slot1Start: true,
      slot1End: true,
      slot2Start: true,
      slot2End: true,
      inspectOnWeekends: true,
    },
  });
}
