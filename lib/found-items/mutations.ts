import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, instantFromLocalDateTime, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { saveVersionedRow } from "@/lib/versioning";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { DEFAULT_RETENTION_DAYS, disposableFrom, disposalProblem, foundOnProblem, keepUntilOf } from "./rules";
import { ClaimFoundItemSchema, DisposeFoundItemSchema, FoundItemSettingsSchema, RegisterFoundItemSchema } from "./schema";

/**
 * R-LOST-1 (§7.8): client service registers an item handed in from the garbage room. It gets the
 * site's next found-item number of the day (printed on its label) and the keeping period the site has
 * now; a double tap or a replayed request answers with the item already registered.
 */
export const registerFoundItem = defineMutation({
  name: "registerFoundItemAction",
  schema: RegisterFoundItemSchema,
  successKey: "foundItems.registered",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const made = await db.foundItem.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, number: true, registeredById: true },
        });
        return made && { madeById: made.registeredById, result: { id: made.id, number: made.number } };
      },
      create: () => register(actor, input),
    });
  },
});

async function register(actor: Actor, input: z.output<typeof RegisterFoundItemSchema>) {
  const [site, setting] = await Promise.all([
    db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { id: true, code: true, timeZone: true } }),
    db.foundItemSetting.findUnique({ where: { siteId: input.siteId }, select: { retentionDays: true } }),
  ]);
  const now = new Date();
  const today = localDateInZone(now, site.timeZone);
  const problem = foundOnProblem(input.foundOn, today);
  if (problem) throw new DomainError("invalid", `foundItems.errors.foundOn_${problem}`, "foundOn");
  const foundAt = instantFromLocalDateTime(`${input.foundOn}T${input.foundTime}`, site.timeZone);
  if (foundAt.getTime() > now.getTime()) throw new DomainError("invalid", "foundItems.errors.foundOn_future", "foundTime");
  const retentionDays = setting?.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const keepUntil = keepUntilOf(input.foundOn, retentionDays);

  return db.$transaction(async (tx) => {
    const number = await nextDailyNumber(tx, "FOUND_ITEM", site, today);
    const item = await tx.foundItem.create({
      data: {
        requestId: input.requestId,
        siteId: site.id,
        number,
        description: input.description,
        foundPlace: input.foundPlace,
        foundAt,
        foundOn: dateColumn(input.foundOn),
        foundByName: input.foundByName,
        keptAt: input.keptAt,
        photoFileIds: input.photoFileIds,
        keepUntil: dateColumn(keepUntil),
        registeredById: actor.id,
      },
      select: { id: true, number: true },
    });
    await claimFiles(tx, {
      actor,
      siteId: site.id,
      entity: "FOUND_ITEM",
      entityId: item.id,
      kinds: ["PHOTO"],
      files: { photoFileIds: input.photoFileIds },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: site.id,
      entity: "FoundItem",
      entityId: item.id,
      action: "CREATE",
      after: {
        number,
        description: input.description,
        foundPlace: input.foundPlace,
        foundAt,
        foundByName: input.foundByName,
        keptAt: input.keptAt,
        photoFileIds: input.photoFileIds,
        keepUntil,
        retentionDays,
      },
    });
    return item;
  });
}

async function loadItem(actor: Actor, itemId: string) {
  const item = await db.foundItem.findFirst({
    where: { id: itemId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, state: true, keepUntil: true, site: { select: { timeZone: true } } },
  });
  if (!item) throw new DomainError("not_found", "errors.not_found");
  // Claimed or disposed of already (by a colleague, or this very request a moment ago).
  if (item.state !== "REGISTERED") throw new DomainError("conflict", `foundItems.errors.already_${item.state}`);
  return item;
}

/**
 * The owner claims the item: identity checked (document type and its last four characters only), the
 * owner signs on the screen, and the staff member who releases it is recorded. Guarded: of two
 * releases (a double tap, two desks) exactly one passes.
 */
export const claimFoundItem = defineMutation({
  name: "claimFoundItemAction",
  schema: ClaimFoundItemSchema,
  successKey: "foundItems.claimed",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    const claimedAt = new Date();
    return db.$transaction(async (tx) => {
      const { count } = await tx.foundItem.updateMany({
        where: { id: item.id, state: "REGISTERED" },
        data: {
          state: "CLAIMED",
          claimantName: input.claimantName,
          claimantIdType: input.idType,
          claimantIdLast4: input.idLast4,
          claimSignatureFileId: input.signatureFileId,
          claimedAt,
          releasedById: actor.id,
        },
      });
      if (count !== 1) throw new DomainError("conflict", "foundItems.errors.already_CLAIMED");
      await claimFiles(tx, {
        actor,
        siteId: item.siteId,
        entity: "FOUND_ITEM",
        entityId: item.id,
        kinds: ["SIGNATURE"],
        files: { signatureFileId: [input.signatureFileId] },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: item.siteId,
        entity: "FoundItem",
        entityId: item.id,
        action: "UPDATE",
        before: { state: "REGISTERED" },
        after: {
          state: "CLAIMED",
          claimantName: input.claimantName,
          claimantIdType: input.idType,
          claimantIdLast4: input.idLast4,
          claimSignatureFileId: input.signatureFileId,
          claimedAt,
          releasedById: actor.id,
        },
      });
      return { id: item.id };
    });
  },
});

/**
 * R-LOST-1: an item nobody claimed within the keeping period is disposed of before a witness (who is
 * not the person recording it). Before the period is over it is refused with the first allowed day.
 */
export const disposeFoundItem = defineMutation({
  name: "disposeFoundItemAction",
  schema: DisposeFoundItemSchema,
  successKey: "foundItems.disposed",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    const keepUntil = localDateOfColumn(item.keepUntil);
    const now = new Date();
    if (disposalProblem(keepUntil, localDateInZone(now, item.site.timeZone)))
      throw new DomainError("invalid", "foundItems.errors.tooEarly", undefined, { date: disposableFrom(keepUntil) });
    if (input.witnessName === actor.name) throw new DomainError("invalid", "foundItems.errors.witnessSelf", "witnessName");
    return db.$transaction(async (tx) => {
      const { count } = await tx.foundItem.updateMany({
        where: { id: item.id, state: "REGISTERED" },
        data: {
          state: "DISPOSED",
          disposalMethod: input.method,
          disposalWitnessName: input.witnessName,
          disposalNote: input.note ?? null,
          disposedAt: now,
          disposedById: actor.id,
        },
      });
      if (count !== 1) throw new DomainError("conflict", "foundItems.errors.already_DISPOSED");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: item.siteId,
        entity: "FoundItem",
        entityId: item.id,
        action: "UPDATE",
        before: { state: "REGISTERED" },
        after: {
          state: "DISPOSED",
          disposalMethod: input.method,
          disposalWitnessName: input.witnessName,
          disposalNote: input.note ?? null,
          disposedAt: now,
        },
      });
      return { id: item.id };
    });
  },
});

/**
 * A site's keeping period. The setting row is made by the first save (version 0 → 1); later saves claim
 * the version the form was loaded with, so of two managers saving at once one is told it changed.
 */
export const saveFoundItemSettings = defineMutation({
  name: "saveFoundItemSettingsAction",
  schema: FoundItemSettingsSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return db.$transaction(async (tx) => {
      const before = await tx.foundItemSetting.findUnique({ where: { siteId: input.siteId }, select: { retentionDays: true } });
      const version = await saveVersionedRow(before !== null, input.version, {
        create: () => tx.foundItemSetting.create({ data: { siteId: input.siteId, retentionDays: input.retentionDays, version: 1 } }),
        update: () =>
          tx.foundItemSetting.updateMany({
            where: { siteId: input.siteId, version: input.version },
            data: { retentionDays: input.retentionDays, version: { increment: 1 } },
          }),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: input.siteId,
        entity: "FoundItemSetting",
        entityId: input.siteId,
        action: before ? "UPDATE" : "CREATE",
        before: before ? { retentionDays: before.retentionDays, version: input.version } : null,
        after: { retentionDays: input.retentionDays, version },
      });
      return { id: input.siteId, version };
    });
  },
});
