import "server-only";
import type { z } from "zod";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { acceptedMadeAt } from "@/lib/offline/rules";
import { notifyWorkOrdersOpened } from "@/lib/chat-channels/work-orders";
import { emailEngineering, notifyEngineering, type EngineeringNotice, type OpenedWorkOrder } from "@/lib/work-orders/notify";
import { areaForCheck, currentTemplate, windowOf } from "./queries";
import { canSubmit, dutyFor } from "./rules";
import { SubmitInspectionSchema } from "./schema";

const sameIds = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === a.length && b.every((x) => a.includes(x));

/**
 * One check of one area in one window (R-INS-1..3), with a work order for every failed equipment item
 * (R-INS-5), in one transaction. Who, where and when come from the session and the clock, not the form.
 */
export const submitInspection = defineMutation({
  name: "submitInspectionAction",
  schema: SubmitInspectionSchema,
  successKey: "inspections.saved",
  async run(actor: Actor, input) {
    return createOnce<{ id: string; failures: number; workOrders?: string[] }>(actor, {
      find: async () => {
        const first = await db.inspection.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, supervisorId: true, failures: true },
        });
        if (!first) return null;
        // The same answer as the first request's: with the work orders it opened (numbered in order).
        const workOrders = await db.workOrder.findMany({
          where: { result: { inspectionId: first.id } },
          orderBy: { number: "asc" },
          select: { number: true },
        });
        return {
          madeById: first.supervisorId,
          result: { id: first.id, failures: first.failures, workOrders: workOrders.map((w) => w.number) },
        };
      },
      create: () => checkAndSave(actor, input),
      // Someone else checked the same area and slot meanwhile.
      taken: () => new DomainError("conflict", "inspections.errors.alreadyDone"),
    });
  },
});

/** The checks and the write of one new round (its replay is createOnce's). */
async function checkAndSave(actor: Actor, input: z.output<typeof SubmitInspectionSchema>) {
  const area = await areaForCheck(actor, input.areaId);
  if (!area) throw new DomainError("not_found", "errors.not_found");
  // R-INS-1/2: cleaning supervisors walk public areas, coordination supervisors the outlets.
  if (dutyFor(area.type) !== actor.duty) throw new DomainError("forbidden", "inspections.errors.notYourDuty");

  const calendar = await loadSiteCalendar(area.siteId);
  const window = calendar ? windowOf(calendar, area.site, area.type, input.periodKey) : null;
  if (!calendar || !window) throw new DomainError("invalid", "inspections.errors.noSuchWindow", "periodKey");
  // The time of the check is when it was made: a round made offline inside its window and sent later the
  // same day counts as in time; the claimed time is bounded (not in the future, not an earlier day).
  const made = acceptedMadeAt(input.madeAt, new Date(), (d) => calendar.localDateOf(d));
  if (made.problem) throw new DomainError("invalid", `offline.errors.${made.problem}`, "madeAt");
  const now = made.at;
  const timing = canSubmit(window, now);
  // R-INS-4: a window that has ended stays missed (also for a round made offline after its end); one not
  // yet started cannot be checked in advance.
  if (timing !== "ok") throw new DomainError("invalid", `inspections.errors.${timing}`, "periodKey");

  const template = await currentTemplate(area.type);
  const itemIds = input.results.map((r) => r.itemId);
  if (
    !template ||
    template.id !== input.templateId ||
    !sameIds(
      itemIds,
      template.items.map((i) => i.id),
    )
  )
    throw new DomainError("invalid", "inspections.errors.templateMismatch", "templateId");

  const already = await db.inspection.findUnique({
    where: { areaId_periodKey: { areaId: area.id, periodKey: input.periodKey } },
    select: { id: true },
  });
  if (already) throw new DomainError("conflict", "inspections.errors.alreadyDone");

  const items = new Map(template.items.map((i) => [i.id, i]));
  const failures = input.results.filter((r) => r.result === "FAIL");
  const equipmentFailures = failures.filter((r) => items.get(r.itemId)?.equipment);
  const localDay = calendar.localDateOf(now);

  let engineering: EngineeringNotice | undefined;
  const saved = await db.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        requestId: input.requestId,
        siteId: area.siteId,
        areaId: area.id,
        templateId: template.id,
        periodKey: input.periodKey,
        supervisorId: actor.id,
        checkedAt: now,
        failures: failures.length,
        results: {
          create: input.results.map((r) => ({
            itemId: r.itemId,
            result: r.result,
            note: r.note ?? null,
            photoFileIds: r.photoFileIds,
          })),
        },
      },
      select: { id: true, results: { select: { id: true, itemId: true } } },
    });
    await claimFiles(tx, {
      actor,
      siteId: area.siteId,
      entity: "INSPECTION",
      entityId: inspection.id,
      kinds: ["PHOTO"],
      files: Object.fromEntries(input.results.map((r, index) => [`results.${index}.photoFileIds`, r.photoFileIds])),
    });
    const resultIdOf = new Map(inspection.results.map((r) => [r.itemId, r.id]));

    const workOrders: string[] = [];
    const opened: OpenedWorkOrder[] = [];
    if (equipmentFailures.length > 0) {
      // R-INS-5: numbered per site and local day of the round.
      for (const r of equipmentFailures) {
        const item = items.get(r.itemId)!;
        const workOrder = await tx.workOrder.create({
          data: {
            number: await nextDailyNumber(tx, "WORK_ORDER", { id: area.siteId, code: area.site.code }, localDay),
            siteId: area.siteId,
            areaId: area.id,
            resultId: resultIdOf.get(r.itemId),
            description: `${area.name}：${item.label}：${r.note ?? ""}`.slice(0, 1000),
            // The inspection's own photos, shown again: the work order refers to them, it does not claim them.
            photoFileIds: r.photoFileIds,
            createdById: actor.id,
          },
          select: { id: true, number: true, description: true },
        });
        workOrders.push(workOrder.number);
        opened.push(workOrder);
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: area.siteId,
          entity: "WorkOrder",
          entityId: workOrder.id,
          action: "CREATE",
          after: {
            number: workOrder.number,
            areaId: area.id,
            inspectionId: inspection.id,
            itemId: r.itemId,
            description: workOrder.description,
            photos: r.photoFileIds.length,
            state: "OPEN",
          },
        });
      }
      // R-INS-5: engineering is told at once.
      engineering = await notifyEngineering(tx, area.siteId, opened);
    }

    await writeAudit(tx, {
      actorId: actor.id,
      siteId: area.siteId,
      entity: "Inspection",
      entityId: inspection.id,
      action: "CREATE",
      after: {
        areaId: area.id,
        periodKey: input.periodKey,
        templateId: template.id,
        templateVersion: template.version,
        checkedAt: now,
        madeOffline: input.madeAt !== undefined,
        items: input.results.length,
        failures: failures.length,
        workOrders,
      },
    });
    return { id: inspection.id, failures: failures.length, workOrders };
  });
  // After the commit, and not awaited: a slow or failing mail server neither delays nor fails the round.
  if (engineering) {
    void emailEngineering(engineering);
    // And to the site's chat channels subscribed to work orders (never throws).
    void notifyWorkOrdersOpened(
      engineering.siteId,
      engineering.messages.map((m) => m.workOrder),
    );
  }
  return saved;
}
