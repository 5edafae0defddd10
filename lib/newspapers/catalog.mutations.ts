import "server-only";
import { dateColumn, localDateOfColumn } from "@/lib/calendar";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate } from "@/lib/audit";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { SubscriptionSchema, TitleSchema, UpdateSubscriptionSchema, UpdateTitleSchema } from "./schema";

async function assertTitleNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.newspaperTitle.findFirst({
    where: { siteId, name, id: exceptId ? { not: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "newspapers.errors.titleExists", "name");
}

export const createNewspaperTitle = defineMutation({
  name: "createNewspaperTitleAction",
  schema: TitleSchema,
  successKey: "newspapers.titles.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertTitleNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "NewspaperTitle" }, (tx) =>
      tx.newspaperTitle.create({
        data: { siteId: input.siteId, name: input.name, publisher: input.publisher ?? null },
        select: { id: true, name: true, publisher: true, active: true },
      }),
    );
  },
});

export const updateNewspaperTitle = defineMutation({
  name: "updateNewspaperTitleAction",
  schema: UpdateTitleSchema,
  successKey: "newspapers.titles.updated",
  async run(actor: Actor, input) {
    const before = await db.newspaperTitle.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, name: true, publisher: true, active: true },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    await assertTitleNameFree(before.siteId, input.name, before.id);
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "NewspaperTitle",
        edit: { model: "newspaperTitle", version: input.version, labels: "newspapers.titles" },
      },
      before,
      (tx) =>
        tx.newspaperTitle.update({
          where: { id: before.id },
          data: { name: input.name, publisher: input.publisher ?? null, active: input.active },
          select: { id: true, name: true, publisher: true, active: true },
        }),
    );
  },
});

export const createNewspaperSubscription = defineMutation({
  name: "createNewspaperSubscriptionAction",
  schema: SubscriptionSchema,
  successKey: "newspapers.subscriptions.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const [title, tenant, unit] = await Promise.all([
      db.newspaperTitle.findFirst({ where: { id: input.titleId, siteId: input.siteId }, select: { id: true } }),
      db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
      db.unit.findFirst({ where: { id: input.unitId }, select: { siteId: true, tenantId: true } }),
    ]);
    if (!title) throw new DomainError("invalid", "newspapers.errors.titleNotFound", "titleId");
    if (!tenant) throw new DomainError("invalid", "newspapers.errors.tenantNotFound", "tenantId");
    // The papers go to the tenant's own unit at this site, never to a unit someone else occupies.
    if (!unit || unit.siteId !== input.siteId) throw new DomainError("invalid", "newspapers.errors.unitOtherSite", "unitId");
    if (unit.tenantId !== input.tenantId) throw new DomainError("invalid", "newspapers.errors.unitNotTenants", "unitId");
    // A double tap or a replayed request answers with the subscription it already made (no doubled deliveries).
    return createOnce(actor, {
      find: async () => {
        const made = await db.newspaperSubscription.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return made && { madeById: made.createdById, result: { id: made.id } };
      },
      create: () =>
        auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "NewspaperSubscription" }, (tx) =>
          tx.newspaperSubscription.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              titleId: input.titleId,
              tenantId: input.tenantId,
              unitId: input.unitId,
              copies: input.copies,
              startsOn: dateColumn(input.startsOn),
              endsOn: input.endsOn ? dateColumn(input.endsOn) : null,
              createdById: actor.id,
            },
            select: { id: true, titleId: true, tenantId: true, unitId: true, copies: true, startsOn: true, endsOn: true },
          }),
        ),
    });
  },
});

/** Copies and dates change from now on; days already received keep their snapshot (deliveries carry the copies). */
export const updateNewspaperSubscription = defineMutation({
  name: "updateNewspaperSubscriptionAction",
  schema: UpdateSubscriptionSchema,
  successKey: "newspapers.subscriptions.updated",
  async run(actor: Actor, input) {
    const before = await db.newspaperSubscription.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, copies: true, startsOn: true, endsOn: true },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "NewspaperSubscription",
        edit: { model: "newspaperSubscription", version: input.version, labels: "newspapers.subscriptions" },
      },
      { ...before, startsOn: localDateOfColumn(before.startsOn), endsOn: before.endsOn ? localDateOfColumn(before.endsOn) : null },
      async (tx) => {
        const after = await tx.newspaperSubscription.update({
          where: { id: before.id },
          data: { copies: input.copies, startsOn: dateColumn(input.startsOn), endsOn: input.endsOn ? dateColumn(input.endsOn) : null },
          select: { id: true, copies: true },
        });
        return { ...after, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
      },
    );
  },
});
