/**
 * R-NEWS-4: closing a newspaper day checks its tally (nothing pending, received = delivered + held +
 * returned) inside the closing transaction with the day locked, and each delivery step holds the day
 * FOR SHARE. A delivery racing the close either lands before the tally is read or after the close:
 * a closed day always reconciles with the deliveries it holds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeNewspaperDayAction, deliverNewspaperAction } from "@/lib/newspapers/actions";
import { checkClose, tallyDeliveries } from "@/lib/newspapers/rules";
import { newRequestId } from "@/lib/request-id";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
let n = 0;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

/** A handed-over day of one title: two copies received, one delivered, one still pending. */
async function dayWithOnePending() {
  const siteId = world.siteA;
  const title = await db.newspaperTitle.create({ data: { siteId, name: `竞态日报${n}` } });
  // Two subscribers of the title (one delivery each per day).
  const subscribe = () =>
    db.newspaperSubscription.create({
      data: {
        siteId,
        titleId: title.id,
        tenantId: world.a.tenant,
        unitId: world.a.unit,
        copies: 1,
        startsOn: new Date("2020-01-01T00:00:00Z"),
        createdById: world.users.CLERK,
      },
    });
  const subscriptions = [await subscribe(), await subscribe()];
  const day = await db.newspaperDay.create({
    data: {
      requestId: newRequestId(),
      siteId,
      date: new Date(Date.UTC(2025, 0, 1 + n++)),
      courierName: "邮递员",
      receivedById: world.users.FRONT_DESK,
      receiptSignatureFileId: "race",
      handedOverAt: new Date(),
      deliveryStaffName: "小李",
      lines: { create: [{ titleId: title.id, expected: 2, received: 2 }] },
    },
  });
  const delivery = (state: "DELIVERED" | "PENDING", subscription: { id: string }) =>
    db.newspaperDelivery.create({
      data: {
        dayId: day.id,
        siteId,
        subscriptionId: subscription.id,
        titleId: title.id,
        tenantId: world.a.tenant,
        unitId: world.a.unit,
        copies: 1,
        state,
      },
    });
  await delivery("DELIVERED", subscriptions[0]);
  const pending = await delivery("PENDING", subscriptions[1]);
  return { dayId: day.id, titleId: title.id, pendingId: pending.id };
}

describe("a delivery racing the day's close", () => {
  it("never slips past the tally: a closed day reconciles with the deliveries it holds (10 rounds)", async () => {
    await signInAs(world.users.FRONT_DESK);
    const outcomes = { closed: 0, refused: 0 };
    for (let round = 0; round < 10; round++) {
      const { dayId, titleId, pendingId } = await dayWithOnePending();
      const signatureFileId = await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE");
      // The front desk counts no surplus: the close only reconciles once the pending copy is delivered.
      const [delivered, closed] = await Promise.all([
        deliverNewspaperAction({ deliveryId: pendingId, recipientName: "前台", signatureFileId }),
        closeNewspaperDayAction({ dayId, returned: [{ titleId, returned: 0 }] }),
      ]);
      expect(delivered).toMatchObject({ ok: true });
      const day = await db.newspaperDay.findUniqueOrThrow({ where: { id: dayId }, select: { closedAt: true } });
      const line = await db.newspaperReceiptLine.findFirstOrThrow({ where: { dayId }, select: { received: true, returned: true } });
      const deliveries = await db.newspaperDelivery.findMany({ where: { dayId }, select: { state: true, copies: true } });
      if (closed.ok) {
        outcomes.closed++;
        expect(day.closedAt).not.toBeNull();
        // What the close approved is what the day holds now.
        expect(checkClose([{ titleId, ...line, ...tallyDeliveries(deliveries) }])).toEqual({ ok: true });
      } else {
        outcomes.refused++;
        expect(closed).toMatchObject({ ok: false, code: "invalid" });
        expect(day.closedAt).toBeNull();
        expect(await db.auditLog.count({ where: { entity: "NewspaperDay", entityId: dayId } })).toBe(0);
      }
    }
    console.log(
      `delivery racing the close, 10 rounds: ${outcomes.closed} closed after the delivery, ${outcomes.refused} refused (pending)`,
    );
  });

  it("the day closed first: the close saw the pending copy and was refused, nothing written", async () => {
    await signInAs(world.users.FRONT_DESK);
    const { dayId, titleId } = await dayWithOnePending();
    expect(await closeNewspaperDayAction({ dayId, returned: [{ titleId, returned: 0 }] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.newspaperDay.findUniqueOrThrow({ where: { id: dayId }, select: { closedAt: true } })).toEqual({ closedAt: null });
  });
});
