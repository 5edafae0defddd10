import "server-only";
import { dateColumn, localDateOfColumn } from "@/lib/calendar";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { claimVersion } from "@/lib/versioning";
import { db } from "@/lib/db";
import { checkOfficialYear } from "./official-year";
import { DeleteOverrideSchema, OfficialYearSchema, SetOverrideSchema } from "./schema";

/**
 * R-CAL-1: a manager adds or overrides a day for one site. Setting the same day twice is an update,
 * so a replayed request changes nothing twice. Deadlines already fixed on records stay as they are.
 * Changing a day's existing override needs the version the form knew: made on an older version (or on
 * none, when someone set that day meanwhile) it is refused as stale, unless it asks for what is there.
 */
export const setCalendarOverride = defineMutation({
  name: "setCalendarOverrideAction",
  schema: SetOverrideSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    return db.$transaction(async (tx) => {
      const before = await tx.calendarOverride.findUnique({
        where: { siteId_date: { siteId: input.siteId, date: dateColumn(input.date) } },
        select: { id: true, kind: true, note: true, version: true },
      });
      const note = input.note ?? null;
      // A replay (or a colleague's identical entry) asks for what is there: nothing to write.
      if (before && before.kind === input.kind && before.note === note) return { id: before.id, version: before.version };
      if (!before && input.version !== undefined) throw new DomainError("not_found", "errors.not_found");
      const version = before
        ? await claimVersion(tx, {
            model: "calendarOverride",
            entity: "CalendarOverride",
            id: before.id,
            // No version: the form did not know the day was set (a version it can never have).
            version: input.version ?? -1,
            labels: "calendar",
          })
        : 0;
      const after = await tx.calendarOverride.upsert({
        where: { siteId_date: { siteId: input.siteId, date: dateColumn(input.date) } },
        create: { siteId: input.siteId, date: dateColumn(input.date), kind: input.kind, note: input.note ?? null, createdById: actor.id },
        update: { kind: input.kind, note: input.note ?? null },
        select: { id: true, kind: true, note: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: input.siteId,
        entity: "CalendarOverride",
        entityId: after.id,
        action: before ? "UPDATE" : "CREATE",
        before: before ? { date: input.date, kind: before.kind, note: before.note, version: before.version } : null,
        after: { date: input.date, kind: after.kind, note: after.note, version },
      });
      return { id: after.id, version };
    });
  },
});

export const deleteCalendarOverride = defineMutation({
  name: "deleteCalendarOverrideAction",
  schema: DeleteOverrideSchema,
  successKey: "calendar.deleted",
  async run(actor: Actor, input) {
    const row = await db.calendarOverride.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, date: true, kind: true, note: true },
    });
    if (!row) throw new DomainError("not_found", "errors.not_found");
    return db.$transaction(async (tx) => {
      await tx.calendarOverride.delete({ where: { id: row.id } });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: row.siteId,
        entity: "CalendarOverride",
        entityId: row.id,
        action: "DELETE",
        before: { date: localDateOfColumn(row.date), kind: row.kind, note: row.note },
      });
      return { id: row.id };
    });
  },
});

/**
 * Enter (or replace) a year's official table; from then on that year is no longer provisional. The
 * table replaces every other source for the whole year and every site, so it must list each
 * statutory holiday (checkOfficialYear) — a partial paste would otherwise make festivals working days.
 */
export const saveOfficialYear = defineMutation({
  name: "saveOfficialYearAction",
  schema: OfficialYearSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    await checkOfficialYear(input);
    const days = [
      ...input.holidays.map((d) => ({ year: input.year, date: dateColumn(d.date), kind: "HOLIDAY" as const, name: d.name ?? null })),
      ...input.workdays.map((d) => ({ year: input.year, date: dateColumn(d.date), kind: "WORKDAY" as const, name: d.name ?? null })),
    ];
    return db.$transaction(async (tx) => {
      const before = await tx.officialCalendarYear.findUnique({
        where: { year: input.year },
        select: { reference: true, days: { select: { date: true, kind: true } } },
      });
      await tx.officialCalendarDay.deleteMany({ where: { year: input.year } });
      await tx.officialCalendarYear.upsert({
        where: { year: input.year },
        create: { year: input.year, reference: input.reference ?? null, enteredById: actor.id },
        update: { reference: input.reference ?? null, enteredById: actor.id },
      });
      await tx.officialCalendarDay.createMany({ data: days });
      const summary = (list: { date: Date | string; kind: string }[]) =>
        list.map((d) => `${typeof d.date === "string" ? d.date : localDateOfColumn(d.date)} ${d.kind}`).sort();
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: null,
        entity: "OfficialCalendarYear",
        entityId: String(input.year),
        action: before ? "UPDATE" : "CREATE",
        before: before ? { reference: before.reference, days: summary(before.days) } : null,
        after: { reference: input.reference ?? null, days: summary(days.map((d) => ({ date: d.date, kind: d.kind }))) },
      });
      return { year: input.year };
    });
  },
});
