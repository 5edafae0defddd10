import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { localizedNotification } from "@/lib/notifications/texts";
import { flaggedCertificates } from "./certificates";
import { dishShortfalls, weekProblem } from "./rules";
import { SubmitCanteenCheckSchema, SubmitWeeklyDocSchema } from "./schema";

type Tx = Prisma.TransactionClient;
type CheckInput = z.output<typeof SubmitCanteenCheckSchema>;

async function siteOf(actor: Actor, siteId: string) {
  assertSite(actor, siteId);
  return db.site.findUniqueOrThrow({ where: { id: siteId }, select: { id: true, name: true, timeZone: true } });
}

/**
 * R-CAT-1: the coordination supervisor's daily canteen check, once per site and local day (a second
 * check that day is refused; a replay of the same request answers with the first). Short dish counts and
 * failed items are failures (with their numbers); each needs its handling (§11.4(1)): corrected the
 * same day, or escalated — the site's managers are notified at once and what was fed back to the
 * catering company is kept. Catering staff without a valid 健康证 that day are flagged on the check.
 */
export const submitCanteenCheck = defineMutation({
  name: "submitCanteenCheckAction",
  schema: SubmitCanteenCheckSchema,
  successKey: "contractors.canteen.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const row = await db.canteenCheck.findUnique({ where: { requestId: input.requestId }, select: { id: true, checkedById: true } });
        return row && { madeById: row.checkedById, result: { id: row.id } };
      },
      create: () => recordCheck(actor, input),
      taken: () => new DomainError("conflict", "contractors.errors.alreadyChecked", "_form"),
    });
  },
});

async function recordCheck(actor: Actor, input: CheckInput) {
  const site = await siteOf(actor, input.siteId);
  const now = new Date();
  const today = localDateInZone(now, site.timeZone);
  const already = await db.canteenCheck.findUnique({
    where: { siteId_checkedOn: { siteId: site.id, checkedOn: dateColumn(today) } },
    select: { id: true },
  });
  if (already) throw new DomainError("conflict", "contractors.errors.alreadyChecked", "_form");

  const shortfalls = dishShortfalls(input);
  const failedItems = input.results.filter((r) => r.result === "FAIL").map((r) => r.item);
  const failures = shortfalls.length + failedItems.length;
  // §11.4(1) 发现的问题及时纠正: a failure is never left without its handling.
  if (failures > 0 && input.resolution === "NONE") throw new DomainError("invalid", "contractors.errors.resolutionRequired", "resolution");
  const expired = (await flaggedCertificates([site.id], today)).map((s) => s.name);
  const escalated = input.resolution === "ESCALATED";

  return db.$transaction(async (tx) => {
    const check = await tx.canteenCheck.create({
      data: {
        requestId: input.requestId,
        siteId: site.id,
        checkedOn: dateColumn(today),
        checkedById: actor.id,
        breakfastKinds: input.breakfastKinds,
        lunchMainDishes: input.lunchMainDishes,
        lunchStaples: input.lunchStaples,
        dinnerKinds: input.dinnerKinds,
        failures,
        expiredCertificates: expired,
        resolution: input.resolution,
        resolutionNote: input.resolutionNote ?? null,
        cateringFeedback: escalated ? (input.cateringFeedback ?? null) : null,
        escalatedAt: escalated ? now : null,
        results: {
          create: input.results.map((r) => ({ item: r.item, result: r.result, note: r.note ?? null, photoFileIds: r.photoFileIds })),
        },
      },
      select: { id: true },
    });
    await claimFiles(tx, {
      actor,
      siteId: site.id,
      entity: "CANTEEN_CHECK",
      entityId: check.id,
      kinds: ["PHOTO"],
      files: Object.fromEntries(input.results.map((r, i) => [`results.${i}.photoFileIds`, r.photoFileIds])),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      siteId: site.id,
      entity: "CanteenCheck",
      entityId: check.id,
      action: "CREATE",
      after: {
        checkedOn: today,
        breakfastKinds: input.breakfastKinds,
        lunchMainDishes: input.lunchMainDishes,
        lunchStaples: input.lunchStaples,
        dinnerKinds: input.dinnerKinds,
        failedItems,
        shortfalls: shortfalls.map((s) => s.field),
        expiredCertificates: expired,
        resolution: input.resolution,
      },
    });
    if (escalated)
      await notifyManagers(tx, {
        checkId: check.id,
        siteId: site.id,
        siteName: site.name,
        date: today,
        feedback: input.cateringFeedback ?? "",
      });
    return { id: check.id };
  });
}

/** §11.4(1) 对重大问题及时汇报客户服务部经理: the site's managers hear of it at once, in-app. */
async function notifyManagers(tx: Tx, e: { checkId: string; siteId: string; siteName: string; date: string; feedback: string }) {
  const managers = await tx.user.findMany({
    where: { role: "MANAGER", disabled: false, sites: { some: { siteId: e.siteId } } },
    select: { id: true },
  });
  if (managers.length === 0) return;
  const text = localizedNotification((t) => ({
    title: t("contractors.notify.escalated", { site: e.siteName, date: e.date }),
    body: e.feedback,
  }));
  await tx.notification.createMany({
    data: managers.map((m) => ({
      userId: m.id,
      siteId: e.siteId,
      kind: "canteen.escalated",
      ...text,
      link: `/contractors/canteen/checks/${e.checkId}`,
      dedupeKey: `canteen:${e.checkId}:escalated:${m.id}`,
    })),
    skipDuplicates: true,
  });
}

/**
 * R-CAT-1: the catering company's weekly menu (due Monday before noon) or weekly summary with next
 * week's points (due Friday), typed or photographed; received now. One per site, kind and week; for
 * this week, next week, or up to 8 weeks back (kept, flagged late) — a week after next is refused.
 */
export const submitWeeklyDoc = defineMutation({
  name: "submitWeeklyDocAction",
  schema: SubmitWeeklyDocSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const row = await db.canteenWeeklyDoc.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return row && { madeById: row.createdById, result: { id: row.id } };
      },
      create: async () => {
        const site = await siteOf(actor, input.siteId);
        const now = new Date();
        const problem = weekProblem(input.weekStart, localDateInZone(now, site.timeZone));
        if (problem) throw new DomainError("invalid", `contractors.errors.week.${problem}`, "weekStart");
        const already = await db.canteenWeeklyDoc.findUnique({
          where: { siteId_kind_weekStart: { siteId: site.id, kind: input.kind, weekStart: dateColumn(input.weekStart) } },
          select: { id: true },
        });
        if (already) throw new DomainError("conflict", "contractors.errors.docAlreadyReceived", "weekStart");
        return db.$transaction(async (tx) => {
          const doc = await tx.canteenWeeklyDoc.create({
            data: {
              requestId: input.requestId,
              siteId: site.id,
              kind: input.kind,
              weekStart: dateColumn(input.weekStart),
              text: input.text ?? null,
              receivedAt: now,
              createdById: actor.id,
            },
            select: { id: true },
          });
          await claimFiles(tx, {
            actor,
            siteId: site.id,
            entity: "CANTEEN_WEEKLY_DOC",
            entityId: doc.id,
            kinds: ["PHOTO"],
            files: { photoFileIds: input.photoFileIds },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: site.id,
            entity: "CanteenWeeklyDoc",
            entityId: doc.id,
            action: "CREATE",
            after: { kind: input.kind, weekStart: input.weekStart, typed: !!input.text, photos: input.photoFileIds.length },
          });
          return { id: doc.id };
        });
      },
      taken: () => new DomainError("conflict", "contractors.errors.docAlreadyReceived", "weekStart"),
    });
  },
});
