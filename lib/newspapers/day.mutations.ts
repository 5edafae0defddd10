import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { allocateCopies, checkClose, distributionOrder, receiptDateProblem, tallyDeliveries } from "./rules";
import { CloseDaySchema, HandOverSchema, ReceiptSchema } from "./schema";

/** The subscriptions of active titles running on `date`, in distribution order (R-NEWS-2). */
async function subscriptionsOn(siteId: string, date: string) {
  const on = dateColumn(date);
  const rows = await db.newspaperSubscription.findMany({
    where: { siteId, title: { active: true }, startsOn: { lte: on }, OR: [{ endsOn: null }, { endsOn: { gte: on } }] },
    select: {
      id: true,
      titleId: true,
      tenantId: true,
      unitId: true,
      copies: true,
      title: { select: { name: true } },
      tenant: { select: { name: true } },
      unit: { select: { code: true, building: true, floor: true } },
    },
  });
  return distributionOrder(
    rows.map((r) => ({
      ...r,
      building: r.unit.building,
      floor: r.unit.floor,
      unitCode: r.unit.code,
      tenantName: r.tenant.name,
      titleName: r.title.name,
    })),
  );
}

/**
 * R-NEWS-1: the front desk signs for the papers the courier brought, title by title. The day's
 * distribution list is generated at once from the subscriptions running that local day (R-NEWS-2): one
 * delivery per subscription, PENDING, or SHORT when too few copies came (rules.allocateCopies). The
 * expected copies are snapshotted on each line, so a later change of a subscription does not rewrite the day.
 */
export const receiveNewspapers = defineMutation({
  name: "receiveNewspapersAction",
  schema: ReceiptSchema,
  successKey: "newspapers.receipt.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const day = await db.newspaperDay.findUnique({ where: { requestId: input.requestId }, select: { id: true, receivedById: true } });
        return day && { madeById: day.receivedById, result: { id: day.id } };
      },
      create: () => receive(actor, input),
      // A colleague signed for the same day a moment earlier.
      taken: () => new DomainError("conflict", "newspapers.errors.dayExists", "date"),
    });
  },
});

/** The checks and the write of one new day's receipt (its replay is createOnce's). */
async function receive(actor: Actor, input: z.output<typeof ReceiptSchema>) {
  const site = await db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { timeZone: true } });
  if (receiptDateProblem(input.date, localDateInZone(new Date(), site.timeZone)))
    throw new DomainError("invalid", "newspapers.errors.receiptFuture", "date");
  const existing = await db.newspaperDay.findUnique({
    where: { siteId_date: { siteId: input.siteId, date: dateColumn(input.date) } },
    select: { id: true },
  });
  if (existing) throw new DomainError("conflict", "newspapers.errors.dayExists", "date");

  const titles = await db.newspaperTitle.findMany({ where: { siteId: input.siteId }, select: { id: true } });
  const known = new Set(titles.map((t) => t.id));
  input.lines.forEach((line, index) => {
    if (!known.has(line.titleId)) throw new DomainError("invalid", "newspapers.errors.titleNotFound", `lines.${index}.received`);
  });

  const subscriptions = await subscriptionsOn(input.siteId, input.date);
  const received = new Map(input.lines.map((l) => [l.titleId, l.received]));
  const titleIds = [...new Set([...received.keys(), ...subscriptions.map((s) => s.titleId)])];
  const lines = titleIds.map((titleId) => {
    const subs = subscriptions.filter((s) => s.titleId === titleId);
    const got = received.get(titleId) ?? 0;
    return { titleId, received: got, expected: subs.reduce((n, s) => n + s.copies, 0), states: allocateCopies(got, subs).states };
  });

  return db.$transaction(async (tx) => {
    const day = await tx.newspaperDay.create({
      data: {
        requestId: input.requestId,
        siteId: input.siteId,
        date: dateColumn(input.date),
        courierName: input.courierName,
        receivedById: actor.id,
        receiptSignatureFileId: input.signatureFileId,
        lines: { create: lines.map((l) => ({ titleId: l.titleId, received: l.received, expected: l.expected })) },
      },
      select: { id: true },
    });
    // R-NEWS-1: one drawn signature proves one receipt.
    await claimFiles(tx, {
      actor,
      siteId: input.siteId,
      entity: "NEWSPAPER_DAY",
      entityId: day.id,
      kinds: ["SIGNATURE"],
      files: { signatureFileId: [input.signatureFileId] },
    });
    const states = new Map(lines.flatMap((l) => [...l.states]));
    await tx.newspaperDelivery.createMany({
      data: subscriptions.map((s) => ({
        dayId: day.id,
        siteId: input.siteId,
        subscriptionId: s.id,
        titleId: s.titleId,
        tenantId: s.tenantId,
        unitId: s.unitId,
        copies: s.copies,
        state: states.get(s.id) ?? "SHORT",
      })),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: input.siteId,
      entity: "NewspaperDay",
      entityId: day.id,
      action: "CREATE",
      after: {
        date: input.date,
        courierName: input.courierName,
        lines: lines.map((l) => ({ titleId: l.titleId, received: l.received, expected: l.expected })),
        deliveries: subscriptions.length,
      },
    });
    return day;
  });
}

async function loadDay(actor: Actor, dayId: string) {
  const day = await db.newspaperDay.findFirst({
    where: { id: dayId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, handedOverAt: true, closedAt: true },
  });
  if (!day) throw new DomainError("not_found", "errors.not_found");
  return day;
}

/** R-NEWS-2: the sorted papers are handed to the delivery staff, once. */
export const handOverNewspapers = defineMutation({
  name: "handOverNewspapersAction",
  schema: HandOverSchema,
  successKey: "newspapers.handOver.saved",
  async run(actor: Actor, input) {
    const day = await loadDay(actor, input.dayId);
    if (day.handedOverAt) throw new DomainError("conflict", "newspapers.errors.alreadyHandedOver");
    const now = new Date();
    await db.$transaction(async (tx) => {
      const { count } = await tx.newspaperDay.updateMany({
        where: { id: day.id, handedOverAt: null },
        data: { handedOverAt: now, handedOverById: actor.id, deliveryStaffName: input.deliveryStaffName },
      });
      if (count !== 1) throw new DomainError("conflict", "newspapers.errors.alreadyHandedOver");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: day.siteId,
        entity: "NewspaperDay",
        entityId: day.id,
        action: "UPDATE",
        before: { handedOverAt: null, deliveryStaffName: null },
        after: { handedOverAt: now, deliveryStaffName: input.deliveryStaffName },
      });
    });
    return { id: day.id };
  },
});

/**
 * Closing the day: nothing left PENDING, and per title received = delivered + held + returned (the
 * returned surplus as counted by the front desk). Otherwise refused with the title and the difference.
 */
export const closeNewspaperDay = defineMutation({
  name: "closeNewspaperDayAction",
  schema: CloseDaySchema,
  successKey: "newspapers.close.saved",
  async run(actor: Actor, input) {
    const day = await loadDay(actor, input.dayId);
    if (day.closedAt) throw new DomainError("conflict", "newspapers.errors.alreadyClosed");
    const now = new Date();
    await db.$transaction(async (tx) => {
      // The tally is read and checked inside the closing transaction, with the day locked: a delivery step
      // (which holds the day FOR SHARE, deliveries.mutations.ts) either commits before the tally is read or
      // waits for the close, so nothing slips past the check.
      await tx.$queryRaw`SELECT "id" FROM "NewspaperDay" WHERE "id" = ${day.id} FOR UPDATE`;
      const { count } = await tx.newspaperDay.updateMany({
        where: { id: day.id, closedAt: null },
        data: { closedAt: now, closedById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "newspapers.errors.alreadyClosed");
      const [lines, deliveries] = await Promise.all([
        tx.newspaperReceiptLine.findMany({
          where: { dayId: day.id },
          select: { id: true, titleId: true, received: true, title: { select: { name: true } } },
        }),
        tx.newspaperDelivery.findMany({ where: { dayId: day.id }, select: { titleId: true, state: true, copies: true } }),
      ]);
      const entered = new Map(input.returned.map((r, index) => [r.titleId, { returned: r.returned, index }]));
      input.returned.forEach((r, index) => {
        if (!lines.some((l) => l.titleId === r.titleId))
          throw new DomainError("invalid", "newspapers.errors.titleNotFound", `returned.${index}.returned`);
      });
      const titles = lines.map((l) => ({
        titleId: l.titleId,
        name: l.title.name,
        received: l.received,
        returned: entered.get(l.titleId)?.returned ?? 0,
        ...tallyDeliveries(deliveries.filter((d) => d.titleId === l.titleId)),
      }));
      const check = checkClose(titles);
      if (!check.ok && check.reason === "pending")
        throw new DomainError("invalid", "newspapers.errors.pendingLeft", undefined, { count: check.pending });
      if (!check.ok && check.reason === "mismatch") {
        const t = titles.find((x) => x.titleId === check.titleId)!;
        const index = entered.get(t.titleId)?.index;
        throw new DomainError(
          "invalid",
          "newspapers.errors.notReconciled",
          index === undefined ? undefined : `returned.${index}.returned`,
          {
            title: t.name,
            received: t.received,
            delivered: t.delivered,
            held: t.held,
            returned: t.returned,
            difference: check.difference,
          },
        );
      }
      for (const t of titles)
        await tx.newspaperReceiptLine.updateMany({ where: { dayId: day.id, titleId: t.titleId }, data: { returned: t.returned } });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: day.siteId,
        entity: "NewspaperDay",
        entityId: day.id,
        action: "UPDATE",
        before: { closedAt: null },
        after: { closedAt: now, returned: titles.map((t) => ({ titleId: t.titleId, returned: t.returned })) },
      });
    });
    return { id: day.id };
  },
});
