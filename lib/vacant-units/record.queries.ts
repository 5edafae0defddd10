import "server-only";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { formatInZone, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { cellState, currentMonth, isDue, isValidMonth, lastDayOf } from "./rules";
import { CHECK_ITEMS, CLEANING_SIDE } from "./schema";

/** Staff names by id, in one query. */
async function namesOf(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : [];
  const map = new Map(users.map((u) => [u.id, u.name]));
  return (id: string | null) => (id ? (map.get(id) ?? null) : null);
}

/** Active cleaners of one site, for the record form (callers have checked the site). */
async function activeCleaners(siteId: string) {
  return db.cleaner.findMany({
    where: { siteId, active: true, ...CLEANING_SIDE },
    select: { id: true, name: true, company: true },
    orderBy: { name: "asc" },
  });
}

/**
 * What the new-record form needs for one unit and month (R-VAC-1): the unit if it is on the month's
 * schedule, its site's cleaners, and today at the site; `existingId` when the month is recorded already.
 */
export async function recordFormData(unitId: string, month: string | undefined) {
  const actor = await requirePermission("vacant:record");
  const unit = await db.unit.findFirst({
    where: { id: unitId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      code: true,
      building: true,
      floor: true,
      status: true,
      createdAt: true,
      cleanerId: true,
      site: { select: { name: true, timeZone: true } },
      statusChanges: { select: { status: true, changedAt: true } },
    },
  });
  if (!unit) return null;
  const now = new Date();
  const thisMonth = currentMonth(now, unit.site.timeZone);
  const m = isValidMonth(month) && month <= thisMonth ? month : thisMonth;
  const [existing, cleaners] = await Promise.all([
    db.vacantCleaningRecord.findUnique({ where: { unitId_month: { unitId: unit.id, month: m } }, select: { id: true } }),
    activeCleaners(unit.siteId),
  ]);
  const today = localDateInZone(now, unit.site.timeZone);
  return {
    unit: { id: unit.id, siteId: unit.siteId, code: unit.code, building: unit.building, floor: unit.floor, status: unit.status },
    site: unit.site,
    month: m,
    due: isDue(unit, unit.statusChanges, m, unit.site.timeZone, now),
    existingId: existing?.id ?? null,
    cleaners,
    defaultCleanerId: cleaners.some((c) => c.id === unit.cleanerId) ? unit.cleanerId : null,
    // R-VAC-1: anyone else is a substitute and needs a reason.
    assignedCleanerId: unit.cleanerId,
    // A past month is recorded late with a date inside it; default to its last day.
    defaultDate: m === thisMonth ? today : lastDayOf(m),
  };
}

/** One cleaning record with its checks and who did what; null for another site's. */
export async function getCleaningRecord(id: string) {
  const actor = await requirePermission("vacant:read");
  const record = await db.vacantCleaningRecord.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      month: true,
      state: true,
      cleanedOn: true,
      cleanerId: true,
      substituteReason: true,
      createdById: true,
      createdAt: true,
      updatedAt: true,
      verifiedById: true,
      verifiedAt: true,
      sentBackById: true,
      sentBackAt: true,
      sentBackReason: true,
      site: { select: { name: true, timeZone: true } },
      unit: { select: { id: true, code: true, building: true, floor: true, cleanerId: true, cleaner: { select: { name: true } } } },
      cleaner: { select: { name: true, company: true } },
      checks: { select: { item: true, result: true, note: true, photoFileIds: true } },
    },
  });
  if (!record) return null;
  const [nameOf, cleaners] = await Promise.all([
    namesOf([record.createdById, record.verifiedById, record.sentBackById]),
    record.state === "SENT_BACK" ? activeCleaners(record.siteId) : Promise.resolve([]),
  ]);
  const tz = record.site.timeZone;
  const at = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  return {
    ...record,
    cleanedOn: localDateOfColumn(record.cleanedOn),
    checks: CHECK_ITEMS.map((item) => record.checks.find((c) => c.item === item)).filter((c) => !!c),
    cellState: cellState(record, record.month, tz, new Date()),
    enteredBy: nameOf(record.createdById),
    verifiedBy: nameOf(record.verifiedById),
    sentBackBy: nameOf(record.sentBackById),
    local: { updatedAt: at(record.updatedAt), verifiedAt: at(record.verifiedAt), sentBackAt: at(record.sentBackAt) },
    isOwn: record.createdById === actor.id,
    cleaners,
    today: localDateInZone(new Date(), tz),
  };
}

/** The cleaners of the user's sites (vacant:manage), with how many vacant units each looks after. */
export async function listCleaners(siteIds: string[]) {
  const actor = await requirePermission("vacant:manage");
  return db.cleaner.findMany({
    where: { siteId: { in: siteIds.filter((s) => actor.siteIds.includes(s)) }, ...CLEANING_SIDE },
    select: {
      id: true,
      version: true,
      siteId: true,
      name: true,
      company: true,
      phone: true,
      active: true,
      site: { select: { name: true } },
      _count: { select: { units: { where: { status: "VACANT" } } } },
    },
    orderBy: [{ siteId: "asc" }, { active: "desc" }, { name: "asc" }],
  });
}

/** The vacant units of the user's sites with their dedicated cleaner, for assignment (R-VAC-1). */
export async function vacantUnitsForAssignment(siteIds: string[]) {
  const actor = await requirePermission("vacant:manage");
  return db.unit.findMany({
    where: { siteId: { in: siteIds.filter((s) => actor.siteIds.includes(s)) }, status: "VACANT" },
    select: { id: true, siteId: true, code: true, building: true, floor: true, cleanerId: true },
    orderBy: [{ building: "asc" }, { code: "asc" }],
  });
}

/** The printable 《空置单元清洁记录表》 of one site and month: every due unit, recorded or not. */
export async function printableMonth(siteId: string | undefined, month: string | undefined) {
  const actor = await requirePermission("vacant:read");
  if (!siteId || !actor.siteIds.includes(siteId)) throw new AccessError("not_found");
  const site = await db.site.findUniqueOrThrow({ where: { id: siteId }, select: { id: true, name: true, timeZone: true } });
  const now = new Date();
  const thisMonth = currentMonth(now, site.timeZone);
  const m = isValidMonth(month) && month <= thisMonth ? month : thisMonth;
  const [units, records] = await Promise.all([
    db.unit.findMany({
      where: { siteId },
      select: {
        id: true,
        code: true,
        building: true,
        floor: true,
        status: true,
        createdAt: true,
        statusChanges: { select: { status: true, changedAt: true } },
      },
      orderBy: [{ building: "asc" }, { code: "asc" }],
    }),
    db.vacantCleaningRecord.findMany({
      where: { siteId, month: m },
      select: {
        unitId: true,
        state: true,
        cleanedOn: true,
        verifiedById: true,
        verifiedAt: true,
        substituteReason: true,
        cleaner: { select: { name: true } },
        checks: { select: { item: true, result: true, note: true } },
      },
    }),
  ]);
  const nameOf = await namesOf(records.map((r) => r.verifiedById));
  const recordOf = new Map(records.map((r) => [r.unitId, r]));
  const rows = units
    .filter((u) => isDue(u, u.statusChanges, m, site.timeZone, now))
    .map((u) => {
      const r = recordOf.get(u.id);
      return {
        id: u.id,
        code: u.code,
        building: u.building,
        floor: u.floor,
        state: cellState(r ?? null, m, site.timeZone, now),
        record: r
          ? {
              cleanedOn: localDateOfColumn(r.cleanedOn),
              cleaner: r.cleaner.name,
              substituteReason: r.substituteReason,
              checks: CHECK_ITEMS.map((item) => r.checks.find((c) => c.item === item) ?? null),
              verifiedBy: r.state === "VERIFIED" ? nameOf(r.verifiedById) : null,
              verifiedOn: r.verifiedAt ? localDateInZone(r.verifiedAt, site.timeZone) : null,
            }
          : null,
      };
    });
  return { site, month: m, rows };
}
