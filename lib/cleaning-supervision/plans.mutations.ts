import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { addDays, dateColumn } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { cleaningMeetings, dueOf } from "./plans.queries";
import { monthEndDue, periodProblem } from "./rules";
import { InstructMonthlyReportSchema, SubmitMonthlyReportSchema, SubmitPlanSchema } from "./schema";

/** The site's calendar and today's date there, for a cleaning supervisor of the site. */
async function siteToday(actor: Actor, siteId: string) {
  assertSite(actor, siteId);
  if (actor.duty !== "CLEANING") throw new DomainError("forbidden", "cleaningSupervision.errors.notYourDuty");
  const calendar = await loadSiteCalendar(siteId);
  if (!calendar) throw new DomainError("not_found", "errors.not_found");
  const now = new Date();
  return { calendar, now, today: calendar.localDateOf(now) };
}

/**
 * §10.11–12: the cleaning company's weekend plan and next week's schedule (WEEKLY, due by the week's
 * meeting) or next month's plan (MONTHLY, due by the month's end), typed or photographed. Handed in once
 * per period; after the due time it is kept and flagged late.
 */
export const submitCleaningPlan = defineMutation({
  name: "submitCleaningPlanAction",
  schema: SubmitPlanSchema,
  successKey: "cleaningSupervision.planSaved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const taken = () => new DomainError("conflict", "cleaningSupervision.errors.planExists", "period");
    return createOnce(actor, {
      find: async () => {
        const row = await db.cleaningPlan.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, siteId: true, recordedById: true },
        });
        return row && row.siteId === input.siteId ? { madeById: row.recordedById, result: { id: row.id } } : null;
      },
      create: async () => {
        const { calendar, now, today } = await siteToday(actor, input.siteId);
        const problem = periodProblem(input.kind, input.period, today);
        if (problem) throw new DomainError("invalid", `cleaningSupervision.errors.period_${problem}`, "period");
        const last = input.kind === "WEEKLY" ? addDays(input.period, 6) : addDays(input.period, 40);
        const { dueAt } = dueOf(calendar, input.kind, input.period, await cleaningMeetings(input.siteId, input.period, last));
        if (!dueAt) throw new DomainError("invalid", "cleaningSupervision.errors.period_noneDue", "period");
        const exists = await db.cleaningPlan.findUnique({
          where: { siteId_kind_period: { siteId: input.siteId, kind: input.kind, period: dateColumn(input.period) } },
          select: { id: true },
        });
        if (exists) throw taken();
        const late = now.getTime() > dueAt.getTime();
        return db.$transaction(async (tx) => {
          const plan = await tx.cleaningPlan.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              kind: input.kind,
              period: dateColumn(input.period),
              content: input.content ?? null,
              photoFileIds: input.photoFileIds,
              dueAt,
              submittedAt: now,
              late,
              recordedById: actor.id,
            },
            select: { id: true },
          });
          await claimFiles(tx, {
            actor,
            siteId: input.siteId,
            entity: "CLEANING_PLAN",
            entityId: plan.id,
            kinds: ["PHOTO"],
            files: { photoFileIds: input.photoFileIds },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "CleaningPlan",
            entityId: plan.id,
            action: "CREATE",
            after: {
              kind: input.kind,
              period: input.period,
              dueAt,
              submittedAt: now,
              late,
              typed: !!input.content,
              photos: input.photoFileIds.length,
            },
          });
          return plan;
        });
      },
      taken,
    });
  },
});

/** §10.13: the supervisor's written summary of the month and next month's plan, once per month (late flagged). */
export const submitCleaningMonthlyReport = defineMutation({
  name: "submitCleaningMonthlyReportAction",
  schema: SubmitMonthlyReportSchema,
  successKey: "cleaningSupervision.monthlySaved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const taken = () => new DomainError("conflict", "cleaningSupervision.errors.monthlyExists", "month");
    return createOnce(actor, {
      find: async () => {
        const row = await db.cleaningMonthlyReport.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, siteId: true, submittedById: true },
        });
        return row && row.siteId === input.siteId ? { madeById: row.submittedById, result: { id: row.id } } : null;
      },
      create: async () => {
        const { calendar, now, today } = await siteToday(actor, input.siteId);
        const problem = periodProblem("MONTHLY", input.month, today);
        if (problem) throw new DomainError("invalid", `cleaningSupervision.errors.period_${problem}`, "month");
        const dueAt = monthEndDue(calendar, input.month);
        if (!dueAt) throw new DomainError("invalid", "cleaningSupervision.errors.period_noneDue", "month");
        const exists = await db.cleaningMonthlyReport.findUnique({
          where: { siteId_month: { siteId: input.siteId, month: dateColumn(input.month) } },
          select: { id: true },
        });
        if (exists) throw taken();
        const late = now.getTime() > dueAt.getTime();
        return db.$transaction(async (tx) => {
          const report = await tx.cleaningMonthlyReport.create({
            data: {
              requestId: input.requestId,
              siteId: input.siteId,
              month: dateColumn(input.month),
              summary: input.summary,
              nextMonthPlan: input.nextMonthPlan,
              dueAt,
              submittedAt: now,
              late,
              submittedById: actor.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "CleaningMonthlyReport",
            entityId: report.id,
            action: "CREATE",
            after: { month: input.month, dueAt, submittedAt: now, late },
          });
          return report;
        });
      },
      taken,
    });
  },
});

/** §10.13 请领导做出明确指示: the manager's instruction, written once (a second one finds it written). */
export const instructCleaningMonthlyReport = defineMutation({
  name: "instructCleaningMonthlyReportAction",
  schema: InstructMonthlyReportSchema,
  successKey: "cleaningSupervision.instructionSaved",
  async run(actor: Actor, input) {
    const report = await db.cleaningMonthlyReport.findFirst({
      where: { id: input.reportId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true },
    });
    if (!report) throw new DomainError("not_found", "errors.not_found");
    const now = new Date();
    return db.$transaction(async (tx) => {
      const { count } = await tx.cleaningMonthlyReport.updateMany({
        where: { id: report.id, instructedAt: null },
        data: { instruction: input.instruction, instructedAt: now, instructedById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "cleaningSupervision.errors.alreadyInstructed", "instruction");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: report.siteId,
        entity: "CleaningMonthlyReport",
        entityId: report.id,
        action: "UPDATE",
        before: { instruction: null, instructedAt: null },
        after: { instruction: input.instruction, instructedAt: now },
      });
      return { id: report.id };
    });
  },
});
