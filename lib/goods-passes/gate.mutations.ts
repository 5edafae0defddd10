import "server-only";
import { DomainError, defineMutation, type RefusalCode } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { gateCheck, type GateRefusal } from "./rules";
import { ReleaseGoodsPassSchema } from "./schema";

/** R-GP-7: why the gate refuses, as the action's refusal code (state problems vs. timing problems). */
const REFUSAL_CODE: Record<GateRefusal, RefusalCode> = {
  released: "conflict",
  rejected: "conflict",
  not_approved: "conflict",
  expired: "invalid",
  not_yet: "invalid",
};

function refusal(reason: GateRefusal) {
  return new DomainError(REFUSAL_CODE[reason], `gate.refusals.${reason}`);
}

/**
 * 放行 (R-GP-7): only a stamped pass, within its window, and only once. The update matches only while
 * the pass is still APPROVED, so of two guards releasing at the same moment exactly one succeeds.
 */
export const releaseGoodsPass = defineMutation({
  name: "releaseGoodsPassAction",
  schema: ReleaseGoodsPassSchema,
  successKey: "gate.released",
  async run(actor: Actor, input) {
    const pass = await db.goodsPass.findFirst({
      where: { id: input.passId, siteId: { in: actor.siteIds } },
      select: {
        id: true,
        siteId: true,
        number: true,
        state: true,
        windowStart: true,
        windowEnd: true,
        site: { select: { timeZone: true } },
      },
    });
    if (!pass) throw new DomainError("not_found", "errors.not_found");
    const now = new Date();
    const check = gateCheck(pass, now);
    if (check !== "ok") throw refusal(check);
    return db.$transaction(async (tx) => {
      const { count } = await tx.goodsPass.updateMany({
        where: { id: pass.id, state: "APPROVED" },
        data: { state: "RELEASED", releasedById: actor.id, releasedAt: now },
      });
      // Only APPROVED → RELEASED leaves APPROVED: whoever lost the race finds it released already.
      if (count !== 1) throw refusal("released");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: pass.siteId,
        entity: "GoodsPass",
        entityId: pass.id,
        action: "UPDATE",
        before: { state: "APPROVED" },
        after: { state: "RELEASED", releasedAt: now },
      });
      return { id: pass.id, number: pass.number, releasedAt: formatInZone(now, pass.site.timeZone), releasedBy: actor.name };
    });
  },
});
