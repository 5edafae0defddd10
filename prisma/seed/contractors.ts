/**
 * Demo data for contractor supervision (§6, §7, §10, §11; R-CAT-1), per seeded site:
 * - the cleaning company (the vacant-unit cleaners of that company join it, plus garbage-room staff)
 *   and the catering company with five employees, each with a 健康证 — one expired ten days ago,
 *   one expiring in twenty days (the list and the reminder show them);
 * - two months of daily canteen checks on weekdays by the coordination supervisor, a few days
 *   missed, some with a short dish count or a failed item (corrected), two escalated to the manager;
 *   checks after the expired certificate's expiry flag it;
 * - weekly menus (mostly before Monday noon, some late, some missing) and Friday summaries;
 * - two training sessions per company and a violation log (one lost tool charged at cost, some
 *   answered by the contractor, some open).
 * Deterministic (seeded PRNG per site, dates relative to `now` in the site's zone), idempotent per
 * site (a site with any contractor gets nothing), one transaction per site, no audit rows.
 */
import { dateColumn } from "../../lib/calendar/date-column";
import { addDays, dayOfWeek, instantFromLocalDateTime, localDateInZone } from "../../lib/calendar/local-date";
import { dishShortfalls, weekStartOf } from "../../lib/contractors/rules";
import { CANTEEN_ITEMS } from "../../lib/contractors/schema";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { CanteenCheckItem, ContractorViolationKind } from "../../lib/generated/prisma/enums";
import { newRequestId } from "../../lib/request-id";
import { SITES } from "./data";
import { mulberry32, seedFrom } from "./random";

type Tx = Prisma.TransactionClient;

const COMPANIES: Record<
  string,
  { cleaning: string; catering: string; cleaningContact: [string, string]; cateringContact: [string, string] }
> = {
  HQ: {
    cleaning: "上海洁美保洁服务有限公司",
    catering: "上海味道餐饮管理有限公司",
    cleaningContact: ["黄立新", "13917240001"],
    cateringContact: ["钱卫东", "13917240002"],
  },
  SP: {
    cleaning: "苏州净康物业清洁有限公司",
    catering: "苏州禾膳团餐服务有限公司",
    cleaningContact: ["沈国华", "13962240001"],
    cateringContact: ["陆晓峰", "13962240002"],
  },
};
const CLEANING_EXTRA = [
  { name: "马大勇", post: "垃圾房清运工", workArea: "垃圾房", workingHours: "06:00-14:00" },
  { name: "何桂英", post: "保洁领班", workArea: "大堂及外围", workingHours: "07:00-16:00" },
];
const CATERING_STAFF = [
  { name: "冯国庆", post: "厨师长", workArea: "厨房", workingHours: "06:00-14:00" },
  { name: "韩小军", post: "厨师", workArea: "厨房", workingHours: "06:00-14:00" },
  { name: "杨丽娟", post: "帮厨", workArea: "厨房", workingHours: "09:00-19:00" },
  { name: "朱晓燕", post: "服务员", workArea: "餐厅", workingHours: "10:00-19:30" },
  { name: "秦海燕", post: "洗消员", workArea: "分餐间", workingHours: "10:00-19:30" },
];
const FAIL_NOTES: Partial<Record<CanteenCheckItem, string>> = {
  TABLEWARE_DISINFECTED: "消毒柜温度未达标，部分餐盘未高温消毒",
  SERVING_ROOM_CLEAN: "分餐间台面有油污",
  DINING_AREA_CLEAN: "就餐区餐桌未及时擦拭",
  STAIRS_RAILINGS_CLEAN: "步梯扶手有尘土",
  LEFTOVERS_CLEARED: "午餐剩饭未及时清运",
  PEST_CONTROL: "分餐间发现蟑螂",
  FRIENDLY_SERVICE: "服务员态度生硬",
};
const VIOLATIONS: { kind: ContractorViolationKind; catering: boolean; text: string; amount?: string; response?: string }[] = [
  { kind: "LATE_OR_EARLY_LEAVE", catering: false, text: "早班迟到 25 分钟", response: "已批评教育，扣当月考勤奖" },
  { kind: "NO_UNIFORM_OR_BADGE", catering: false, text: "巡视时未佩戴工作牌", response: "已补发工作牌" },
  { kind: "TOOLS_LOST_OR_DAMAGED", catering: false, text: "遗失尘推一套", amount: "86.50", response: "照价赔偿，已从结算款中扣除" },
  { kind: "GARBAGE_ROOM_SMOKING_OR_FIRE", catering: false, text: "垃圾房内吸烟" },
  { kind: "ENTERED_OFFICES", catering: true, text: "送餐人员未经允许进入办公区", response: "已重申不得进入办公区" },
  { kind: "ACCEPTED_MONEY_OR_GOODS", catering: false, text: "收取业户搬家后赠送的旧家具" },
];

async function seedSite(
  tx: Tx,
  site: { id: string; code: string; timeZone: string },
  staff: { coordinator: string; manager: string },
  now: Date,
) {
  const rng = mulberry32(seedFrom(`contractors:${site.code}`));
  const tz = site.timeZone;
  const today = localDateInZone(now, tz);
  const names = COMPANIES[site.code] ?? COMPANIES.HQ!;
  const start = dateColumn(`${today.slice(0, 4)}-01-01`);
  const end = dateColumn(`${Number(today.slice(0, 4)) + 1}-12-31`);

  const cleaning = await tx.contractor.create({
    data: {
      siteId: site.id,
      kind: "CLEANING",
      name: names.cleaning,
      contractStart: start,
      contractEnd: end,
      contactName: names.cleaningContact[0],
      contactPhone: names.cleaningContact[1],
    },
  });
  const catering = await tx.contractor.create({
    data: {
      siteId: site.id,
      kind: "CATERING",
      name: names.catering,
      contractStart: start,
      contractEnd: end,
      contactName: names.cateringContact[0],
      contactPhone: names.cateringContact[1],
    },
  });

  // The vacant-unit cleaners of the cleaning company are its staff: one register (lib/vacant-units).
  const existing = await tx.cleaner.findMany({
    where: { siteId: site.id, company: names.cleaning },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  for (const [i, c] of existing.entries())
    await tx.cleaner.update({
      where: { id: c.id },
      data: {
        contractorId: cleaning.id,
        post: "保洁员",
        workArea: `A座 ${i * 5 + 1}-${i * 5 + 5}F`,
        workingHours: "07:00-16:00",
        badgeNo: `BJ-${String(i + 1).padStart(2, "0")}`,
      },
    });
  await tx.cleaner.createMany({
    data: CLEANING_EXTRA.map((s, i) => ({
      siteId: site.id,
      contractorId: cleaning.id,
      company: names.cleaning,
      ...s,
      badgeNo: `BJ-${String(i + 11).padStart(2, "0")}`,
    })),
    skipDuplicates: true,
  });
  await tx.cleaner.createMany({
    data: CATERING_STAFF.map((s, i) => ({
      siteId: site.id,
      contractorId: catering.id,
      company: names.catering,
      ...s,
      badgeNo: `CY-${String(i + 1).padStart(2, "0")}`,
    })),
    skipDuplicates: true,
  });
  const cooks = await tx.cleaner.findMany({ where: { contractorId: catering.id }, select: { id: true, name: true } });
  const byName = new Map(cooks.map((c) => [c.name, c.id]));
  // 健康证: valid a year; 韩小军's expired ten days ago, 朱晓燕's expires in twenty days.
  const expiredOn = addDays(today, -10);
  const expiries: Record<string, string> = { 韩小军: expiredOn, 朱晓燕: addDays(today, 20) };
  await tx.healthCertificate.createMany({
    data: CATERING_STAFF.map((s, i) => {
      const expiresOn = expiries[s.name] ?? addDays(today, 120 + i * 40);
      return {
        requestId: newRequestId(),
        siteId: site.id,
        cleanerId: byName.get(s.name)!,
        number: `${site.code}JK${today.slice(0, 4)}${String(i + 1).padStart(4, "0")}`,
        issuedOn: dateColumn(addDays(expiresOn, -365)),
        expiresOn: dateColumn(expiresOn),
        createdById: staff.coordinator,
      };
    }),
  });

  // Two months of weekday canteen checks (R-CAT-1), until yesterday.
  let checks = 0;
  for (let d = addDays(today, -60); d < today; d = addDays(d, 1)) {
    const dow = dayOfWeek(d);
    if (dow === 0 || dow === 6 || rng.chance(0.08)) continue;
    const counts = {
      breakfastKinds: rng.chance(0.08) ? rng.int(6, 7) : rng.int(8, 10),
      lunchMainDishes: rng.chance(0.12) ? rng.int(3, 4) : rng.int(5, 7),
      lunchStaples: rng.chance(0.06) ? 3 : rng.int(4, 5),
      dinnerKinds: rng.chance(0.06) ? 7 : rng.int(8, 10),
    };
    const failed = rng.chance(0.15) ? rng.pick(Object.keys(FAIL_NOTES) as CanteenCheckItem[]) : null;
    const failures = dishShortfalls(counts).length + (failed ? 1 : 0);
    const escalated = failed === "PEST_CONTROL" || failed === "TABLEWARE_DISINFECTED";
    const at = instantFromLocalDateTime(`${d}T${String(rng.int(11, 13)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}`, tz);
    await tx.canteenCheck.create({
      data: {
        requestId: newRequestId(),
        siteId: site.id,
        checkedOn: dateColumn(d),
        checkedById: staff.coordinator,
        ...counts,
        failures,
        expiredCertificates: d > expiredOn ? ["韩小军"] : [],
        resolution: failures === 0 ? "NONE" : escalated ? "ESCALATED" : "CORRECTED",
        resolutionNote: failures > 0 && !escalated ? "已要求送餐公司当日整改，复查合格" : null,
        cateringFeedback: escalated ? "已书面反馈送餐公司经理，要求三日内整改并报整改结果" : null,
        escalatedAt: escalated ? at : null,
        createdAt: at,
        results: {
          create: CANTEEN_ITEMS.map((item) => ({
            item,
            result: item === failed ? "FAIL" : "PASS",
            note: item === failed ? (FAIL_NOTES[item] ?? null) : null,
            photoFileIds: [],
          })),
        },
      },
    });
    checks++;
  }

  // Weekly menus (Monday before noon) and summaries (Friday), the last nine weeks and this one.
  let docs = 0;
  for (let w = weekStartOf(addDays(today, -63)); w <= weekStartOf(today); w = addDays(w, 7)) {
    const menuRoll = rng.next();
    const menuAt =
      menuRoll < 0.7
        ? `${w}T${String(rng.int(8, 11)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}`
        : menuRoll < 0.88
          ? `${addDays(w, rng.int(0, 1))}T15:20`
          : null;
    if (menuAt && instantFromLocalDateTime(menuAt, tz) < now) {
      await tx.canteenWeeklyDoc.create({
        data: {
          requestId: newRequestId(),
          siteId: site.id,
          kind: "WEEKLY_MENU",
          weekStart: dateColumn(w),
          text: "周一：红烧狮子头、清蒸鲈鱼、宫保鸡丁、蒜蓉西兰花、番茄炒蛋\n周二：糖醋排骨、香煎带鱼、麻婆豆腐、清炒时蔬、土豆丝\n……",
          receivedAt: instantFromLocalDateTime(menuAt, tz),
          createdById: staff.coordinator,
        },
      });
      docs++;
    }
    const summaryAt = `${addDays(w, 4)}T17:${String(rng.int(0, 50)).padStart(2, "0")}`;
    if (rng.chance(0.8) && instantFromLocalDateTime(summaryAt, tz) < now) {
      await tx.canteenWeeklyDoc.create({
        data: {
          requestId: newRequestId(),
          siteId: site.id,
          kind: "WEEKLY_SUMMARY",
          weekStart: dateColumn(w),
          text: "本周：菜品花色达标，分餐间卫生整改完毕。\n下周要点：增加一道素菜，加强餐具消毒记录。",
          receivedAt: instantFromLocalDateTime(summaryAt, tz),
          createdById: staff.coordinator,
        },
      });
      docs++;
    }
  }

  // Training (§10, §11.4(4)) and violations (§6, §7).
  const cleaners = await tx.cleaner.findMany({ where: { contractorId: cleaning.id, active: true }, select: { id: true } });
  const trainings = [
    { contractor: cleaning.id, daysAgo: 45, trainer: "李秀英", content: "公共区域保洁标准与垃圾分类", people: cleaners },
    { contractor: cleaning.id, daysAgo: 12, trainer: "李秀英", content: "消防安全知识与垃圾房管理规定", people: cleaners },
    { contractor: catering.id, daysAgo: 40, trainer: "张明华", content: "《食品卫生法》与餐具高温消毒", people: cooks },
    { contractor: catering.id, daysAgo: 8, trainer: "张明华", content: "微笑服务与就餐区域管理", people: cooks },
  ];
  for (const tr of trainings)
    await tx.contractorTraining.create({
      data: {
        requestId: newRequestId(),
        siteId: site.id,
        contractorId: tr.contractor,
        heldOn: dateColumn(addDays(today, -tr.daysAgo)),
        trainer: tr.trainer,
        content: tr.content,
        createdById: staff.coordinator,
        attendees: { create: tr.people.map((p) => ({ cleanerId: p.id })) },
      },
    });
  for (const [i, v] of VIOLATIONS.entries()) {
    const occurredOn = addDays(today, -(3 + i * 9));
    const people = v.catering ? cooks : cleaners;
    await tx.contractorViolation.create({
      data: {
        requestId: newRequestId(),
        siteId: site.id,
        contractorId: v.catering ? catering.id : cleaning.id,
        cleanerId: rng.pick(people).id,
        kind: v.kind,
        occurredOn: dateColumn(occurredOn),
        description: v.text,
        chargeAmount: v.amount ?? null,
        response: v.response ?? null,
        respondedAt: v.response ? instantFromLocalDateTime(`${addDays(occurredOn, 1)}T10:00`, tz) : null,
        respondedById: v.response ? staff.manager : null,
        createdById: staff.coordinator,
      },
    });
  }
  return { checks, docs };
}

export async function seedContractors(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const users = await db.user.findMany({ where: { username: { in: ["coordinator", "manager"] } }, select: { id: true, username: true } });
  const coordinator = users.find((u) => u.username === "coordinator")?.id;
  const manager = users.find((u) => u.username === "manager")?.id;
  if (!coordinator || !manager) return;
  for (const def of SITES) {
    const site = await db.site.findUnique({ where: { code: def.code }, select: { id: true, code: true, timeZone: true } });
    if (!site) continue;
    if ((await db.contractor.count({ where: { siteId: site.id } })) > 0) {
      options.log(`contractors ${site.code}: already seeded`);
      continue;
    }
    const done = await db.$transaction((tx) => seedSite(tx, site, { coordinator, manager }, now), { maxWait: 10_000, timeout: 60_000 });
    options.log(`contractors ${site.code}: 2 contractors, ${done.checks} canteen checks, ${done.docs} weekly documents`);
  }
}
