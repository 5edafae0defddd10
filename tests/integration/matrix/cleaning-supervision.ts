import * as cleaningActions from "@/lib/cleaning-supervision/actions";
import { mondayOf } from "@/lib/cleaning-supervision/rules";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/** Cleaning supervision (§10, R-CLN-1): actions, inputs and fixtures for the authorization matrix. */
const siteOf = (w: World, s: MatrixSite) => (s === "a" ? w.siteA : w.siteB);
const today = () => localDateInZone(new Date(), "Asia/Shanghai");
let past = 0;
const fx: Record<MatrixSite, { day: string; report: string }> = { a: { day: "", report: "" }, b: { day: "", report: "" } };

/** Today is made a working day of the site (whatever day the suite runs), so the day's steps can be recorded. */
export async function makeTodayWorking(siteId: string) {
  const date = dateColumn(today());
  await db.calendarOverride.upsert({
    where: { siteId_date: { siteId, date } },
    create: { siteId, date, kind: "WORKDAY" },
    update: { kind: "WORKDAY" },
  });
}

/** Today's day of the site as if nothing had been recorded (a fresh target for each call). */
export async function clearToday(siteId: string) {
  const where = { siteId, date: dateColumn(today()) };
  await db.cleaningDayStep.deleteMany({ where: { day: where } });
  await db.cleaningDay.updateMany({ where, data: { reportSentAt: null, reportReadAt: null } });
}

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, w: World) {
  if (!(name in ACTIONS)) return;
  const siteId = siteOf(w, site);
  await makeTodayWorking(siteId);
  await clearToday(siteId);
  if (name === "readCleaningReportAction") {
    const date = new Date(Date.UTC(2020, 0, 1 + past++));
    fx[site].day = (
      await db.cleaningDay.create({ data: { siteId, date, reportSentAt: new Date(), reportSentById: w.users.SUPERVISOR, report: {} } })
    ).id;
  }
  if (name === "instructCleaningMonthlyReportAction") {
    const month = new Date(Date.UTC(2000, past++, 1));
    fx[site].report = (
      await db.cleaningMonthlyReport.create({
        data: {
          requestId: newRequestId(),
          siteId,
          month,
          summary: "总结",
          nextMonthPlan: "计划",
          dueAt: month,
          submittedAt: month,
          late: false,
          submittedById: w.users.SUPERVISOR,
        },
      })
    ).id;
  }
  if (name === "submitCleaningPlanAction")
    await db.cleaningPlan.deleteMany({ where: { siteId, kind: "WEEKLY", period: dateColumn(mondayOf(today())) } });
  if (name === "submitCleaningMonthlyReportAction")
    await db.cleaningMonthlyReport.deleteMany({ where: { siteId, month: dateColumn(`${today().slice(0, 7)}-01`) } });
}

const ACTIONS: Partial<Record<ActionName, (w: World, s: MatrixSite) => unknown>> = {
  recordCleaningStepAction: (w, s) => ({ requestId: newRequestId(), siteId: siteOf(w, s), step: "PLAN_HEARD", note: "听取保洁公司安排" }),
  recordCleaningOpinionAction: (w, s) => ({ requestId: newRequestId(), siteId: siteOf(w, s), content: "大堂地面有水渍" }),
  reportCleaningDamageAction: (w, s) => ({ requestId: newRequestId(), siteId: siteOf(w, s), areaId: w[s].area, description: "灯不亮" }),
  sendCleaningReportAction: (w, s) => ({ siteId: siteOf(w, s) }),
  readCleaningReportAction: (_w, s) => ({ dayId: fx[s].day }),
  submitCleaningPlanAction: (w, s) => ({
    requestId: newRequestId(),
    siteId: siteOf(w, s),
    kind: "WEEKLY",
    period: mondayOf(today()),
    content: "周末清洁计划",
  }),
  submitCleaningMonthlyReportAction: (w, s) => ({
    requestId: newRequestId(),
    siteId: siteOf(w, s),
    month: `${today().slice(0, 7)}-01`,
    summary: "本月总结",
    nextMonthPlan: "下月计划",
  }),
  instructCleaningMonthlyReportAction: (_w, s) => ({ reportId: fx[s].report, instruction: "加强垃圾房管理" }),
};

export const cleaningSupervisionMatrix: MatrixModule = { actions: [cleaningActions], prepare, inputs: ACTIONS };
