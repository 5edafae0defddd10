/**
 * Demo inspection rounds (§2, §10, R-INS-1..5): two months ending now on every seeded site.
 * - Public areas: each working day's two slots, checked by `supervisor` (保洁主管, CLEANING) at a
 *   time inside the window; ~8% of windows missed; ~5% of items failed with a Chinese note.
 * - Commercial outlets: once a month by `coordinator` (客户协调主管, COORDINATION); the current
 *   month is partly done, so some outlets stay due.
 * - A failed equipment item opens a work order WO-<site>-<YYYYMMDD>-<seq> (R-INS-5): older ones
 *   mostly verified or fixed, the recent ones often still open.
 * - History ends yesterday: today's rounds are left to the people using the app (and the e2e tests).
 * Deterministic (seeded PRNG per site, times relative to now), idempotent per site (a site with any
 * inspection gets none), one transaction, createMany in batches, no audit rows. Checklists are
 * seeded first (./checklists). Relative imports only.
 */
import { createHash } from "node:crypto";
import { addDays, createCalendar, localDateOfColumn, type Calendar } from "../../lib/calendar";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { AreaType, WorkOrderState } from "../../lib/generated/prisma/enums";
import { daysOf } from "../../lib/inspections/compliance.rules";
import { dailyWindows, isMonthly, monthlyWindow, type CheckWindow } from "../../lib/inspections/rules";
import { failNotesFor, seedChecklists } from "./checklists";
import { SITES } from "./data";
import { mulberry32, seedFrom, type Rng } from "./random";

type Tx = Prisma.TransactionClient;

export const INSPECTION_HISTORY_DAYS = 61;
const MISSED_SHARE = 0.08;
const ITEM_FAIL_SHARE = 0.05;
const BATCH = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A stable id from a key, so a plan is the same on every run (cuid-like length, not a real cuid). */
const idOf = (key: string) => `s${createHash("sha1").update(key).digest("hex").slice(0, 24)}`;

interface SiteInput {
  id: string;
  code: string;
  timeZone: string;
  slot1Start: string;
  slot1End: string;
  slot2Start: string;
  slot2End: string;
  inspectOnWeekends: boolean;
}
interface TemplateInput {
  id: string;
  items: { id: string; label: string; equipment: boolean }[];
}

export interface InspectionPlan {
  inspections: Prisma.InspectionCreateManyInput[];
  results: Prisma.InspectionResultCreateManyInput[];
  workOrders: Prisma.WorkOrderCreateManyInput[];
}

/** The rounds of one site, pure (exported for tests). */
export function planSiteInspections(input: {
  site: SiteInput;
  calendar: Calendar;
  areas: { id: string; name: string; type: AreaType }[];
  templates: Map<AreaType, TemplateInput>;
  staff: { supervisor: string; coordinator: string; engineer: string | null };
  now: Date;
}): InspectionPlan {
  const { site, calendar, now, staff } = input;
  const rng = mulberry32(seedFrom(`inspections:${site.code}`));
  const plan: InspectionPlan = { inspections: [], results: [], workOrders: [] };
  const today = calendar.localDateOf(now);
  const days = daysOf(addDays(today, -INSPECTION_HISTORY_DAYS), addDays(today, -1));
  const woSeq = new Map<string, number>();

  const check = (area: { id: string; name: string; type: AreaType }, window: CheckWindow, checkedAt: Date, supervisorId: string) => {
    const template = input.templates.get(area.type);
    if (!template) return;
    const inspectionId = idOf(`${site.code}:${area.id}:${window.periodKey}`);
    let failures = 0;
    for (const item of template.items) {
      const failed = rng.chance(ITEM_FAIL_SHARE);
      const resultId = idOf(`${inspectionId}:${item.id}`);
      const note = failed ? rng.pick(failNotesFor(item.label, item.equipment)) : null;
      plan.results.push({ id: resultId, inspectionId, itemId: item.id, result: failed ? "FAIL" : "PASS", note });
      if (!failed) continue;
      failures++;
      if (item.equipment)
        plan.workOrders.push(
          workOrder(rng, { site, calendar, now, staff, area, item, note: note!, resultId, checkedAt, supervisorId, woSeq }),
        );
    }
    plan.inspections.push({
      id: inspectionId,
      requestId: `seed:${site.code}:${area.id}:${window.periodKey}`,
      siteId: site.id,
      areaId: area.id,
      templateId: template.id,
      periodKey: window.periodKey,
      supervisorId,
      checkedAt,
      failures,
    });
  };

  // R-INS-1: two slots a day for public areas; a check sometime inside the window, never in a window still open.
  const publicAreas = input.areas.filter((a) => !isMonthly(a.type));
  for (const day of days) {
    for (const window of dailyWindows(calendar, site, day)) {
      if (window.end.getTime() >= now.getTime()) continue;
      for (const area of publicAreas) {
        if (rng.chance(MISSED_SHARE)) continue;
        const span = window.end.getTime() - window.start.getTime() - MINUTE;
        check(area, window, new Date(window.start.getTime() + Math.floor(rng.next() * span)), staff.supervisor);
      }
    }
  }

  // R-INS-2: outlets once a month, on a working day; this month only partly done so far.
  const outlets = input.areas.filter((a) => isMonthly(a.type));
  for (const month of [...new Set(days.map((d) => d.slice(0, 7)))]) {
    const window = monthlyWindow(calendar, `${month}-01`);
    const current = window.end.getTime() >= now.getTime();
    const candidates = days.filter((d) => d.startsWith(month) && d < today && calendar.isWorkingDay(d));
    for (const area of outlets) {
      if (candidates.length === 0 || rng.chance(current ? 0.5 : MISSED_SHARE)) continue;
      const day = rng.pick(candidates);
      const at = new Date(calendar.startOfLocalDay(day).getTime() + 10 * HOUR + rng.int(0, 6 * 60) * MINUTE);
      check(area, window, at, staff.coordinator);
    }
  }

  // The most recent work order stays open whatever the dice said, so engineering always has one to do.
  const last = plan.workOrders.at(-1);
  if (last) Object.assign(last, { state: "OPEN", fixedAt: null, fixedById: null, fixNote: null, verifiedAt: null, verifiedById: null });
  return plan;
}

const FIX_NOTES = ["已更换损坏部件，测试正常", "已维修完毕，运行正常", "已调整并紧固，恢复正常", "已更换灯管/灯珠，照明恢复"];

function workOrder(
  rng: Rng,
  c: {
    site: SiteInput;
    calendar: Calendar;
    now: Date;
    staff: { supervisor: string; engineer: string | null };
    area: { id: string; name: string };
    item: { label: string };
    note: string;
    resultId: string;
    checkedAt: Date;
    supervisorId: string;
    woSeq: Map<string, number>;
  },
): Prisma.WorkOrderCreateManyInput {
  const day = c.calendar.localDateOf(c.checkedAt).replaceAll("-", "");
  const seq = (c.woSeq.get(day) ?? 0) + 1;
  c.woSeq.set(day, seq);
  const age = c.now.getTime() - c.checkedAt.getTime();
  const state: WorkOrderState = !c.staff.engineer
    ? "OPEN"
    : age > 7 * DAY
      ? rng.weighted([
          ["VERIFIED", 90],
          ["FIXED", 7],
          ["OPEN", 3],
        ] as const)
      : rng.weighted([
          ["OPEN", 45],
          ["FIXED", 30],
          ["VERIFIED", 25],
        ] as const);
  const fixedAt = state === "OPEN" ? null : new Date(Math.min(c.checkedAt.getTime() + rng.int(1, 26) * HOUR, c.now.getTime() - MINUTE));
  const verifiedAt =
    state === "VERIFIED" && fixedAt ? new Date(Math.min(fixedAt.getTime() + rng.int(1, 20) * HOUR, c.now.getTime())) : null;
  return {
    id: idOf(`wo:${c.resultId}`),
    number: `WO-${c.site.code}-${day}-${String(seq).padStart(3, "0")}`,
    siteId: c.site.id,
    areaId: c.area.id,
    resultId: c.resultId,
    description: `${c.area.name}：${c.item.label}未达标——${c.note}`,
    state,
    createdById: c.supervisorId,
    createdAt: c.checkedAt,
    fixedAt,
    fixedById: fixedAt ? c.staff.engineer : null,
    fixNote: fixedAt ? rng.pick(FIX_NOTES) : null,
    verifiedAt,
    verifiedById: verifiedAt ? c.staff.supervisor : null,
  };
}

async function createInBatches<T>(rows: T[], create: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await create(rows.slice(i, i + BATCH));
}

/**
 * Thousands of rows: one INSERT … SELECT FROM unnest(arrays) per table (createMany binds every
 * field of every row and takes seconds here).
 */
async function insertInspections(tx: Tx, plan: InspectionPlan) {
  const i = plan.inspections;
  await tx.$executeRaw`
    INSERT INTO "Inspection" ("id", "requestId", "siteId", "areaId", "templateId", "periodKey", "supervisorId", "checkedAt", "failures")
    SELECT id, rid, sid, aid, tid, pk, uid, at AT TIME ZONE 'UTC', f FROM unnest(${i.map((r) => r.id)}::text[], ${i.map((r) => r.requestId)}::text[], ${i.map((r) => r.siteId)}::text[],
      ${i.map((r) => r.areaId)}::text[], ${i.map((r) => r.templateId)}::text[], ${i.map((r) => r.periodKey)}::text[],
      ${i.map((r) => r.supervisorId)}::text[], ${i.map((r) => (r.checkedAt as Date).toISOString())}::timestamptz[], ${i.map((r) => r.failures ?? 0)}::int[])
      AS u(id, rid, sid, aid, tid, pk, uid, at, f)`;
  const r = plan.results;
  await tx.$executeRaw`
    INSERT INTO "InspectionResult" ("id", "inspectionId", "itemId", "result", "note")
    SELECT * FROM unnest(${r.map((x) => x.id)}::text[], ${r.map((x) => x.inspectionId)}::text[], ${r.map((x) => x.itemId)}::text[],
      ${r.map((x) => x.result)}::"CheckResult"[], ${r.map((x) => x.note ?? null)}::text[])`;
}

export type InspectionSeedResult = {
  siteCode: string;
  inspections: number;
  results: number;
  workOrders: number;
  openWorkOrders: number;
  added: boolean;
};

/** Seeds the default checklists, then the rounds of every seeded site that has no inspection yet. */
export async function seedInspections(
  db: PrismaClient,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<InspectionSeedResult[]> {
  const now = options.now ?? new Date();
  const results = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:inspections'))`;
      await seedChecklists(tx);
      const sites = await tx.site.findMany({
        where: { code: { in: SITES.map((s) => s.code) } },
        select: {
          id: true,
          code: true,
          timeZone: true,
          slot1Start: true,
          slot1End: true,
          slot2Start: true,
          slot2End: true,
          inspectOnWeekends: true,
          _count: { select: { inspections: true } },
        },
        orderBy: { code: "asc" },
      });
      const templates = await tx.checklistTemplate.findMany({
        where: { current: true },
        select: { id: true, areaType: true, items: { select: { id: true, label: true, equipment: true }, orderBy: { position: "asc" } } },
      });
      const templateByType = new Map(templates.map((t) => [t.areaType, t]));
      const out: InspectionSeedResult[] = [];
      for (const site of sites) {
        let added = false;
        if (site._count.inspections === 0) {
          // Sequential queries: one connection serves the whole transaction.
          const areas = await tx.area.findMany({
            where: { siteId: site.id, active: true },
            select: { id: true, name: true, type: true },
            orderBy: [{ building: "asc" }, { floor: "asc" }, { name: "asc" }],
          });
          const users = await tx.user.findMany({
            where: { username: { in: ["supervisor", "coordinator", "engineer"] }, disabled: false, sites: { some: { siteId: site.id } } },
            select: { id: true, username: true },
          });
          const overrides = await tx.calendarOverride.findMany({ where: { siteId: site.id }, select: { date: true, kind: true } });
          const userId = (name: string) => users.find((u) => u.username === name)?.id ?? null;
          const supervisor = userId("supervisor");
          const coordinator = userId("coordinator");
          if (supervisor && coordinator) {
            // The statutory table and the site's overrides (entered year tables are not read here: a demo approximation).
            const calendar = createCalendar({
              timeZone: site.timeZone,
              overrides: overrides.map((o) => ({ date: localDateOfColumn(o.date), kind: o.kind })),
              officialYears: [],
            });
            const plan = planSiteInspections({
              site,
              calendar,
              areas,
              templates: templateByType,
              staff: { supervisor, coordinator, engineer: userId("engineer") },
              now,
            });
            await insertInspections(tx, plan);
            await createInBatches(plan.workOrders, (data) => tx.workOrder.createMany({ data }));
            added = true;
          }
        }
        const inspections = await tx.inspection.count({ where: { siteId: site.id } });
        const resultCount = await tx.inspectionResult.count({ where: { inspection: { siteId: site.id } } });
        const workOrders = await tx.workOrder.count({ where: { siteId: site.id } });
        const openWorkOrders = await tx.workOrder.count({ where: { siteId: site.id, state: "OPEN" } });
        out.push({ siteCode: site.code, inspections, results: resultCount, workOrders, openWorkOrders, added });
      }
      return out;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  const log = options.log ?? (() => {});
  for (const r of results) {
    log(
      `巡检 Inspections ${r.siteCode}: ${r.inspections} (${r.added ? "新增 added" : "已有，未新增 none added"}), ` +
        `检查项 results ${r.results}, 工单 work orders ${r.workOrders} (待修 open ${r.openWorkOrders})`,
    );
  }
  return results;
}
