/**
 * Demo satisfaction surveys (§3.2, R-SUR-1..3): the company questionnaire (version 1), then two past
 * half-year rounds on every seeded site, closed, with responses from about three tenants in four
 * (scores and a few opinions), and opinion items at every step of the chain — the older round's all
 * revisited (one answered late), the last round's spread over every state with deadlines relative to
 * "now": some overdue now, some due soon, some met late.
 *
 * - Deterministic: seeded PRNG per site (./random). Deadlines follow lib/surveys/rules on the site's
 *   calendar (calendar days, R-CAL-3).
 * - Revisits are by PHONE with no signature file, as the seeded complaint history (seeded history has
 *   no files); the client's signature path is the app's.
 * - Idempotent: a site that already has a survey round gets none. One transaction; no audit rows.
 */
import { randomUUID } from "node:crypto";
import { addDays, createCalendar, dateColumn, localDateInZone, type Calendar, type LocalDate } from "../../lib/calendar";
import { loadOfficialYears } from "../../lib/calendar/load";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { SurveyItemState } from "../../lib/generated/prisma/enums";
import { answerDue, deliveryDue, revisitDue, tenantBuilding } from "../../lib/surveys/rules";
import { SITES } from "./data";
import { mulberry32, seedFrom, type Rng } from "./random";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_QUESTIONS = ["公共区域保洁质量", "安保与秩序维护", "工程维修及时性", "前台接待与服务态度", "投诉处理及回访"];

const OPINIONS = [
  ["高峰期电梯等待时间太长，希望增加运行电梯", "早高峰增开一部客梯，安排专人在大堂疏导"],
  ["卫生间异味较重，清洁不够及时", "卫生间巡查改为每小时一次，加装除臭设备"],
  ["地下车库照明不足，晚上取车不安全", "更换车库LED灯具，增加夜间巡逻"],
  ["大堂空调温度偏低", "大堂空调设定温度调整为26℃"],
  ["快递送达后前台通知不及时", "前台收件后即时短信通知业户"],
  ["报修后维修人员上门较慢", "报修30分钟内响应，维修进度每日回复"],
  ["访客登记排队时间较长", "增设一个访客登记窗口，推行二维码预约"],
  ["茶水间开水器经常没有热水", "更换开水器加热管，纳入每日巡检"],
] as const;

interface Staff {
  clerk: string;
  manager: string;
}

function halfStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? "01" : "07"}-01`;
}

function shiftMonths(date: LocalDate, months: number): LocalDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function titleOf(start: LocalDate): string {
  return `${start.slice(0, 4)}年${start.slice(5, 7) === "01" ? "上" : "下"}半年满意度调查`;
}

/** An instant at a local working hour of `days` days before now (10:00 local). */
function daysAgo(calendar: Calendar, now: Date, days: number, hour = 10): Date {
  const day = addDays(calendar.localDateOf(now), -days);
  return new Date(calendar.startOfLocalDay(day).getTime() + hour * 3600_000);
}

/**
 * The chain of one item from its summary: each step a given number of days after the one before
 * (null = not reached). Deadlines from the rules, so "late" is what the rules say.
 */
function chain(calendar: Calendar, summarisedAt: Date, steps: { deliver?: number; answer?: number; rectify?: number; revisit?: number }) {
  const at = (from: Date | null, days: number | undefined) => (from && days !== undefined ? new Date(from.getTime() + days * DAY) : null);
  const deliveredAt = at(summarisedAt, steps.deliver);
  const answeredAt = at(deliveredAt, steps.answer);
  const rectifiedAt = at(answeredAt, steps.rectify);
  const revisitedAt = at(rectifiedAt, steps.revisit);
  const state: SurveyItemState = revisitedAt
    ? "REVISITED"
    : rectifiedAt
      ? "RECTIFIED"
      : answeredAt
        ? "ANSWERED"
        : deliveredAt
          ? "DELIVERED"
          : "SUMMARISED";
  return {
    state,
    summarisedAt,
    deliveryDueAt: deliveryDue(calendar, summarisedAt).dueAt,
    deliveredAt,
    answerDueAt: deliveredAt ? answerDue(calendar, deliveredAt).dueAt : null,
    answeredAt,
    rectifiedAt,
    revisitDueAt: rectifiedAt ? revisitDue(calendar, rectifiedAt).dueAt : null,
    revisitedAt,
  };
}

async function ensureQuestionnaire(tx: Tx) {
  const current = await tx.surveyQuestionnaire.findFirst({
    where: { current: true },
    select: { id: true, questions: { select: { id: true } } },
  });
  if (current) return current;
  return tx.surveyQuestionnaire.create({
    data: { version: 1, current: true, questions: { create: DEFAULT_QUESTIONS.map((label, position) => ({ position, label })) } },
    select: { id: true, questions: { select: { id: true } } },
  });
}

async function seedSite(
  tx: Tx,
  site: { id: string; code: string },
  calendar: Calendar,
  questionnaire: { id: string; questions: { id: string }[] },
  staff: Staff,
  now: Date,
): Promise<number> {
  const rng: Rng = mulberry32(seedFrom(`surveys:${site.code}`));
  const [tenants, departments] = await Promise.all([
    tx.tenant.findMany({
      where: { siteId: site.id, units: { some: {} } },
      select: { id: true, units: { select: { code: true, building: true } } },
      orderBy: { name: "asc" },
    }),
    tx.department.findMany({ where: { siteId: site.id }, select: { id: true, kind: true }, orderBy: { name: "asc" } }),
  ]);
  if (tenants.length === 0 || departments.length === 0) return 0;
  const today = localDateInZone(now, calendar.timeZone);
  const current = halfStart(today);
  const periods = [shiftMonths(current, -12), shiftMonths(current, -6)];
  let itemCount = 0;
  for (const [index, start] of periods.entries()) {
    const end = addDays(shiftMonths(start, 6), -1);
    const last = index === periods.length - 1;
    // Collected over the period's last month; closed 10 days after the period (or yesterday at the latest).
    const closedAt = new Date(Math.min(calendar.endOfLocalDay(addDays(end, 10)).getTime() - 8 * 3600_000, now.getTime() - DAY));
    const round = await tx.surveyRound.create({
      data: {
        requestId: randomUUID(),
        siteId: site.id,
        title: titleOf(start),
        periodStart: dateColumn(start),
        periodEnd: dateColumn(end),
        questionnaireId: questionnaire.id,
        state: "CLOSED",
        openedById: staff.manager,
        closedAt,
        closedById: staff.manager,
        createdAt: new Date(closedAt.getTime() - 40 * DAY),
      },
      select: { id: true },
    });
    const responding = tenants.filter(() => rng.chance(0.75));
    const withOpinion: { responseId: string; tenantId: string; opinion: (typeof OPINIONS)[number] }[] = [];
    for (const tenant of responding) {
      const submittedAt = new Date(closedAt.getTime() - rng.int(2, 35) * DAY);
      const mood = index === 0 ? 3.6 : 4.0; // the trend improves
      const opinion = rng.chance(0.18) ? rng.pick(OPINIONS) : null;
      const response = await tx.surveyResponse.create({
        data: {
          roundId: round.id,
          tenantId: tenant.id,
          building: tenantBuilding(tenant.units) || null,
          channel: rng.chance(0.6) ? "PAPER" : "LINK",
          opinion: opinion?.[0] ?? null,
          submittedAt,
          enteredById: staff.clerk,
          answers: {
            create: questionnaire.questions.map((q) => ({
              questionId: q.id,
              score: Math.max(1, Math.min(5, Math.round(mood + (rng.next() - 0.5) * 2.4 - (opinion ? 1 : 0)))),
            })),
          },
        },
        select: { id: true },
      });
      if (opinion) withOpinion.push({ responseId: response.id, tenantId: tenant.id, opinion });
    }
    // The opinions' chains: the older round all revisited (one answer late), the last spread over every step.
    const plans: { summaryDaysAgo: number; steps: Parameters<typeof chain>[2] }[] = last
      ? [
          { summaryDaysAgo: 1, steps: {} }, // delivery due tomorrow
          { summaryDaysAgo: 5, steps: {} }, // delivery overdue
          { summaryDaysAgo: 7, steps: { deliver: 1 } }, // written answer overdue
          { summaryDaysAgo: 2, steps: { deliver: 1 } }, // answer due soon
          { summaryDaysAgo: 9, steps: { deliver: 3, answer: 2 } }, // delivered late, rectifying
          { summaryDaysAgo: 22, steps: { deliver: 1, answer: 2, rectify: 3 } }, // revisit overdue
          { summaryDaysAgo: 8, steps: { deliver: 1, answer: 1, rectify: 2 } }, // revisit on track
          { summaryDaysAgo: 30, steps: { deliver: 1, answer: 2, rectify: 5, revisit: 6 } },
        ]
      : [
          { summaryDaysAgo: 0, steps: { deliver: 1, answer: 2, rectify: 5, revisit: 7 } },
          { summaryDaysAgo: 0, steps: { deliver: 2, answer: 5, rectify: 4, revisit: 10 } }, // answered late
          { summaryDaysAgo: 0, steps: { deliver: 1, answer: 3, rectify: 6, revisit: 12 } },
        ];
    for (const [i, plan] of plans.entries()) {
      const source = withOpinion[i % Math.max(withOpinion.length, 1)];
      if (!source) break;
      const summarisedAt = last ? daysAgo(calendar, now, plan.summaryDaysAgo) : new Date(closedAt.getTime() + (i + 1) * DAY);
      const c = chain(calendar, summarisedAt, plan.steps);
      const item = await tx.surveyOpinionItem.create({
        data: {
          requestId: randomUUID(),
          siteId: site.id,
          roundId: round.id,
          responseId: source.responseId,
          tenantId: source.tenantId,
          departmentId: departments[i % departments.length]!.id,
          summary: source.opinion[0],
          summarisedById: staff.clerk,
          ...c,
          deliveredTo: c.deliveredAt ? "部门负责人" : null,
          deliveredById: c.deliveredAt ? staff.clerk : null,
          measures: c.answeredAt ? source.opinion[1] : null,
          answeredById: c.answeredAt ? staff.clerk : null,
          rectificationNote: c.rectifiedAt ? "已按整改措施完成" : null,
          rectifiedById: c.rectifiedAt ? staff.clerk : null,
        },
        select: { id: true },
      });
      if (c.revisitedAt && c.revisitDueAt)
        await tx.surveyRevisit.create({
          data: {
            itemId: item.id,
            dueAt: c.revisitDueAt,
            method: "PHONE",
            revisitedAt: c.revisitedAt,
            satisfaction: rng.chance(0.8) ? "SATISFIED" : "BASICALLY_SATISFIED",
            clientName: "业户联系人",
            comments: "整改效果良好",
            completedAt: c.revisitedAt,
            byId: staff.clerk,
          },
        });
      itemCount += 1;
    }
  }
  return itemCount;
}

export async function seedSurveys(db: PrismaClient, options: { now?: Date; log?: (line: string) => void } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:surveys'))`;
      const questionnaire = await ensureQuestionnaire(tx);
      const sites = await tx.site.findMany({
        where: { code: { in: SITES.map((s) => s.code) } },
        select: { id: true, code: true, timeZone: true, _count: { select: { surveyRounds: true } } },
        orderBy: { code: "asc" },
      });
      const empty = sites.filter((s) => s._count.surveyRounds === 0);
      if (empty.length === 0) return;
      const officialYears = await loadOfficialYears(tx);
      for (const site of empty) {
        const [overrides, members] = await Promise.all([
          tx.calendarOverride.findMany({ where: { siteId: site.id }, select: { date: true, kind: true } }),
          tx.userSite.findMany({
            where: { siteId: site.id, user: { role: { in: ["CLERK", "MANAGER"] }, disabled: false } },
            select: { user: { select: { id: true, role: true } } },
          }),
        ]);
        const clerk = members.find((m) => m.user.role === "CLERK")?.user.id;
        const manager = members.find((m) => m.user.role === "MANAGER")?.user.id;
        if (!clerk || !manager) continue;
        const calendar = createCalendar({
          timeZone: site.timeZone,
          overrides: overrides.map((o) => ({ date: o.date.toISOString().slice(0, 10), kind: o.kind })),
          officialYears,
        });
        const items = await seedSite(tx, site, calendar, questionnaire, { clerk, manager }, now);
        options.log?.(`surveys ${site.code}: 2 rounds, ${items} opinion items`);
      }
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
