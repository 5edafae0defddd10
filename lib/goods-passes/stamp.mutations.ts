import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ROUTE_HOLDING_STATES } from "./queries";
import { earliestOpenStart, hazardTermIn } from "./rules";
import { ApproveGoodsPassSchema, RejectGoodsPassSchema } from "./schema";

type Tx = Prisma.TransactionClient;

/** A pass of the user's sites, or "not found" (another site's pass does not exist for them). */
async function loadPendingCandidate(actor: Actor, passId: string) {
  const pass = await db.goodsPass.findFirst({
    where: { id: passId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      state: true,
      routeId: true,
      direction: true,
      windowStart: true,
      windowEnd: true,
      authorization: true,
      sealPhotoFileId: true,
      signatureFileId: true,
      createdById: true,
      site: { select: { code: true, timeZone: true } },
      signatory: { select: { revokedAt: true, validFrom: true, validTo: true } },
      items: { select: { name: true, hazardous: true } },
    },
  });
  if (!pass) throw new DomainError("not_found", "errors.not_found");
  return pass;
}

/**
 * Moves a pending pass on exactly once: the update only matches while the pass is still PENDING, so a
 * double click, a replay or a colleague stamping at the same moment finds nothing to change. `notBy`
 * puts the four-eyes rule into the same guarded update: the pass is not one this person registered.
 */
async function leavePending(tx: Tx, passId: string, data: Prisma.GoodsPassUpdateManyMutationInput, notBy?: string) {
  const { count } = await tx.goodsPass.updateMany({
    where: { id: passId, state: "PENDING", ...(notBy ? { createdById: { not: notBy } } : {}) },
    data,
  });
  if (count === 1) return;
  const now = await tx.goodsPass.findUnique({ where: { id: passId }, select: { state: true, createdById: true } });
  if (notBy && now?.state === "PENDING" && now.createdById === notBy) throw new DomainError("forbidden", "gate.errors.ownPass");
  throw new DomainError("conflict", "gate.errors.stateChanged");
}

/**
 * 盖章确认 (R-GP-3): PENDING → APPROVED with a gapless number of the site's local day. The route is
 * re-checked for other stamped moves (R-GP-5) under a per-route lock, so two overlapping passes stamped
 * at the same moment cannot both pass. A refusal rolls back the counter too: numbers never have gaps.
 */
export const approveGoodsPass = defineMutation({
  name: "approveGoodsPassAction",
  schema: ApproveGoodsPassSchema,
  successKey: "gate.stamp.approved",
  async run(actor: Actor, input) {
    const pass = await loadPendingCandidate(actor, input.passId);
    if (pass.state !== "PENDING") throw new DomainError("conflict", "gate.errors.stateChanged");
    // Four eyes: whoever registered the pass does not stamp it too.
    if (pass.createdById === actor.id) throw new DomainError("forbidden", "gate.errors.ownPass");
    const now = new Date();
    if (pass.windowEnd.getTime() <= now.getTime()) throw new DomainError("invalid", "gate.errors.windowPast");
    // R-GP-4: checked again against the hazard terms in force now, not only the flag set at registration
    // (a term may have been added since).
    if (pass.direction === "IN") {
      const terms = (await db.hazardTerm.findMany({ select: { term: true } })).map((h) => h.term);
      const hazard = pass.items.find((i) => i.hazardous || hazardTermIn(i.name, terms));
      if (hazard)
        throw new DomainError("invalid", "gate.errors.hazardous", undefined, {
          item: hazard.name,
          term: hazardTermIn(hazard.name, terms) ?? "—",
        });
    }
    // R-GP-2: goods going out carry the seal or a registered signatory's signature, still valid today.
    if (pass.direction === "OUT") {
      const today = localDateInZone(now, pass.site.timeZone);
      const sealed = pass.authorization === "SEAL" && pass.sealPhotoFileId;
      const s = pass.signatory;
      const signed =
        pass.authorization === "SIGNATORY" &&
        pass.signatureFileId &&
        s &&
        !s.revokedAt &&
        localDateOfColumn(s.validFrom) <= today &&
        today <= localDateOfColumn(s.validTo);
      if (!sealed && !signed) throw new DomainError("invalid", "gate.errors.noAuthorization");
    }

    const day = localDateInZone(now, pass.site.timeZone);
    return db.$transaction(async (tx) => {
      // Serialises stamps on one route, so the overlap check below sees every committed stamp.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`goods-route:${pass.routeId}`}))`;
      await leavePending(tx, pass.id, { state: "APPROVED", approvedById: actor.id, approvedAt: now }, actor.id);
      // R-GP-5: a released pass held its slot too. Touching windows (one ends as the next starts) are fine.
      const clash = await tx.goodsPass.findFirst({
        where: {
          routeId: pass.routeId,
          id: { not: pass.id },
          state: { in: [...ROUTE_HOLDING_STATES] },
          windowStart: { lt: pass.windowEnd, gte: earliestOpenStart(pass.windowStart) },
          windowEnd: { gt: pass.windowStart },
        },
        select: { number: true },
      });
      if (clash) throw new DomainError("conflict", "gate.errors.routeBusy", undefined, { number: clash.number ?? "" });
      const number = await nextDailyNumber(tx, "GOODS_PASS", { id: pass.siteId, code: pass.site.code }, day);
      await tx.goodsPass.update({ where: { id: pass.id }, data: { number }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: pass.siteId,
        entity: "GoodsPass",
        entityId: pass.id,
        action: "UPDATE",
        before: { state: "PENDING", number: null },
        after: { state: "APPROVED", number, approvedAt: now },
      });
      return { id: pass.id, number, approvedAt: now };
    });
  },
});

/** The department refuses a pass with a reason (PENDING → REJECTED); no number is consumed. */
export const rejectGoodsPass = defineMutation({
  name: "rejectGoodsPassAction",
  schema: RejectGoodsPassSchema,
  successKey: "gate.stamp.rejected",
  async run(actor: Actor, input) {
    const pass = await loadPendingCandidate(actor, input.passId);
    if (pass.state !== "PENDING") throw new DomainError("conflict", "gate.errors.stateChanged");
    const now = new Date();
    return db.$transaction(async (tx) => {
      await leavePending(tx, pass.id, { state: "REJECTED", rejectedById: actor.id, rejectedAt: now, rejectedReason: input.reason });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: pass.siteId,
        entity: "GoodsPass",
        entityId: pass.id,
        action: "UPDATE",
        before: { state: "PENDING" },
        after: { state: "REJECTED", rejectedAt: now, rejectedReason: input.reason },
      });
      return { id: pass.id };
    });
  },
});
