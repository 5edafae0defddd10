/**
 * Demo data for vacant-unit cleaning (§8, R-VAC-1..3), per seeded site:
 * - four cleaners: three of the cleaning contractor (no accounts) and one in-house, one of them left;
 * - the units' status history, back-filled for units that have none (current status since the
 *   start of the month three months ago, when the records begin), plus one unit occupied in the
 *   middle of last month and one that became vacant at the start of this month (R-VAC-1);
 * - every vacant unit with a dedicated cleaner (专人, R-VAC-1);
 * - records for the past three months, mostly verified by the cleaning supervisor, a few with a
 *   failed check, a few sent back or still waiting, some units missed (overdue); the current month
 *   partly done (entered by the clerk, half of them already checked).
 * Deterministic (seeded PRNG per site, dates relative to `now` in the site's zone), idempotent per
 * site (a site with any cleaner gets nothing), one transaction per site, no audit rows.
 */
import { dateColumn } from "../../lib/calendar/date-column";
import { localDateInZone, startOfLocalDayInZone } from "../../lib/calendar/local-date";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { CleaningRecordState, UnitStatus } from "../../lib/generated/prisma/enums";
import { addMonths, currentMonth, firstDayOf, isDue, lastDayOf, type StatusChange } from "../../lib/vacant-units/rules";
import { SITES } from "./data";
import { mulberry32, seedFrom } from "./random";

const CLEANERS: Record<string, { name: string; company: string | null; phone: string; active: boolean }[]> = {
  HQ: [
    { name: "王秀兰", company: "上海洁美保洁服务有限公司", phone: "13917245501", active: true },
    { name: "陈桂芳", company: "上海洁美保洁服务有限公司", phone: "13817245502", active: true },
    { name: "刘建军", company: null, phone: "13661245503", active: true },
    { name: "赵春梅", company: "上海洁美保洁服务有限公司", phone: "13761245504", active: false },
  ],
  SP: [
    { name: "孙美华", company: "苏州净康物业清洁有限公司", phone: "13962245511", active: true },
    { name: "周小红", company: "苏州净康物业清洁有限公司", phone: "13962245512", active: true },
    { name: "吴国强", company: null, phone: "13862245513", active: true },
    { name: "郑玉珍", company: "苏州净康物业清洁有限公司", phone: "13862245514", active: false },
  ],
};
const FAIL_NOTES: Record<string, string[]> = {
  FLOOR: ["地面角落有装修遗留垃圾，已清走", "卫生间地漏处有积水，已拖干并报工程部"],
  WALLS: ["北墙角有蜘蛛网，已清除", "墙面有雨水渗漏痕迹，已报工程部"],
  EQUIPMENT: ["空调出风口积灰较多", "灯具表面有灰尘，已擦拭"],
  DOORS_WINDOWS: ["东侧窗户未关严，已关好", "阳台门锁扣松动，已报工程部"],
};
const SEND_BACK_REASONS = ["清洁日期与保洁员排班不符，请核对", "设备项未写明情况，请补充说明"];
const ITEMS = ["FLOOR", "WALLS", "EQUIPMENT", "DOORS_WINDOWS"] as const;
const HOUR = 3_600_000;

type Tx = Prisma.TransactionClient;

async function seedSite(
  tx: Tx,
  site: { id: string; code: string; timeZone: string },
  staff: { clerk: string; supervisor: string },
  now: Date,
) {
  const rng = mulberry32(seedFrom(`vacant:${site.code}`));
  const tz = site.timeZone;
  const month = currentMonth(now, tz);
  const today = localDateInZone(now, tz);

  await tx.cleaner.createMany({ data: (CLEANERS[site.code] ?? CLEANERS.HQ).map((c) => ({ siteId: site.id, ...c })), skipDuplicates: true });
  const cleaners = await tx.cleaner.findMany({ where: { siteId: site.id, active: true }, select: { id: true }, orderBy: { name: "asc" } });

  // The status history: back-filled for units without any, with two real changes for the demo.
  const units = await tx.unit.findMany({
    where: { siteId: site.id },
    select: {
      id: true,
      code: true,
      status: true,
      createdAt: true,
      cleanerId: true,
      statusChanges: { select: { status: true, changedAt: true } },
    },
    orderBy: { code: "asc" },
  });
  const since = startOfLocalDayInZone(firstDayOf(addMonths(month, -3)), tz);
  const bare = units.filter((u) => u.statusChanges.length === 0);
  const occupiedLastMonth = rng.pick(bare.filter((u) => u.status === "OCCUPIED"));
  const vacantThisMonth = rng.pick(bare.filter((u) => u.status === "VACANT"));
  const history = new Map<string, StatusChange[]>(units.map((u) => [u.id, u.statusChanges]));
  const rows: Prisma.UnitStatusChangeCreateManyInput[] = [];
  const add = (unitId: string, status: UnitStatus, changedAt: Date) => {
    rows.push({ unitId, status, changedAt });
    history.get(unitId)!.push({ status, changedAt });
  };
  for (const u of bare) {
    if (u === occupiedLastMonth) {
      add(u.id, "VACANT", since);
      add(u.id, "OCCUPIED", new Date(startOfLocalDayInZone(`${addMonths(month, -1)}-15`, tz).getTime() + 10 * HOUR));
    } else if (u === vacantThisMonth) {
      add(u.id, "OCCUPIED", since);
      add(u.id, "VACANT", new Date(Math.min(startOfLocalDayInZone(firstDayOf(month), tz).getTime() + 9 * HOUR, now.getTime() - HOUR)));
    } else add(u.id, u.status, since);
  }
  if (rows.length > 0) await tx.unitStatusChange.createMany({ data: rows });

  // R-VAC-1: every vacant unit has its dedicated cleaner.
  const vacant = units.filter((u) => u.status === "VACANT" && !u.cleanerId);
  for (const [i, u] of vacant.entries()) {
    if (cleaners.length === 0) break;
    await tx.unit.update({ where: { id: u.id }, data: { cleanerId: cleaners[i % cleaners.length].id } });
    u.cleanerId = cleaners[i % cleaners.length].id;
  }
  const cleanerOf = new Map(units.map((u) => [u.id, u.cleanerId]));

  const records: Prisma.VacantCleaningRecordCreateManyInput[] = [];
  const checks: Prisma.VacantCleaningCheckCreateManyInput[] = [];
  for (const m of [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1), month]) {
    const current = m === month;
    const lastDay = current ? today : lastDayOf(m);
    const days = Number(lastDay.slice(8, 10));
    for (const u of units) {
      if (!isDue(u, history.get(u.id)!, m, tz, now)) continue;
      // Past months: ~10% missed. The current month: about half done so far.
      if (rng.chance(current ? 0.5 : 0.1)) continue;
      const cleanedOn = `${m}-${String(rng.int(1, Math.max(1, Math.min(days, 25)))).padStart(2, "0")}`;
      if (cleanedOn > today) continue;
      const enteredAt = new Date(startOfLocalDayInZone(cleanedOn, tz).getTime() + rng.int(14, 17) * HOUR);
      const failed = rng.chance(0.12) ? rng.pick(ITEMS) : null;
      const roll = rng.next();
      // Older months are checked; the current one is half checked.
      const state: CleaningRecordState = current
        ? roll < 0.5
          ? "VERIFIED"
          : roll < 0.9
            ? "SUBMITTED"
            : "SENT_BACK"
        : roll < 0.88
          ? "VERIFIED"
          : roll < 0.95
            ? "SENT_BACK"
            : "SUBMITTED";
      const decidedAt = new Date(Math.min(enteredAt.getTime() + rng.int(18, 60) * HOUR, now.getTime() - HOUR));
      const id = `vcr-${site.code}-${u.code}-${m}`;
      records.push({
        id,
        requestId: `seed-${id}`,
        siteId: site.id,
        unitId: u.id,
        month: m,
        cleanedOn: dateColumn(cleanedOn),
        cleanerId: cleanerOf.get(u.id) ?? cleaners[0].id,
        state,
        createdById: staff.clerk,
        createdAt: enteredAt,
        verifiedById: state === "VERIFIED" ? staff.supervisor : null,
        verifiedAt: state === "VERIFIED" ? decidedAt : null,
        sentBackById: state === "SENT_BACK" ? staff.supervisor : null,
        sentBackAt: state === "SENT_BACK" ? decidedAt : null,
        sentBackReason: state === "SENT_BACK" ? rng.pick(SEND_BACK_REASONS) : null,
      });
      for (const item of ITEMS)
        checks.push({
          recordId: id,
          item,
          result: item === failed ? "FAIL" : "PASS",
          note: item === failed ? rng.pick(FAIL_NOTES[item]) : null,
        });
    }
  }
  if (records.length > 0) {
    await tx.vacantCleaningRecord.createMany({ data: records, skipDuplicates: true });
    await tx.vacantCleaningCheck.createMany({ data: checks, skipDuplicates: true });
  }
  return { cleaners: cleaners.length, history: rows.length, records: records.length };
}

/** Cleaners, dedicated cleaners of vacant units and past months' cleaning records. */
export async function seedVacantUnits(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const users = await db.user.findMany({ where: { username: { in: ["clerk", "supervisor"] } }, select: { id: true, username: true } });
  const clerk = users.find((u) => u.username === "clerk")?.id;
  const supervisor = users.find((u) => u.username === "supervisor")?.id;
  if (!clerk || !supervisor) return;
  for (const def of SITES) {
    const site = await db.site.findUnique({ where: { code: def.code }, select: { id: true, code: true, timeZone: true } });
    if (!site) continue;
    if ((await db.cleaner.count({ where: { siteId: site.id } })) > 0) {
      options.log(`vacant units ${site.code}: already seeded`);
      continue;
    }
    const done = await db.$transaction((tx) => seedSite(tx, site, { clerk, supervisor }, now), { maxWait: 10_000, timeout: 60_000 });
    options.log(
      `vacant units ${site.code}: ${done.cleaners} active cleaners, ${done.history} status rows, ${done.records} cleaning records`,
    );
  }
}
