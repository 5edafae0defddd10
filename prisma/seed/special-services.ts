/**
 * Demo data for special services (§3.3, R-SVC-1..2), per seeded site:
 * - a catalogue of paid services with prices (one withdrawn), the default 3-working-day revisit;
 * - four months of orders ending a week and a half ahead: most finished (notice delivered and client
 *   revisited by phone, some revisits late), a few cancelled, recent ones waiting for their service,
 *   their notice's delivery or their revisit — some of those revisits overdue.
 * Deadlines follow the real rules (lib/special-services/rules) on the site's working-day calendar;
 * notice numbers are per site and local day of the service, as nextDailyNumber draws them (the
 * counters are synced afterwards by the seed's syncDailyCounters). Deterministic (seeded PRNG per
 * site, dates relative to `now`), idempotent per site (a site with a catalogue gets nothing), one
 * transaction per site, no audit rows.
 * Relative imports only: the seed runs under tsx, where the `@/` alias is not resolved.
 */
import { randomUUID } from "node:crypto";
import { formatDailyNumber } from "../../lib/daily-number";
import { loadSiteCalendars } from "../../lib/calendar/load";
import type { Calendar } from "../../lib/calendar";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { Satisfaction, SpecialServiceOrderState } from "../../lib/generated/prisma/enums";
import { DEFAULT_REVISIT_WORKING_DAYS, revisitDue } from "../../lib/special-services/rules";
import { SITES } from "./data";
import { mulberry32, seedFrom, type Rng } from "./random";

const CATALOGUE = [
  { name: "地毯深度清洗", unitLabel: "次", priceFen: 38000, description: "办公区地毯吸尘、除渍、蒸汽深度清洗", active: true },
  { name: "空调滤网清洗", unitLabel: "台", priceFen: 6000, description: "室内机滤网拆洗、消毒", active: true },
  { name: "办公室深度保洁", unitLabel: "平方米", priceFen: 850, description: "地面、玻璃、家具、灯具全面保洁", active: true },
  { name: "绿植租摆", unitLabel: "盆/月", priceFen: 4500, description: null, active: true },
  { name: "加班空调", unitLabel: "小时", priceFen: 12000, description: "工作日 18:00 后及休息日的中央空调供冷/供暖", active: true },
  { name: "会议室布置", unitLabel: "次", priceFen: 20000, description: "桌椅摆放、横幅、茶歇台", active: true },
  { name: "窗帘拆洗", unitLabel: "副", priceFen: 15000, description: "已停止提供", active: false },
];
const DETAILS = ["请提前电话联系前台", "周六上午施工，业户有人值守", "会议室两间", "注意保护地板", null, null];
const PERFORMERS = ["保洁员王秀兰", "保洁员陈桂芳", "工程部刘师傅", "工程部赵师傅", "绿化工孙师傅"];
const RECEIVERS = ["前台李小姐", "行政王经理", "办公室张主任", "财务周女士"];
const ANSWERS: Record<Satisfaction, string[]> = {
  SATISFIED: ["服务很好，很满意", "按时完成，效果不错", "师傅很细心，满意"],
  BASICALLY_SATISFIED: ["总体满意，边角处还有少量污渍", "效果可以，但比预约时间晚到半小时"],
  UNSATISFIED: ["清洗后仍有异味，希望返工", "施工时未做好家具保护"],
};
const CANCEL_REASONS = ["业户改期另约", "业户自行处理", "报价未谈妥"];
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Tx = Prisma.TransactionClient;

interface SiteInput {
  id: string;
  code: string;
  calendar: Calendar;
  tenants: { id: string; units: { id: string }[] }[];
  staff: { clerk: string; frontdesk: string; supervisor: string };
  now: Date;
}

/** The orders of one site, in scheduled order, with every step as the rules would have written it. */
export function planSiteServiceOrders(input: SiteInput, services: { id: string; name: string; priceFen: number }[], rng: Rng) {
  const { calendar, now } = input;
  const orders: Prisma.SpecialServiceOrderCreateManyInput[] = [];
  const perDay = new Map<string, number>();
  // About three orders a week, from four months back to ten days ahead.
  for (let at = now.getTime() - 120 * DAY; at < now.getTime() + 10 * DAY; at += rng.int(1, 4) * DAY) {
    const tenant = rng.pick(input.tenants);
    const service = rng.pick(services);
    const scheduledAt = new Date(at - (at % HOUR) + rng.int(0, 6) * HOUR);
    const agreedPriceFen = rng.chance(0.2) ? Math.round((service.priceFen * rng.int(2, 10)) / 100) * 100 : service.priceFen;
    const base = {
      requestId: randomUUID(),
      siteId: input.id,
      serviceId: service.id,
      serviceName: service.name,
      tenantId: tenant.id,
      unitId: tenant.units[0]?.id ?? null,
      agreedPriceFen,
      scheduledAt,
      details: rng.pick(DETAILS),
      orderedById: rng.chance(0.5) ? input.staff.clerk : input.staff.frontdesk,
      createdAt: new Date(scheduledAt.getTime() - rng.int(1, 5) * DAY),
    };
    const doneAt = new Date(scheduledAt.getTime() + rng.int(1, 4) * HOUR);
    const age = now.getTime() - doneAt.getTime();
    if (doneAt > now) {
      orders.push({ ...base, createdAt: new Date(Math.min(base.createdAt.getTime(), now.getTime() - HOUR)), state: "ORDERED" });
      continue;
    }
    if (rng.chance(0.06)) {
      orders.push({
        ...base,
        state: "CANCELLED",
        cancelledAt: new Date(scheduledAt.getTime() - 12 * HOUR),
        cancelReason: rng.pick(CANCEL_REASONS),
      });
      continue;
    }
    const due = revisitDue(calendar, doneAt, DEFAULT_REVISIT_WORKING_DAYS);
    const day = calendar.localDateOf(doneAt);
    const sequence = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, sequence);
    const done = {
      ...base,
      doneAt,
      performedBy: rng.pick(PERFORMERS),
      doneNotes: rng.chance(0.5) ? "已按约定完成，现场已清理" : null,
      doneRecordedById: input.staff.clerk,
      noticeNumber: formatDailyNumber("PAYMENT_NOTICE", input.code, day, sequence),
      revisitDueAt: due.dueAt,
      revisitDueProvisional: due.provisional,
    };
    // A notice is handed over within a day or two; recent ones may still wait.
    const deliveredAt = new Date(doneAt.getTime() + rng.int(2, 40) * HOUR);
    const delivered = deliveredAt < now && (age > 5 * DAY || rng.chance(0.5));
    // About one revisit in six is late; the latest few are still open (overdue or not yet due).
    const late = rng.chance(0.17);
    const revisitedAt = late
      ? new Date(due.dueAt.getTime() + rng.int(2, 72) * HOUR)
      : new Date(Math.min(due.dueAt.getTime() - HOUR, doneAt.getTime() + rng.int(4, 60) * HOUR));
    const stillOpen = age < 12 * DAY ? rng.chance(0.6) : rng.chance(0.04);
    const revisited = !stillOpen && revisitedAt < now;
    const satisfaction = rng.weighted<Satisfaction>([
      ["SATISFIED", 7],
      ["BASICALLY_SATISFIED", 2],
      ["UNSATISFIED", 1],
    ]);
    const state: SpecialServiceOrderState = delivered && revisited ? "CLOSED" : "DONE";
    orders.push({
      ...done,
      state,
      ...(delivered
        ? { noticeDeliveredAt: deliveredAt, noticeDeliveredTo: rng.pick(RECEIVERS), noticeDeliveredById: input.staff.frontdesk }
        : {}),
      ...(revisited
        ? {
            revisitedAt,
            revisitById: rng.chance(0.7) ? input.staff.clerk : input.staff.supervisor,
            revisitContact: rng.pick(RECEIVERS),
            revisitSatisfaction: satisfaction,
            revisitAnswer: rng.pick(ANSWERS[satisfaction]),
          }
        : {}),
    });
  }
  return orders;
}

async function seedSite(tx: Tx, input: SiteInput) {
  const rng = mulberry32(seedFrom(`special-services:${input.code}`));
  await tx.specialService.createMany({ data: CATALOGUE.map((c) => ({ siteId: input.id, ...c })), skipDuplicates: true });
  const services = await tx.specialService.findMany({
    where: { siteId: input.id, active: true },
    select: { id: true, name: true, priceFen: true },
    orderBy: { name: "asc" },
  });
  const orders = planSiteServiceOrders(input, services, rng);
  await tx.specialServiceOrder.createMany({ data: orders });
  return orders;
}

export async function seedSpecialServices(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const users = await db.user.findMany({
    where: { username: { in: ["clerk", "frontdesk", "supervisor"] } },
    select: { id: true, username: true },
  });
  const id = (name: string) => users.find((u) => u.username === name)?.id;
  const staff = { clerk: id("clerk"), frontdesk: id("frontdesk"), supervisor: id("supervisor") };
  if (!staff.clerk || !staff.frontdesk || !staff.supervisor) return;
  for (const def of SITES) {
    const site = await db.site.findUnique({ where: { code: def.code }, select: { id: true, code: true } });
    if (!site) continue;
    if ((await db.specialService.count({ where: { siteId: site.id } })) > 0) {
      options.log(`special services ${site.code}: already seeded`);
      continue;
    }
    const [calendars, tenants] = await Promise.all([
      loadSiteCalendars(db, [site.id]),
      db.tenant.findMany({
        where: { siteId: site.id, units: { some: {} } },
        select: { id: true, units: { select: { id: true }, orderBy: { code: "asc" }, take: 1 } },
        orderBy: { name: "asc" },
        take: 40,
      }),
    ]);
    const calendar = calendars.get(site.id);
    if (!calendar || tenants.length === 0) continue;
    const input = { ...site, calendar, tenants, staff: staff as SiteInput["staff"], now };
    const orders = await db.$transaction((tx) => seedSite(tx, input), { maxWait: 10_000, timeout: 60_000 });
    const by = (s: SpecialServiceOrderState) => orders.filter((o) => o.state === s).length;
    const overdue = orders.filter((o) => o.state === "DONE" && !o.revisitedAt && o.revisitDueAt && new Date(o.revisitDueAt) < now).length;
    options.log(
      `special services ${site.code}: ${CATALOGUE.length} services, ${orders.length} orders (${by("CLOSED")} closed, ${by("DONE")} done, ${overdue} revisits overdue, ${by("ORDERED")} ordered, ${by("CANCELLED")} cancelled)`,
    );
  }
}
