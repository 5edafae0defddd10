/**
 * Demo cleaning supervision (§10, R-CLN-1) for both demo sites, so the supervisor's days, the plans page
 * and the manager's reading have something to show from the first start:
 *
 * - the working days of the past two months (site calendar: no day on holidays, one on make-up days),
 *   each with the recorded steps — mostly on time, now and then late, about one in eight missed — and
 *   the daily report sent (most days) and read by the manager (most of those);
 * - the contractor's weekly plans of the past eight weeks (one late, one missing) and its month-end plans
 *   of the past two months (one late);
 * - the supervisor's written summary of last month with the manager's instruction (明确指示).
 * - TODAY has no day: the supervisor (and the e2e test) record it themselves.
 *
 * Deterministic (PRNG stream per site) and idempotent per site: a site that already has cleaning days
 * gets nothing. One transaction per site; no audit rows (like the other seeds). Relative imports only.
 */
import { randomUUID } from "node:crypto";
import { addDays, dateColumn, formatInZone, instantFromLocalDateTime, type Calendar, type LocalDate } from "../../lib/calendar";
import { loadSiteCalendars } from "../../lib/calendar/load";
import {
  DAY_ITEMS,
  DAY_STEPS,
  STEP_DUE,
  firstOfMonth,
  mondayOf,
  monthEndDue,
  weeklyPlanDue,
  type DayStep,
} from "../../lib/cleaning-supervision/rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { mulberry32, seedFrom, type Rng } from "./random";
import { SITES } from "./data";

const HISTORY_DAYS = 61;
const NOTES: Record<DayStep, readonly string[]> = {
  PLAN_HEARD: [
    "保洁公司今日到岗8人，大堂2人、办公楼层4人、外围及垃圾房2人",
    "今日安排：大堂地面打蜡，外围绿化带清理",
    "今日安排：卫生间深度清洁，垃圾房冲洗消毒",
  ],
  LUNCH_CHECK: ["午间大堂、卫生间卫生保持良好", "午餐时段公共区域整洁"],
  OPINIONS_HEARD: ["走访3家业户，无意见", "业户反映电梯厅垃圾桶满溢，已要求增加清运", "业户建议茶水间增加清洁频次"],
  LAST_PATROL: ["下班前巡视：垃圾房已清运，门已上锁", "最后巡视正常，外围无杂物"],
};
const RESTAFFING = "午餐时段大堂无人值守，已与保洁公司领班协商，错峰用餐，大堂留1人";

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const at = (calendar: Calendar, date: LocalDate, minutes: number) =>
  instantFromLocalDateTime(`${date}T${hhmm(minutes)}`, calendar.timeZone);

/** When a step of a past day was recorded: on time mostly, late now and then, missed about one in eight (null). */
function stepTime(rng: Rng, calendar: Calendar, date: LocalDate, step: DayStep | "REPORT"): Date | null {
  const due = minutesOf(STEP_DUE[step]);
  if (rng.chance(0.12)) return null;
  return at(calendar, date, rng.chance(0.1) ? due + rng.int(5, 90) : due - rng.int(5, 60));
}

export async function seedCleaningSupervision(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const [supervisor, manager] = await Promise.all([
    db.user.findUnique({ where: { username: "supervisor" }, select: { id: true } }),
    db.user.findUnique({ where: { username: "manager" }, select: { id: true } }),
  ]);
  const sites = await db.site.findMany({
    where: { code: { in: SITES.map((s) => s.code) } },
    select: { id: true, code: true, _count: { select: { cleaningDays: true } } },
    orderBy: { code: "asc" },
  });
  const calendars = await loadSiteCalendars(
    db,
    sites.map((s) => s.id),
  );
  for (const site of sites) {
    const calendar = calendars.get(site.id);
    if (site._count.cleaningDays > 0 || !supervisor || !manager || !calendar) {
      options.log(`保洁监管 Cleaning supervision ${site.code}: 已有，未新增 none added`);
      continue;
    }
    const rng = mulberry32(seedFrom(`cleaning-supervision:${site.code}`));
    const today = calendar.localDateOf(now);
    const summary = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:cleaning-supervision'))`;
        if ((await tx.cleaningDay.count({ where: { siteId: site.id } })) > 0) return null;
        let days = 0;
        let missed = 0;
        for (let date = addDays(today, -HISTORY_DAYS); date < today; date = addDays(date, 1)) {
          if (!calendar.isWorkingDay(date)) continue; // R-CAL-1: no day on holidays and weekends; make-up days have one.
          const steps = DAY_STEPS.map((step) => ({ step, recordedAt: stepTime(rng, calendar, date, step) }));
          const reportAt = stepTime(rng, calendar, date, "REPORT");
          missed += steps.filter((s) => !s.recordedAt).length + (reportAt ? 0 : 1);
          const lunchWrong = rng.chance(0.08);
          const readAt = reportAt && rng.chance(0.85) ? new Date(reportAt.getTime() + rng.int(10, 900) * 60_000) : null;
          const items = DAY_ITEMS.map((key) => {
            const recorded = key === "REPORT" ? reportAt : key.startsWith("PATROL") ? null : steps.find((s) => s.step === key)!.recordedAt;
            const due = key.startsWith("PATROL") ? "" : STEP_DUE[key as DayStep | "REPORT"];
            const state = !recorded ? "missed" : recorded.getTime() <= at(calendar, date, minutesOf(due)).getTime() ? "done" : "late";
            return { key, state, at: recorded ? formatInZone(recorded, calendar.timeZone).slice(11, 16) : null, due };
          }).filter((i) => !i.key.startsWith("PATROL"));
          await tx.cleaningDay.create({
            data: {
              siteId: site.id,
              date: dateColumn(date),
              reportSentAt: reportAt,
              reportSentById: reportAt ? supervisor.id : null,
              report: reportAt
                ? {
                    date,
                    items,
                    notes: {},
                    lunch: null,
                    patrols: [],
                    opinions: [],
                    workOrders: [],
                    remarks: null,
                    missed: items.filter((i) => i.state === "missed").length,
                  }
                : undefined,
              reportReadAt: readAt,
              reportReadById: readAt ? manager.id : null,
              steps: {
                create: steps.flatMap(({ step, recordedAt }) =>
                  recordedAt
                    ? [
                        {
                          requestId: randomUUID(),
                          step,
                          recordedAt,
                          recordedById: supervisor.id,
                          note: rng.pick(NOTES[step]),
                          ok: step === "LUNCH_CHECK" ? !lunchWrong : null,
                          restaffingNote: step === "LUNCH_CHECK" && lunchWrong ? RESTAFFING : null,
                        },
                      ]
                    : [],
                ),
              },
            },
          });
          days += 1;
        }
        // The contractor's plans (§10.11–12): one weekly plan late, one missing; one monthly plan late.
        const meetings = await tx.meeting.findMany({
          where: { siteId: site.id, series: { kind: "CLEANING" } },
          select: { date: true, startsAt: true },
        });
        const series = await tx.meetingSeries.findUnique({
          where: { siteId_kind: { siteId: site.id, kind: "CLEANING" } },
          select: { weekday: true, startTime: true },
        });
        let plans = 0;
        for (let week = 1; week <= 8; week++) {
          const monday = addDays(mondayOf(today), -7 * week);
          if (week === 3) continue; // missing
          const meeting = meetings.find((m) => m.date >= dateColumn(monday) && m.date <= dateColumn(addDays(monday, 6))) ?? null;
          const dueAt = weeklyPlanDue(calendar, monday, meeting, series);
          if (!dueAt) continue;
          const submittedAt = new Date(dueAt.getTime() + (week === 5 ? 26 : -20) * 3_600_000);
          await tx.cleaningPlan.create({
            data: {
              requestId: randomUUID(),
              siteId: site.id,
              kind: "WEEKLY",
              period: dateColumn(monday),
              content: `周末：大堂及外围清扫、垃圾房冲洗；下周：${rng.pick(["地毯清洗", "玻璃幕墙清洁", "卫生间深度消毒", "楼梯扶手擦拭"])}`,
              dueAt,
              submittedAt,
              late: submittedAt > dueAt,
              recordedById: supervisor.id,
            },
          });
          plans += 1;
        }
        for (let back = 1; back <= 2; back++) {
          const first = firstOfMonth(addDays(firstOfMonth(today), -1 - 31 * (back - 1)));
          const dueAt = monthEndDue(calendar, first);
          if (!dueAt) continue;
          const submittedAt = new Date(dueAt.getTime() + (back === 2 ? 30 : -30) * 3_600_000);
          await tx.cleaningPlan.create({
            data: {
              requestId: randomUUID(),
              siteId: site.id,
              kind: "MONTHLY",
              period: dateColumn(first),
              content: "下月工作安排：外墙清洗一次，地毯清洗两次，垃圾房每日冲洗，虫害消杀每周一次",
              dueAt,
              submittedAt,
              late: submittedAt > dueAt,
              recordedById: supervisor.id,
            },
          });
          if (back === 1)
            await tx.cleaningMonthlyReport.create({
              data: {
                requestId: randomUUID(),
                siteId: site.id,
                month: dateColumn(first),
                summary: "本月保洁公司到岗率98%，公共区域巡视两次/日；午间调配一次；垃圾房卫生有改善。",
                nextMonthPlan: "下月重点：外墙清洗、雨季前排水沟清理、保洁员专业培训一次。",
                dueAt,
                submittedAt: new Date(dueAt.getTime() - 5 * 3_600_000),
                late: false,
                submittedById: supervisor.id,
                instruction: "同意下月计划；外墙清洗须提前通知业户并做好安全防护。",
                instructedAt: new Date(dueAt.getTime() + 20 * 3_600_000),
                instructedById: manager.id,
              },
            });
        }
        return { days, missed, plans };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    options.log(
      summary
        ? `保洁监管 Cleaning supervision ${site.code}: ${summary.days} 天 days, ${summary.missed} 漏做 missed, ${summary.plans} 周计划 weekly plans`
        : `保洁监管 Cleaning supervision ${site.code}: 已有，未新增 none added`,
    );
  }
}
