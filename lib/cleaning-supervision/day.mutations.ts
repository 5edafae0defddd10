import "server-only";
import { notifyDailyReportSent } from "@/lib/chat-channels/daily-report";
import { randomUUID } from "node:crypto";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { notifyWorkOrdersOpened } from "@/lib/chat-channels/work-orders";
import { insertComplaint, prepareIntake, type Tx } from "@/lib/complaints/mutations";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOnce } from "@/lib/idempotency";
import { localizedNotification } from "@/lib/notifications/texts";
import { siteSettings } from "@/lib/registry/site.store";
import { emailEngineering, notifyEngineering, type EngineeringNotice } from "@/lib/work-orders/notify";
import { composeReport, loadDayRecords } from "./day.queries";
import { canRecordOn } from "./rules";
import { ReadReportSchema, RecordOpinionSchema, RecordStepSchema, ReportDamageSchema, SendReportSchema } from "./schema";

/**
 * Today (site time) at one of the actor's sites, for the cleaning supervisor (R-INS-1's duty): refused
 * on a day without a supervisor's day — a holiday or an ordinary weekend (R-CAL-1).
 */
async function today(actor: Actor, siteId: string) {
  assertSite(actor, siteId);
  if (actor.duty !== "CLEANING") throw new DomainError("forbidden", "cleaningSupervision.errors.notYourDuty");
  const [site, calendar] = await Promise.all([siteSettings(siteId), loadSiteCalendar(siteId)]);
  if (!site || !calendar) throw new DomainError("not_found", "errors.not_found");
  const now = new Date();
  const date = calendar.localDateOf(now);
  if (canRecordOn(calendar, date, now) !== "ok") throw new DomainError("invalid", "cleaningSupervision.errors.notWorkingDay");
  return { site, calendar, date, now };
}

/**
 * The site's day record, made by whichever write of the day comes first: one per site and date (the
 * unique key decides between two at once; the loser's insert does nothing). Refused once the daily
 * report went out: the report is the day's record as sent (§10.7).
 */
async function openDay(tx: Tx, siteId: string, date: LocalDate) {
  await tx.$executeRaw`
    INSERT INTO "CleaningDay" ("id", "siteId", "date") VALUES (${randomUUID()}, ${siteId}, ${dateColumn(date)}::date)
    ON CONFLICT ("siteId", "date") DO NOTHING`;
  const [day] = await tx.$queryRaw<{ id: string; reportSentAt: Date | null }[]>`
    SELECT "id", "reportSentAt" FROM "CleaningDay" WHERE "siteId" = ${siteId} AND "date" = ${dateColumn(date)}::date FOR UPDATE`;
  if (day!.reportSentAt) throw new DomainError("conflict", "cleaningSupervision.errors.reportAlreadySent");
  return day!;
}

/**
 * R-CLN-1: one step of today's day, recorded once with the clock's time (§10.3 plan heard, §10.4 lunchtime
 * check, §10.6 opinions heard, §10.8 last patrol). A replay answers as the first time; the same step
 * recorded again by another request is refused — nothing changes twice.
 */
export const recordCleaningStep = defineMutation({
  name: "recordCleaningStepAction",
  schema: RecordStepSchema,
  successKey: "cleaningSupervision.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const taken = () => new DomainError("conflict", "cleaningSupervision.errors.stepAlreadyRecorded", "step");
    return createOnce(actor, {
      find: async () => {
        const row = await db.cleaningDayStep.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, recordedById: true, day: { select: { siteId: true } } },
        });
        return row && row.day.siteId === input.siteId ? { madeById: row.recordedById, result: { id: row.id } } : null;
      },
      create: async () => {
        const { date, now } = await today(actor, input.siteId);
        return db.$transaction(async (tx) => {
          const day = await openDay(tx, input.siteId, date);
          const before = await tx.cleaningDayStep.findUnique({
            where: { dayId_step: { dayId: day.id, step: input.step } },
            select: { id: true },
          });
          if (before) throw taken();
          const step = await tx.cleaningDayStep.create({
            data: {
              requestId: input.requestId,
              dayId: day.id,
              step: input.step,
              recordedAt: now,
              recordedById: actor.id,
              note: input.note ?? null,
              ok: input.ok ?? null,
              restaffingNote: input.restaffingNote ?? null,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "CleaningDayStep",
            entityId: step.id,
            action: "CREATE",
            after: {
              date,
              step: input.step,
              recordedAt: now,
              note: input.note ?? null,
              ok: input.ok ?? null,
              restaffingNote: input.restaffingNote ?? null,
            },
          });
          return step;
        });
      },
      taken,
    });
  },
});

/**
 * §10.6: a tenant's opinion heard, which marks today's "opinions heard" step if it is not yet recorded.
 * With `toComplaint` it becomes a complaint in the same transaction, through the complaints module's
 * intake (R-CMP-1/2: tenant, unit and department of the site, deadline from the calendar).
 */
export const recordCleaningOpinion = defineMutation({
  name: "recordCleaningOpinionAction",
  schema: RecordOpinionSchema,
  successKey: "cleaningSupervision.opinionSaved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return createOnce(actor, {
      find: async () => {
        const row = await db.cleaningOpinion.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, recordedById: true, complaintId: true, day: { select: { siteId: true } } },
        });
        return row && row.day.siteId === input.siteId
          ? { madeById: row.recordedById, result: { id: row.id, complaintId: row.complaintId } }
          : null;
      },
      create: async () => {
        const { date, now } = await today(actor, input.siteId);
        const intake = input.toComplaint
          ? await prepareIntake(actor, {
              siteId: input.siteId,
              tenantId: input.tenantId!,
              unitId: input.unitId ?? null,
              source: "VISIT",
              category: input.category!,
              severity: input.severity!,
              description: input.content,
              departmentId: input.departmentId!,
              receivedAt: undefined,
              photoIds: [],
            })
          : null;
        return db.$transaction(async (tx) => {
          const day = await openDay(tx, input.siteId, date);
          // The complaint's own request id is new: the opinion's names the opinion.
          const complaint = intake ? await insertComplaint(tx, actor, intake, randomUUID()) : null;
          const opinion = await tx.cleaningOpinion.create({
            data: {
              requestId: input.requestId,
              dayId: day.id,
              content: input.content,
              complaintId: complaint?.id ?? null,
              recordedById: actor.id,
              recordedAt: now,
            },
            select: { id: true, complaintId: true },
          });
          await tx.cleaningDayStep.createMany({
            data: [{ requestId: randomUUID(), dayId: day.id, step: "OPINIONS_HEARD", recordedAt: now, recordedById: actor.id }],
            skipDuplicates: true,
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "CleaningOpinion",
            entityId: opinion.id,
            action: "CREATE",
            after: { date, content: input.content, complaintId: complaint?.id ?? null, complaintNumber: complaint?.number ?? null },
          });
          return opinion;
        });
      },
    });
  },
});

/**
 * §10.9 (R-INS-5): damage or an abnormality found on a patrol goes to engineering at once — a work order
 * numbered per site and local day, engineering notified in the same transaction, mailed after it.
 */
export const reportCleaningDamage = defineMutation({
  name: "reportCleaningDamageAction",
  schema: ReportDamageSchema,
  successKey: "cleaningSupervision.damageSaved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    let engineering: EngineeringNotice | undefined;
    const result = await createOnce(actor, {
      find: async () => {
        const row = await db.cleaningDamage.findUnique({
          where: { requestId: input.requestId },
          select: { recordedById: true, workOrder: { select: { id: true, number: true, siteId: true } } },
        });
        return row && row.workOrder.siteId === input.siteId
          ? { madeById: row.recordedById, result: { workOrderId: row.workOrder.id, number: row.workOrder.number } }
          : null;
      },
      create: async () => {
        const { site, date, now } = await today(actor, input.siteId);
        const area = await db.area.findFirst({
          where: { id: input.areaId, siteId: input.siteId, active: true },
          select: { id: true, name: true, building: true, floor: true },
        });
        if (!area) throw new DomainError("invalid", "cleaningSupervision.errors.areaNotFound", "areaId");
        return db.$transaction(async (tx) => {
          const day = await openDay(tx, input.siteId, date);
          const workOrder = await tx.workOrder.create({
            data: {
              number: await nextDailyNumber(tx, "WORK_ORDER", { id: site.id, code: site.code }, date),
              siteId: site.id,
              areaId: area.id,
              description: `${area.name}：${input.description}`.slice(0, 1000),
              photoFileIds: input.photoFileIds,
              createdById: actor.id,
            },
            select: { id: true, number: true, description: true },
          });
          const damage = await tx.cleaningDamage.create({
            data: { requestId: input.requestId, dayId: day.id, workOrderId: workOrder.id, recordedById: actor.id, recordedAt: now },
            select: { id: true },
          });
          await claimFiles(tx, {
            actor,
            siteId: site.id,
            entity: "CLEANING_DAMAGE",
            entityId: damage.id,
            kinds: ["PHOTO"],
            files: { photoFileIds: input.photoFileIds },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: site.id,
            entity: "WorkOrder",
            entityId: workOrder.id,
            action: "CREATE",
            after: {
              number: workOrder.number,
              areaId: area.id,
              cleaningDayId: day.id,
              description: workOrder.description,
              photos: input.photoFileIds.length,
              state: "OPEN",
            },
          });
          engineering = await notifyEngineering(tx, site.id, [workOrder]);
          return { workOrderId: workOrder.id, number: workOrder.number };
        });
      },
    });
    // After the commit and not awaited, as for a round: a slow mail server neither delays nor fails the report.
    if (engineering) {
      void emailEngineering(engineering);
      void notifyWorkOrdersOpened(
        engineering.siteId,
        engineering.messages.map((m) => m.workOrder),
      );
    }
    return result;
  },
});

/** The site's active managers: the daily report's readers (§10.7 向部门经理汇报). */
async function managersOf(tx: Tx, siteId: string) {
  return tx.user.findMany({ where: { role: "MANAGER", disabled: false, sites: { some: { siteId } } }, select: { id: true } });
}

async function reportNotifications(
  tx: Tx,
  site: { id: string; name: string },
  dayId: string,
  date: LocalDate,
  missed: number,
  actorName: string,
) {
  const managers = await managersOf(tx, site.id);
  if (managers.length === 0) return;
  const text = localizedNotification((t) => ({
    title: t("cleaningSupervision.notify.report.title", { date, site: site.name }),
    body:
      missed > 0
        ? t("cleaningSupervision.notify.report.bodyMissed", { name: actorName, missed })
        : t("cleaningSupervision.notify.report.body", { name: actorName }),
  }));
  await tx.notification.createMany({
    data: managers.map((m) => ({
      userId: m.id,
      siteId: site.id,
      kind: "cleaning.report",
      ...text,
      link: `/cleaning/days/${date}?site=${site.id}`,
      dedupeKey: `cleaning:report:${dayId}:${m.id}`,
    })),
    skipDuplicates: true,
  });
}

/**
 * §10.7: today's report to the manager, generated from the day's records (steps, patrols, opinions,
 * work orders; what is missing is named) and stored as sent; the site's managers get it in-app. Sent
 * once: the update only matches while unsent, so a double tap sends nothing twice.
 */
export const sendCleaningReport = defineMutation({
  name: "sendCleaningReportAction",
  schema: SendReportSchema,
  successKey: "cleaningSupervision.reportSent",
  async run(actor: Actor, input) {
    const { site, calendar, date, now } = await today(actor, input.siteId);
    const records = await loadDayRecords(site, calendar, date);
    const report = composeReport(calendar, date, records, input.remarks ?? null, now);
    const sent = await db.$transaction(async (tx) => {
      const day = await openDay(tx, site.id, date);
      const { count } = await tx.cleaningDay.updateMany({
        where: { id: day.id, reportSentAt: null },
        data: { reportSentAt: now, reportSentById: actor.id, report: report as unknown as Prisma.InputJsonValue },
      });
      if (count !== 1) throw new DomainError("conflict", "cleaningSupervision.errors.reportAlreadySent");
      await reportNotifications(tx, site, day.id, date, report.missed, actor.name);
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: site.id,
        entity: "CleaningDay",
        entityId: day.id,
        action: "UPDATE",
        before: { reportSentAt: null },
        after: { date, reportSentAt: now, missed: report.missed, remarks: input.remarks ?? null },
      });
      return { id: day.id };
    });
    // And to the site's chat channels that receive the daily report (never throws).
    await notifyDailyReportSent({ site, dayId: sent.id, date, missed: report.missed, by: actor.name });
    return sent;
  },
});

/** The manager has read the day's report (once; a second tap finds it read). */
export const readCleaningReport = defineMutation({
  name: "readCleaningReportAction",
  schema: ReadReportSchema,
  successKey: "cleaningSupervision.reportRead",
  async run(actor: Actor, input) {
    const day = await db.cleaningDay.findFirst({
      where: { id: input.dayId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, reportSentAt: true },
    });
    if (!day) throw new DomainError("not_found", "errors.not_found");
    if (!day.reportSentAt) throw new DomainError("invalid", "cleaningSupervision.errors.reportNotSent");
    const now = new Date();
    return db.$transaction(async (tx) => {
      const { count } = await tx.cleaningDay.updateMany({
        where: { id: day.id, reportReadAt: null, reportSentAt: { not: null } },
        data: { reportReadAt: now, reportReadById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "cleaningSupervision.errors.reportAlreadyRead");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: day.siteId,
        entity: "CleaningDay",
        entityId: day.id,
        action: "UPDATE",
        before: { reportReadAt: null },
        after: { reportReadAt: now },
      });
      return { id: day.id };
    });
  },
});
