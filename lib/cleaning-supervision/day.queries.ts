import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { dateColumn, formatInZone, isValidLocalDate, type Calendar, type LocalDate } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import type { AreaType } from "@/lib/generated/prisma/enums";
import { dailyWindows, type SiteSchedule } from "@/lib/inspections/rules";
import { sitesOf } from "@/lib/registry/site.queries";
import { siteSettings } from "@/lib/registry/site.store";
import { dayItems, DAY_STEPS, hasCleaningDay, type DayFacts, type DayItem, type DayStep } from "./rules";

/** §10.2: the patrols cover the lobby, the offices, the surroundings and the garbage room. */
export const PATROL_AREA_TYPES: AreaType[] = ["LOBBY", "FLOOR", "EXTERIOR", "GARBAGE_ROOM"];

const hhmm = (at: Date | null, timeZone: string) => (at ? formatInZone(at, timeZone).slice(11, 16) : null);

/**
 * §10.2: each of the day's slots over the patrol areas — due, checked, last check — from the site's
 * active patrol areas and the slot's inspections (R-INS-1). Pure: shared by the day page and the
 * managers' alerts, which read the rows of several sites at once.
 */
export function patrolFacts(
  windows: readonly { periodKey: string; slot: number | null; end: Date }[],
  areaIds: ReadonlySet<string>,
  checks: readonly { areaId: string; periodKey: string; checkedAt: Date }[],
): DayFacts["patrols"] {
  const patrols: DayFacts["patrols"] = {};
  if (areaIds.size === 0) return patrols;
  for (const w of windows) {
    const inSlot = checks.filter((c) => c.periodKey === w.periodKey && areaIds.has(c.areaId));
    patrols[w.slot as 1 | 2] = {
      end: w.end,
      due: areaIds.size,
      done: new Set(inSlot.map((c) => c.areaId)).size,
      lastCheckAt: inSlot.reduce<Date | null>((last, c) => (!last || c.checkedAt > last ? c.checkedAt : last), null),
    };
  }
  return patrols;
}

/**
 * Everything recorded for one site's day, unauthorised (callers check the site): the day row with its
 * steps, opinions and damage reports, the day's two inspection slots over the patrol areas (R-INS-1),
 * and the site's work orders opened that day (§10.9). Six queries whatever the size of the day.
 */
export async function loadDayRecords(site: SiteSchedule & { id: string }, calendar: Calendar, date: LocalDate) {
  const windows = dailyWindows(calendar, site, date);
  const [day, areas, checks, workOrders] = await Promise.all([
    db.cleaningDay.findUnique({
      where: { siteId_date: { siteId: site.id, date: dateColumn(date) } },
      select: {
        id: true,
        reportSentAt: true,
        reportSentById: true,
        report: true,
        reportReadAt: true,
        reportReadById: true,
        steps: { select: { step: true, recordedAt: true, recordedById: true, note: true, ok: true, restaffingNote: true } },
        opinions: { select: { id: true, content: true, complaintId: true, recordedAt: true }, orderBy: { recordedAt: "asc" } },
        damages: {
          select: { id: true, workOrder: { select: { id: true, number: true, description: true, state: true } } },
          orderBy: { recordedAt: "asc" },
        },
      },
    }),
    db.area.findMany({ where: { siteId: site.id, active: true, type: { in: PATROL_AREA_TYPES } }, select: { id: true } }),
    windows.length
      ? db.inspection.findMany({
          where: { siteId: site.id, periodKey: { in: windows.map((w) => w.periodKey) }, area: { type: { in: PATROL_AREA_TYPES } } },
          select: { areaId: true, periodKey: true, checkedAt: true },
        })
      : [],
    db.workOrder.findMany({
      where: { siteId: site.id, createdAt: { gte: calendar.startOfLocalDay(date), lte: calendar.endOfLocalDay(date) } },
      select: { id: true, number: true, description: true, state: true },
      orderBy: { createdAt: "asc" },
      take: 50,
    }),
  ]);
  const patrols = patrolFacts(windows, new Set(areas.map((a) => a.id)), checks);
  const complaintIds = (day?.opinions ?? []).flatMap((o) => (o.complaintId ? [o.complaintId] : []));
  const complaints = complaintIds.length
    ? await db.complaint.findMany({ where: { id: { in: complaintIds } }, select: { id: true, number: true } })
    : [];
  const complaintNumber = new Map(complaints.map((c) => [c.id, c.number]));
  const facts: DayFacts = {
    steps: Object.fromEntries((day?.steps ?? []).map((s) => [s.step, s.recordedAt])) as Partial<Record<DayStep, Date>>,
    patrols,
    reportSentAt: day?.reportSentAt ?? null,
  };
  return {
    day,
    facts,
    windows,
    opinions: (day?.opinions ?? []).map((o) => ({
      id: o.id,
      content: o.content,
      at: hhmm(o.recordedAt, site.timeZone)!,
      complaintId: o.complaintId,
      complaintNumber: o.complaintId ? (complaintNumber.get(o.complaintId) ?? null) : null,
    })),
    workOrders,
  };
}

export type DayRecords = Awaited<ReturnType<typeof loadDayRecords>>;

/** The daily report (§10.7) as stored when sent: a snapshot of the day, read later by the manager. */
export interface DailyReport {
  date: LocalDate;
  items: { key: DayItem["key"]; state: DayItem["state"]; at: string | null; due: string }[];
  notes: Partial<Record<DayStep, string>>;
  lunch: { ok: boolean | null; restaffingNote: string | null } | null;
  patrols: { slot: 1 | 2; due: number; done: number }[];
  opinions: { content: string; complaintNumber: string | null }[];
  workOrders: { number: string; description: string }[];
  remarks: string | null;
  missed: number;
}

/** Generates the report from the day's records at `now` (the REPORT item itself counts as done). */
export function composeReport(calendar: Calendar, date: LocalDate, records: DayRecords, remarks: string | null, now: Date): DailyReport {
  const items = dayItems(calendar, date, { ...records.facts, reportSentAt: now }, now) ?? [];
  const steps = records.day?.steps ?? [];
  const lunch = steps.find((s) => s.step === "LUNCH_CHECK");
  return {
    date,
    items: items.map((i) => ({
      key: i.key,
      state: i.state,
      at: hhmm(i.recordedAt, calendar.timeZone),
      due: hhmm(i.dueAt, calendar.timeZone)!,
    })),
    notes: Object.fromEntries(steps.filter((s) => s.note).map((s) => [s.step, s.note!])),
    lunch: lunch ? { ok: lunch.ok, restaffingNote: lunch.restaffingNote } : null,
    patrols: ([1, 2] as const).flatMap((slot) => {
      const p = records.facts.patrols[slot];
      return p ? [{ slot, due: p.due, done: p.done }] : [];
    }),
    opinions: records.opinions.map((o) => ({ content: o.content, complaintNumber: o.complaintNumber })),
    workOrders: records.workOrders.map((w) => ({ number: w.number, description: w.description })),
    remarks,
    missed: items.filter((i) => i.state === "missed").length,
  };
}

/**
 * The day page (R-CLN-1): the user's sites, the one shown (`?site=`), and the day `date` (default
 * today, site time) with its items and states; null `items` on a day without a supervisor's day.
 */
export async function cleaningDayView(requestedSite: string | undefined, requestedDate: string | undefined, now = new Date()) {
  const actor = await requirePermission("cleaning:read");
  const sites = await sitesOf(actor);
  const picked = sites.find((s) => s.id === requestedSite) ?? sites[0];
  if (!picked) return null;
  const [site, calendar] = await Promise.all([siteSettings(picked.id), loadSiteCalendar(picked.id)]);
  if (!site || !calendar) return null;
  const today = calendar.localDateOf(now);
  const date = requestedDate && isValidLocalDate(requestedDate) && requestedDate <= today ? requestedDate : today;
  const records = await loadDayRecords(site, calendar, date);
  const items = dayItems(calendar, date, records.facts, now);
  const stepRows = new Map((records.day?.steps ?? []).map((s) => [s.step, s]));
  const people = await db.user.findMany({
    where: { id: { in: [records.day?.reportSentById, records.day?.reportReadById].filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null | undefined) => people.find((p) => p.id === id)?.name ?? null;
  const info = calendar.dayInfo(date);
  return {
    actor,
    sites,
    site: { id: site.id, name: site.name, code: site.code },
    date,
    today,
    isToday: date === today,
    working: hasCleaningDay(calendar, date),
    holidayName: info.holidayName ?? null,
    makeUpFor: info.makeUpFor ?? null,
    items: items?.map((i) => ({
      key: i.key,
      state: i.state,
      due: hhmm(i.dueAt, site.timeZone)!,
      at: hhmm(i.recordedAt, site.timeZone),
      note: (DAY_STEPS as readonly string[]).includes(i.key) ? (stepRows.get(i.key as DayStep)?.note ?? null) : null,
      ok: i.key === "LUNCH_CHECK" ? (stepRows.get("LUNCH_CHECK")?.ok ?? null) : null,
      restaffingNote: i.key === "LUNCH_CHECK" ? (stepRows.get("LUNCH_CHECK")?.restaffingNote ?? null) : null,
      patrol: i.key === "PATROL_1" ? records.facts.patrols[1] : i.key === "PATROL_2" ? records.facts.patrols[2] : undefined,
    })),
    opinions: records.opinions,
    damages: (records.day?.damages ?? []).map((d) => d.workOrder),
    day: records.day
      ? {
          id: records.day.id,
          reportSentAt: records.day.reportSentAt ? formatInZone(records.day.reportSentAt, site.timeZone) : null,
          reportSentBy: nameOf(records.day.reportSentById),
          report: records.day.report as DailyReport | null,
          reportReadAt: records.day.reportReadAt ? formatInZone(records.day.reportReadAt, site.timeZone) : null,
          reportReadBy: nameOf(records.day.reportReadById),
        }
      : null,
  };
}

/** What the opinion → complaint and damage forms offer: the site's tenants (names only, §1.9), departments and patrol areas. */
export async function dayFormOptions(siteId: string) {
  const actor = await requirePermission("cleaning:read");
  if (!actor.siteIds.includes(siteId)) return { tenants: [], departments: [], areas: [] };
  const [tenants, departments, areas] = await Promise.all([
    db.tenant.findMany({ where: { siteId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
    db.department.findMany({ where: { siteId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.area.findMany({
      where: { siteId, active: true, type: { not: "COMMERCIAL_OUTLET" } },
      select: { id: true, name: true, building: true, floor: true },
      orderBy: [{ building: "asc" }, { floor: "asc" }, { name: "asc" }],
    }),
  ]);
  return { tenants, departments, areas: areas.map((a) => ({ id: a.id, name: `${a.building}${a.floor} ${a.name}` })) };
}
