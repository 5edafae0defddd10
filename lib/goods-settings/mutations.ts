import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { claimVersion } from "@/lib/versioning";
import { SaveHazardTermsSchema, SaveLoadingRouteSchema } from "./schema";

/** The audit row of the hazard list: one per change of the whole (company-wide) list. */
const HAZARD_LIST_ID = "company";

/**
 * R-GP-4: replaces the company-wide hazard list. Terms kept keep their row (and so their place in the
 * list); the audit row holds the list before and after. An unchanged list writes nothing. The list is
 * one edited record (HazardTermList): a list saved from an older version is refused as stale.
 */
export const saveHazardTerms = defineMutation({
  name: "saveHazardTermsAction",
  schema: SaveHazardTermsSchema,
  successKey: "goodsSettings.hazards.saved",
  async run(actor: Actor, input) {
    const terms = input.terms.map((t) => t.trim());
    return db.$transaction(async (tx) => {
      // The list's version row (made on first use); two managers saving from one version: the second is refused as stale.
      await tx.$executeRaw`INSERT INTO "HazardTermList" ("id", "version") VALUES (${HAZARD_LIST_ID}, 0) ON CONFLICT DO NOTHING`;
      const current = await tx.hazardTerm.findMany({ select: { id: true, term: true }, orderBy: [{ createdAt: "asc" }, { term: "asc" }] });
      const before = current.map((t) => t.term);
      const keep = new Set(terms);
      const removed = current.filter((t) => !keep.has(t.term));
      const existing = new Set(before);
      const added = terms.filter((t) => !existing.has(t));
      if (removed.length === 0 && added.length === 0) {
        const list = await tx.hazardTermList.findUniqueOrThrow({ where: { id: HAZARD_LIST_ID }, select: { version: true } });
        return { count: terms.length, added: 0, removed: 0, version: list.version };
      }
      const version = await claimVersion(tx, {
        model: "hazardTermList",
        entity: "HazardTerm",
        id: HAZARD_LIST_ID,
        version: input.version,
        labels: "goodsSettings.hazards",
      });
      if (removed.length > 0) await tx.hazardTerm.deleteMany({ where: { id: { in: removed.map((t) => t.id) } } });
      // One createdAt per term, in the order given, so the list reads back in the order it was typed.
      const base = Date.now();
      if (added.length > 0) await tx.hazardTerm.createMany({ data: added.map((term, i) => ({ term, createdAt: new Date(base + i) })) });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "HazardTerm",
        entityId: HAZARD_LIST_ID,
        action: "UPDATE",
        before: { terms: before, version: input.version },
        after: { terms: [...before.filter((t) => keep.has(t)), ...added], version },
      });
      return { count: terms.length, added: added.length, removed: removed.length, version };
    });
  },
});

/**
 * R-GP-5: a loading route of one of the user's sites. Renaming keeps the passes on the route;
 * deactivating only stops new registrations, so the answer says how many planned passes still use it.
 */
export const saveLoadingRoute = defineMutation({
  name: "saveLoadingRouteAction",
  schema: SaveLoadingRouteSchema,
  successKey: "goodsSettings.routes.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const routeId = input.id ?? null;
    return db.$transaction(async (tx) => {
      const clash = await tx.loadingRoute.findFirst({
        where: { siteId: input.siteId, name: input.name, ...(routeId ? { id: { not: routeId } } : {}) },
        select: { id: true },
      });
      if (clash) throw new DomainError("conflict", "goodsSettings.errors.routeNameTaken", "name");

      if (!routeId) {
        const route = await tx.loadingRoute.create({
          data: { siteId: input.siteId, name: input.name, active: input.active, opensAt: input.opensAt, closesAt: input.closesAt },
          select: { id: true, name: true, active: true, opensAt: true, closesAt: true },
        });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: input.siteId,
          entity: "LoadingRoute",
          entityId: route.id,
          action: "CREATE",
          after: { name: route.name, active: route.active, opensAt: route.opensAt, closesAt: route.closesAt },
        });
        return { id: route.id, plannedPasses: 0, version: 0 };
      }

      const before = await tx.loadingRoute.findFirst({
        where: { id: routeId, siteId: input.siteId },
        select: { id: true, name: true, active: true, opensAt: true, closesAt: true, version: true },
      });
      if (!before) throw new DomainError("not_found", "errors.not_found");
      const opensAt = input.opensAt ?? before.opensAt;
      const closesAt = input.closesAt ?? before.closesAt;
      if (closesAt <= opensAt) throw new DomainError("invalid", "goodsSettings.errors.hoursOrder", "closesAt");
      let version = before.version;
      if (before.name !== input.name || before.active !== input.active || before.opensAt !== opensAt || before.closesAt !== closesAt) {
        // An edit made on an older version of the route is refused as stale (who changed what, since when).
        version = await claimVersion(tx, {
          model: "loadingRoute",
          entity: "LoadingRoute",
          id: before.id,
          version: input.version!,
          labels: "goodsSettings.routes",
        });
        await tx.loadingRoute.update({ where: { id: before.id }, data: { name: input.name, active: input.active, opensAt, closesAt } });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: input.siteId,
          entity: "LoadingRoute",
          entityId: before.id,
          action: "UPDATE",
          before: { name: before.name, active: before.active, opensAt: before.opensAt, closesAt: before.closesAt, version: input.version },
          after: { name: input.name, active: input.active, opensAt, closesAt, version },
        });
      }
      const plannedPasses = await tx.goodsPass.count({
        where: { routeId: before.id, state: { in: ["PENDING", "APPROVED"] }, windowEnd: { gt: new Date() } },
      });
      return { id: before.id, plannedPasses, version };
    });
  },
});
