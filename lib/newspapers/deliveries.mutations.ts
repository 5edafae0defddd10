import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudits } from "@/lib/audit";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { localDateInZone } from "@/lib/calendar";
import { acceptedMadeAt } from "@/lib/offline/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NewspaperDeliveryState } from "@/lib/generated/prisma/enums";
import { DeliverSchema, HoldSchema, PickUpSchema } from "./schema";

type Tx = Prisma.TransactionClient;

async function loadDelivery(actor: Actor, deliveryId: string) {
  const delivery = await db.newspaperDelivery.findFirst({
    where: { id: deliveryId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      dayId: true,
      tenantId: true,
      unitId: true,
      state: true,
      deliveredById: true,
      signatureFileId: true,
      day: { select: { handedOverAt: true, closedAt: true } },
    },
  });
  if (!delivery) throw new DomainError("not_found", "errors.not_found");
  return delivery;
}

/** R-NEWS-3: the tenant's drawn signature proves this one delivery or pick-up, nothing else. */
function claimSignature(tx: Tx, actor: Actor, delivery: { id: string; siteId: string }, signatureFileId: string) {
  return claimFiles(tx, {
    actor,
    siteId: delivery.siteId,
    entity: "NEWSPAPER_DELIVERY",
    entityId: delivery.id,
    kinds: ["SIGNATURE"],
    files: { signatureFileId: [signatureFileId] },
  });
}

/** A delivery leaves PENDING once: on the phone the papers are handed out only after the hand-over (R-NEWS-2). */
async function pendingDelivery(actor: Actor, deliveryId: string) {
  const delivery = await loadDelivery(actor, deliveryId);
  if (delivery.state !== "PENDING") throw new DomainError("conflict", "newspapers.errors.deliveryDone");
  if (!delivery.day.handedOverAt) throw new DomainError("invalid", "newspapers.errors.notHandedOver");
  return delivery;
}

/**
 * When the tenant signed: now, or a delivery made offline at its own time, bounded by lib/offline/rules.ts
 * and never before the list was handed over (R-NEWS-2).
 */
async function madeAtOf(delivery: { siteId: string; day: { handedOverAt: Date | null } }, madeAt: string | undefined) {
  const site = await db.site.findUniqueOrThrow({ where: { id: delivery.siteId }, select: { timeZone: true } });
  const made = acceptedMadeAt(madeAt, new Date(), (d) => localDateInZone(d, site.timeZone));
  if (made.problem) throw new DomainError("invalid", `offline.errors.${made.problem}`, "madeAt");
  if (delivery.day.handedOverAt && made.at.getTime() < delivery.day.handedOverAt.getTime())
    throw new DomainError("invalid", "offline.errors.madeBeforeHandOver", "madeAt");
  return made.at;
}

type Household = { id: string; siteId: string; dayId: string; tenantId: string; unitId: string };

/**
 * Moves the household's papers of the day (every title the tenant takes at that unit) from `from` to the
 * new state with one guarded update: one signature, one "absent" covers them all. A double tap, a replay
 * or a colleague at the same moment finds nothing to change and is refused; nothing half-changes.
 */
async function step(
  tx: Tx,
  actor: Actor,
  delivery: Household,
  from: NewspaperDeliveryState,
  data: Prisma.NewspaperDeliveryUpdateManyMutationInput & { state: NewspaperDeliveryState },
): Promise<string[]> {
  // The day is held FOR SHARE: a close of the day (FOR UPDATE, day.mutations.ts) waits for this step, or
  // this step waits for the close, so the close's tally never misses a delivery racing it.
  await tx.$queryRaw`SELECT "id" FROM "NewspaperDay" WHERE "id" = ${delivery.dayId} FOR SHARE`;
  const household = { dayId: delivery.dayId, tenantId: delivery.tenantId, unitId: delivery.unitId };
  const ids = (await tx.newspaperDelivery.findMany({ where: { ...household, state: from }, select: { id: true } })).map((d) => d.id);
  if (!ids.includes(delivery.id)) throw new DomainError("conflict", "newspapers.errors.deliveryDone");
  const { count } = await tx.newspaperDelivery.updateMany({ where: { id: { in: ids }, state: from }, data });
  if (count !== ids.length) throw new DomainError("conflict", "newspapers.errors.deliveryDone");
  const { state, recipientName, pickupName } = data;
  await writeAudits(
    tx,
    ids.map((id) => ({
      actorId: actor.id,
      siteId: delivery.siteId,
      entity: "NewspaperDelivery",
      entityId: id,
      action: "UPDATE" as const,
      before: { state: from },
      after: { state, recipientName, pickupName },
    })),
  );
  return ids;
}

/** R-NEWS-3: the tenant signs once on the phone for all their papers of the day. */
export const deliverNewspaper = defineMutation({
  name: "deliverNewspaperAction",
  schema: DeliverSchema,
  successKey: "newspapers.delivery.delivered",
  async run(actor: Actor, input) {
    // A replay (the phone's queue resending after a lost answer) finds its own signature on the delivery:
    // the signature file is the request's key, claimed by this one delivery only. Answered as the first.
    const before = await loadDelivery(actor, input.deliveryId);
    if (before.state === "DELIVERED" && before.signatureFileId === input.signatureFileId && before.deliveredById === actor.id) {
      const deliveries = await db.newspaperDelivery.count({ where: { dayId: before.dayId, signatureFileId: input.signatureFileId } });
      return { id: before.id, deliveries };
    }
    const delivery = await pendingDelivery(actor, input.deliveryId);
    const deliveredAt = await madeAtOf(delivery, input.madeAt);
    const ids = await db.$transaction(async (tx) => {
      const ids = await step(tx, actor, delivery, "PENDING", {
        state: "DELIVERED",
        deliveredAt,
        deliveredById: actor.id,
        recipientName: input.recipientName,
        signatureFileId: input.signatureFileId,
      });
      await claimSignature(tx, actor, delivery, input.signatureFileId);
      return ids;
    });
    return { id: delivery.id, deliveries: ids.length };
  },
});

/** R-NEWS-3: nobody there — the household's papers are logged and taken back to the front desk. */
export const holdNewspaper = defineMutation({
  name: "holdNewspaperAction",
  schema: HoldSchema,
  successKey: "newspapers.delivery.held",
  async run(actor: Actor, input) {
    const delivery = await pendingDelivery(actor, input.deliveryId);
    const ids = await db.$transaction((tx) =>
      step(tx, actor, delivery, "PENDING", { state: "HELD", heldAt: new Date(), heldById: actor.id }),
    );
    return { id: delivery.id, deliveries: ids.length };
  },
});

/**
 * R-NEWS-3: held papers are picked up at the front desk (any later day, the day may be closed), signed
 * then, once for the household's papers of that day.
 */
export const pickUpNewspaper = defineMutation({
  name: "pickUpNewspaperAction",
  schema: PickUpSchema,
  successKey: "newspapers.held.pickedUp",
  async run(actor: Actor, input) {
    const delivery = await loadDelivery(actor, input.deliveryId);
    if (delivery.state !== "HELD") throw new DomainError("conflict", "newspapers.errors.notHeld");
    const ids = await db.$transaction(async (tx) => {
      const ids = await step(tx, actor, delivery, "HELD", {
        state: "PICKED_UP",
        pickedUpAt: new Date(),
        pickupRecordedById: actor.id,
        pickupName: input.pickupName,
        pickupSignatureFileId: input.signatureFileId,
      });
      await claimSignature(tx, actor, delivery, input.signatureFileId);
      return ids;
    });
    return { id: delivery.id, deliveries: ids.length };
  },
});
