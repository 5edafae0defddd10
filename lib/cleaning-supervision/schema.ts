import { z } from "zod";
import { isValidLocalDate } from "@/lib/calendar/local-date";
import { ComplaintCategory, ComplaintSeverity } from "@/lib/generated/prisma/enums";
import { requestIdField } from "@/lib/request-id-schema";
import { id, optionalTrimmed, trimmed } from "@/lib/validation";
import { DAY_STEPS } from "./rules";

export const MAX_PHOTOS = 6;
const photoIds = z.array(id()).max(MAX_PHOTOS).default([]);
const period = z.string().trim().refine(isValidLocalDate, { message: "cleaningSupervision.errors.periodInvalid" });

/**
 * One step of today's supervisor's day (R-CLN-1): the time is the clock's, the day is today in site
 * time. The lunchtime check (§10.4) says whether the public areas were kept; when not, the re-staffing
 * agreed with the cleaning company's manager is required.
 */
export const RecordStepSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    step: z.enum(DAY_STEPS),
    note: optionalTrimmed(1000),
    ok: z.boolean().optional(),
    restaffingNote: optionalTrimmed(500),
  })
  .refine((v) => v.step !== "LUNCH_CHECK" || v.ok !== undefined, { message: "cleaningSupervision.errors.lunchOkRequired", path: ["ok"] })
  .refine((v) => v.step !== "LUNCH_CHECK" || v.ok !== false || !!v.restaffingNote, {
    message: "cleaningSupervision.errors.restaffingRequired",
    path: ["restaffingNote"],
  })
  .refine((v) => v.step === "LUNCH_CHECK" || (v.ok === undefined && !v.restaffingNote), {
    message: "cleaningSupervision.errors.lunchOnly",
    path: ["ok"],
  });

/**
 * A tenant's opinion heard (§10.6); with `toComplaint` it becomes a complaint in the same step, through
 * the complaints module's intake (R-CMP-1): tenant, severity, category and responsible department.
 */
export const RecordOpinionSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    content: trimmed(1000),
    toComplaint: z.boolean().default(false),
    tenantId: optionalTrimmed(50),
    unitId: optionalTrimmed(50),
    severity: z.enum(ComplaintSeverity).optional(),
    category: z.enum(ComplaintCategory).optional(),
    departmentId: optionalTrimmed(50),
  })
  .refine((v) => !v.toComplaint || !!v.tenantId, { message: "cleaningSupervision.errors.tenantRequired", path: ["tenantId"] })
  .refine((v) => !v.toComplaint || !!v.severity, { message: "cleaningSupervision.errors.severityRequired", path: ["severity"] })
  .refine((v) => !v.toComplaint || !!v.category, { message: "cleaningSupervision.errors.categoryRequired", path: ["category"] })
  .refine((v) => !v.toComplaint || !!v.departmentId, { message: "cleaningSupervision.errors.departmentRequired", path: ["departmentId"] });

/** Damage or an abnormality found on a patrol: a work order for engineering at once (§10.9, R-INS-5). */
export const ReportDamageSchema = z.strictObject({
  requestId: requestIdField(),
  siteId: id(),
  areaId: id(),
  description: trimmed(900),
  photoFileIds: photoIds,
});

/** §10.7: today's report to the manager, generated from the day's records; a remark may be added. */
export const SendReportSchema = z.strictObject({
  siteId: id(),
  remarks: optionalTrimmed(1000),
});

/** The manager has read the day's report. */
export const ReadReportSchema = z.strictObject({ dayId: id() });

/** §10.11–12: the cleaning company's plan, typed or photographed (at least one of the two). */
export const SubmitPlanSchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    kind: z.enum(["WEEKLY", "MONTHLY"]),
    period,
    content: optionalTrimmed(4000),
    photoFileIds: photoIds,
  })
  .refine((v) => !!v.content || v.photoFileIds.length > 0, { message: "cleaningSupervision.errors.planEmpty", path: ["content"] });

/** §10.13: the supervisor's written monthly summary and next month's plan. */
export const SubmitMonthlyReportSchema = z.strictObject({
  requestId: requestIdField(),
  siteId: id(),
  month: period,
  summary: trimmed(4000),
  nextMonthPlan: trimmed(4000),
});

/** §10.13: the manager's instruction (明确指示) on a monthly report, written once. */
export const InstructMonthlyReportSchema = z.strictObject({
  reportId: id(),
  instruction: trimmed(2000),
});
