/**
 * The cleaning supervisor's day against PostgreSQL (§10, R-CLN-1): steps recorded once with their time,
 * one day per site and date, an opinion turned into a complaint in one step, damage sent to engineering
 * as a work order, the daily report generated and read by the manager, the contractor's plans (late
 * flagged) and the monthly summary with the manager's instruction. Site scope, duty, bad input with a
 * Chinese message and nothing written, double submits changing nothing twice.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  instructCleaningMonthlyReportAction,
  readCleaningReportAction,
  recordCleaningOpinionAction,
  recordCleaningStepAction,
  reportCleaningDamageAction,
  sendCleaningReportAction,
  submitCleaningMonthlyReportAction,
  submitCleaningPlanAction,
} from "@/lib/cleaning-supervision/actions";
import { cleaningSupervisionAlerts } from "@/lib/cleaning-supervision/dashboard.queries";
import { cleaningDayView } from "@/lib/cleaning-supervision/day.queries";
import { cleaningSupervisionReminders } from "@/lib/cleaning-supervision/reminders";
import { addDays, dateColumn, localDateInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { mondayOf } from "@/lib/cleaning-supervision/rules";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { makeTodayWorking } from "./matrix/cleaning-supervision";

let world: World;
const today = () => localDateInZone(new Date(), "Asia/Shanghai");
const auditCount = () => db.auditLog.count();

beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
  await makeTodayWorking(world.siteA);
  await makeTodayWorking(world.siteB);
  await signInAs(world.users.SUPERVISOR);
});

const step = (stepName: string, extra: Record<string, unknown> = {}) =>
  recordCleaningStepAction({ requestId: newRequestId(), siteId: world.siteA, step: stepName, ...extra });

describe("R-CLN-1 steps of the day", () => {
  it("a step is recorded with the clock's time on today's one day record; a replay answers the same and writes nothing", async () => {
    const input = { requestId: newRequestId(), siteId: world.siteA, step: "PLAN_HEARD", note: "保洁公司今日8人，大堂2人" };
    const first = await recordCleaningStepAction(input);
    expect(first).toMatchObject({ ok: true });
    const audits = await auditCount();
    expect(await recordCleaningStepAction(input)).toEqual(first);
    expect(await auditCount()).toBe(audits);
    const days = await db.cleaningDay.findMany({ where: { siteId: world.siteA } });
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toEqual(dateColumn(today()));
    const row = await db.cleaningDayStep.findFirstOrThrow({ where: { step: "PLAN_HEARD" } });
    expect(row.recordedById).toBe(world.users.SUPERVISOR);
    expect(Math.abs(row.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("the same step recorded again by another request is refused and changes nothing; another step shares the day", async () => {
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: true });
    const audits = await auditCount();
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: false, code: "conflict", fieldErrors: { step: "这一步今天已经记录过了" } });
    expect(await auditCount()).toBe(audits);
    expect(await step("LAST_PATROL")).toMatchObject({ ok: true });
    expect(await db.cleaningDay.count()).toBe(1);
    expect(await db.cleaningDayStep.count()).toBe(2);
  });

  it("two taps at once make one day and one step", async () => {
    const results = await Promise.all([step("OPINIONS_HEARD"), step("OPINIONS_HEARD"), step("LAST_PATROL")]);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await db.cleaningDay.count()).toBe(1);
    expect(await db.cleaningDayStep.count()).toBe(2);
  });

  it("the lunchtime check needs its answer, and a re-staffing note when the arrangement was wrong (§10.4)", async () => {
    expect(await step("LUNCH_CHECK")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { ok: "请选择公共区域卫生是否保持良好" } });
    expect(await step("LUNCH_CHECK", { ok: false })).toMatchObject({
      ok: false,
      fieldErrors: { restaffingNote: "安排不合理时请填写调配说明" },
    });
    expect(await step("PLAN_HEARD", { ok: true })).toMatchObject({ ok: false, fieldErrors: { ok: "只有午餐检查填写此项" } });
    expect(await step("NAP")).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.cleaningDay.count()).toBe(0);
    expect(await step("LUNCH_CHECK", { ok: false, restaffingNote: "午餐时段大堂增派1人" })).toMatchObject({ ok: true });
    expect(await db.cleaningDayStep.findFirstOrThrow({})).toMatchObject({ ok: false, restaffingNote: "午餐时段大堂增派1人" });
  });

  it("not on a holiday: a non-working today has no day and nothing is written", async () => {
    await db.calendarOverride.updateMany({ where: { siteId: world.siteA, date: dateColumn(today()) }, data: { kind: "HOLIDAY" } });
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: false, code: "invalid", message: "今天不是工作日，没有保洁主管日程" });
    expect(await db.cleaningDay.count()).toBe(0);
    const view = await cleaningDayView(world.siteA, undefined);
    expect(view).toMatchObject({ working: false });
    expect(view?.items ?? null).toBeNull();
  });

  it("site scope, duty and roles: another site is not found, a coordination supervisor and a manager are refused", async () => {
    expect(await recordCleaningStepAction({ requestId: newRequestId(), siteId: world.siteB, step: "PLAN_HEARD" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await db.user.update({ where: { id: world.users.SUPERVISOR }, data: { duty: "COORDINATION" } });
    await signInAs(world.users.SUPERVISOR);
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.MANAGER);
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.cleaningDay.count()).toBe(0);
  });
});

describe("§10.6 opinions and §10.9 damage", () => {
  it("an opinion becomes a complaint in one step (complaints intake) and marks 'opinions heard'", async () => {
    const input = {
      requestId: newRequestId(),
      siteId: world.siteA,
      content: "10楼卫生间纸巾经常缺",
      toComplaint: true,
      tenantId: world.a.tenant,
      severity: "GENERAL",
      category: "CLEANING",
      departmentId: world.a.department,
    };
    const first = await recordCleaningOpinionAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(await recordCleaningOpinionAction(input)).toEqual(first);
    const complaint = await db.complaint.findFirstOrThrow({ where: { siteId: world.siteA } });
    expect(complaint).toMatchObject({
      source: "VISIT",
      category: "CLEANING",
      tenantId: world.a.tenant,
      description: "10楼卫生间纸巾经常缺",
    });
    expect(await db.complaint.count()).toBe(1);
    expect(await db.cleaningOpinion.findFirstOrThrow({})).toMatchObject({ complaintId: complaint.id });
    expect(await db.cleaningDayStep.findFirstOrThrow({})).toMatchObject({ step: "OPINIONS_HEARD" });
    // A second opinion keeps the step as first recorded.
    expect(await recordCleaningOpinionAction({ requestId: newRequestId(), siteId: world.siteA, content: "建议增加绿植" })).toMatchObject({
      ok: true,
    });
    expect(await db.cleaningDayStep.count()).toBe(1);
  });

  it("a complaint needs its tenant and department, of this site; nothing is written otherwise", async () => {
    const base = {
      requestId: newRequestId(),
      siteId: world.siteA,
      content: "投诉",
      toComplaint: true,
      severity: "GENERAL",
      category: "CLEANING",
    };
    expect(await recordCleaningOpinionAction(base)).toMatchObject({
      ok: false,
      fieldErrors: { tenantId: "登记投诉请选择业户", departmentId: "登记投诉请选择责任部门" },
    });
    expect(await recordCleaningOpinionAction({ ...base, tenantId: world.b.tenant, departmentId: world.a.department })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await recordCleaningOpinionAction({ ...base, content: "  " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.cleaningOpinion.count()).toBe(0);
    expect(await db.complaint.count()).toBe(0);
    expect(await db.cleaningDay.count()).toBe(0);
  });

  it("damage goes to engineering as a work order with its photo, once; engineers are notified", async () => {
    const photo = await uploadedFile(world.users.SUPERVISOR, world.siteA, "PHOTO");
    const input = {
      requestId: newRequestId(),
      siteId: world.siteA,
      areaId: world.a.area,
      description: "垃圾房门锁损坏",
      photoFileIds: [photo],
    };
    const first = await reportCleaningDamageAction(input);
    expect(first).toMatchObject({ ok: true, data: { number: expect.stringMatching(/^WO-SA-/) } });
    expect(await reportCleaningDamageAction(input)).toEqual(first);
    const workOrder = await db.workOrder.findFirstOrThrow({});
    expect(workOrder).toMatchObject({ state: "OPEN", areaId: world.a.area, photoFileIds: [photo] });
    expect(await db.workOrder.count()).toBe(1);
    expect(await db.notification.count({ where: { userId: world.users.ENGINEER, kind: "workorder.opened" } })).toBe(1);
    expect(await db.fileAttachment.findUniqueOrThrow({ where: { fileId: photo } })).toMatchObject({ entity: "CLEANING_DAMAGE" });
  });

  it("damage in an area of another site is refused next to the area field", async () => {
    expect(
      await reportCleaningDamageAction({ requestId: newRequestId(), siteId: world.siteA, areaId: world.b.area, description: "灯坏" }),
    ).toMatchObject({ ok: false, fieldErrors: { areaId: "请选择本项目的区域" } });
    expect(await db.workOrder.count()).toBe(0);
  });
});

describe("§10.7 the daily report", () => {
  it("is generated from the day's records, sent once to the site's managers in-app, and read by the manager", async () => {
    // A chat group of the site that takes the daily report (issue 20), and one that does not.
    const channel = (name: string, topics: string[]) =>
      db.chatChannel.create({
        data: { siteId: world.siteA, kind: "WEBHOOK", name, urlEncrypted: "x", urlHost: "example.com", topics, locale: "zh-CN" },
      });
    const reportGroup = await channel("保洁日报群", ["dailyReport"]);
    const deadlineGroup = await channel("期限群", ["deadlines"]);
    await step("PLAN_HEARD", { note: "今日8人" });
    await recordCleaningOpinionAction({ requestId: newRequestId(), siteId: world.siteA, content: "电梯厅有异味" });
    const sent = await sendCleaningReportAction({ siteId: world.siteA, remarks: "垃圾房已消杀" });
    expect(sent).toMatchObject({ ok: true });
    expect(await sendCleaningReportAction({ siteId: world.siteA })).toMatchObject({ ok: false, code: "conflict" });
    const deliveries = await db.chatDelivery.findMany({ select: { channelId: true, topic: true, message: true } });
    expect(deliveries.map((d) => [d.channelId, d.topic])).toEqual([[reportGroup.id, "dailyReport"]]);
    expect(JSON.stringify(deliveries[0].message)).toContain("/cleaning/days/");
    expect(deliveries.some((d) => d.channelId === deadlineGroup.id)).toBe(false);
    // The day is closed: later steps are refused.
    expect(await step("LAST_PATROL")).toMatchObject({ ok: false, code: "conflict" });

    const day = await db.cleaningDay.findFirstOrThrow({});
    const report = day.report as {
      items: { key: string; state: string }[];
      opinions: { content: string }[];
      remarks: string;
      notes: Record<string, string>;
    };
    expect(report.items.find((i) => i.key === "PLAN_HEARD")).toBeTruthy();
    expect(report.items.find((i) => i.key === "REPORT")?.state).toMatch(/done|late/);
    expect(report.opinions).toEqual([{ content: "电梯厅有异味", complaintNumber: null }]);
    expect(report).toMatchObject({ remarks: "垃圾房已消杀", notes: { PLAN_HEARD: "今日8人" } });

    const notes = await db.notification.findMany({ where: { kind: "cleaning.report" } });
    expect(notes.map((n) => n.userId)).toEqual([world.users.MANAGER]);
    expect(notes[0]!.link).toBe(`/cleaning/days/${today()}?site=${world.siteA}`);

    await signInAs(world.users.SUPERVISOR);
    expect(await readCleaningReportAction({ dayId: day.id })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.MANAGER);
    const view = await cleaningDayView(world.siteA, today());
    expect(view?.day?.report?.remarks).toBe("垃圾房已消杀");
    expect(await readCleaningReportAction({ dayId: day.id })).toMatchObject({ ok: true });
    expect(await readCleaningReportAction({ dayId: day.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.cleaningDay.findFirstOrThrow({})).toMatchObject({ reportReadById: world.users.MANAGER });
  });

  it("a report not yet sent cannot be read; another site's day is not found", async () => {
    await step("PLAN_HEARD");
    const day = await db.cleaningDay.findFirstOrThrow({});
    await signInAs(world.users.MANAGER);
    expect(await readCleaningReportAction({ dayId: day.id })).toMatchObject({ ok: false, code: "invalid" });
    const other = await db.cleaningDay.create({ data: { siteId: world.siteB, date: dateColumn("2026-11-27"), reportSentAt: new Date() } });
    expect(await readCleaningReportAction({ dayId: other.id })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("§10.11–13 plans, the monthly summary and the instruction", () => {
  const monday = () => mondayOf(today());
  const month = () => `${today().slice(0, 7)}-01`;

  it("a weekly plan typed or photographed, once per week; a past week's plan is kept and flagged late", async () => {
    const input = { requestId: newRequestId(), siteId: world.siteA, kind: "WEEKLY", period: monday(), content: "周六大堂打蜡" };
    const first = await submitCleaningPlanAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(await submitCleaningPlanAction(input)).toEqual(first);
    expect(await submitCleaningPlanAction({ ...input, requestId: newRequestId() })).toMatchObject({ ok: false, code: "conflict" });
    const photo = await uploadedFile(world.users.SUPERVISOR, world.siteA, "PHOTO");
    const lastWeek = addDays(monday(), -7);
    expect(
      await submitCleaningPlanAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        kind: "WEEKLY",
        period: lastWeek,
        photoFileIds: [photo],
      }),
    ).toMatchObject({ ok: true });
    expect(await db.cleaningPlan.findFirstOrThrow({ where: { period: dateColumn(lastWeek) } })).toMatchObject({
      late: true,
      content: null,
    });
  });

  it("bad plans are refused with a message next to the field", async () => {
    const base = { siteId: world.siteA, kind: "WEEKLY" };
    expect(await submitCleaningPlanAction({ ...base, requestId: newRequestId(), period: monday() })).toMatchObject({
      ok: false,
      fieldErrors: { content: "请填写计划内容或上传计划照片" },
    });
    expect(
      await submitCleaningPlanAction({ ...base, requestId: newRequestId(), period: addDays(monday(), 1), content: "x" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { period: "周计划请选择周一，月计划请选择每月1日" },
    });
    expect(
      await submitCleaningPlanAction({ ...base, requestId: newRequestId(), period: addDays(monday(), 7), content: "x" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { period: "不能登记尚未开始的周期" },
    });
    expect(await submitCleaningPlanAction({ ...base, requestId: newRequestId(), period: "2026-02-30", content: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { period: "请填写有效日期" },
    });
    expect(
      await submitCleaningPlanAction({ ...base, siteId: world.siteB, requestId: newRequestId(), period: monday(), content: "x" }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.cleaningPlan.count()).toBe(0);
  });

  it("the monthly summary goes to the manager, who writes an instruction once", async () => {
    const input = {
      requestId: newRequestId(),
      siteId: world.siteA,
      month: month(),
      summary: "本月保洁质量稳定",
      nextMonthPlan: "下月外墙清洗",
    };
    expect(await submitCleaningMonthlyReportAction({ ...input, summary: "" })).toMatchObject({ ok: false, code: "invalid" });
    const first = await submitCleaningMonthlyReportAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(await submitCleaningMonthlyReportAction(input)).toEqual(first);
    expect(await submitCleaningMonthlyReportAction({ ...input, requestId: newRequestId() })).toMatchObject({ ok: false, code: "conflict" });
    const report = await db.cleaningMonthlyReport.findFirstOrThrow({});
    expect(report.late).toBe(false);

    expect(await instructCleaningMonthlyReportAction({ reportId: report.id, instruction: "同意" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(world.users.MANAGER);
    expect(await instructCleaningMonthlyReportAction({ reportId: report.id, instruction: "" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await instructCleaningMonthlyReportAction({ reportId: report.id, instruction: "同意，外墙清洗注意安全" })).toMatchObject({
      ok: true,
    });
    expect(await instructCleaningMonthlyReportAction({ reportId: report.id, instruction: "改主意" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.cleaningMonthlyReport.findFirstOrThrow({})).toMatchObject({
      instruction: "同意，外墙清洗注意安全",
      instructedById: world.users.MANAGER,
    });
  });
});

describe("reminders and the dashboard query", () => {
  it("last working day's missing steps, last week's and month's missing plans, and a summary awaiting instruction", async () => {
    const now = new Date();
    const calendars = await loadSiteCalendars([world.siteA]);
    const members = [
      { userId: world.users.SUPERVISOR, role: "SUPERVISOR" as const, disabled: false, duty: "CLEANING" as const },
      { userId: world.users.MANAGER, role: "MANAGER" as const, disabled: false, duty: null },
    ];
    await db.cleaningMonthlyReport.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        month: dateColumn("2026-01-01"),
        summary: "s",
        nextMonthPlan: "p",
        dueAt: now,
        submittedAt: now,
        late: false,
        submittedById: world.users.SUPERVISOR,
      },
    });
    const context = { now, sites: [{ id: world.siteA, name: "测试项目A" }], calendars, membersOf: () => members };
    // A site that never recorded a day is not reminded.
    expect(await cleaningSupervisionReminders.collect(context)).toEqual({ rows: [], reminders: 0 });
    expect(await step("PLAN_HEARD")).toMatchObject({ ok: true });
    const first = await cleaningSupervisionReminders.collect(context);
    const kinds = new Set(first.rows.map((r) => r.kind));
    expect(kinds).toEqual(new Set(["cleaning.missed", "cleaning.plan", "cleaning.monthly", "cleaning.instruct"]));
    expect(first.rows.filter((r) => r.kind === "cleaning.instruct").map((r) => r.userId)).toEqual([world.users.MANAGER]);
    expect(first.rows.filter((r) => r.kind === "cleaning.missed").map((r) => r.userId)).toEqual([world.users.SUPERVISOR]);
    expect(new Set(first.rows.map((r) => r.dedupeKey)).size).toBe(first.rows.length);

    const alerts = await cleaningSupervisionAlerts([world.siteA]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.latePlans.some((p) => p.kind === "WEEKLY" && p.state === "missing")).toBe(true);
  });
});
