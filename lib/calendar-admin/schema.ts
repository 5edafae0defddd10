import { z } from "zod";
import { isValidLocalDate } from "@/lib/calendar";
import { id, optionalTrimmed } from "@/lib/validation";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";

const localDay = () => z.string().trim().refine(isValidLocalDate, { message: "validation.date" });

export const SetOverrideSchema = z.strictObject({
  siteId: id(),
  date: localDay(),
  kind: z.enum(CalendarDayKind),
  note: optionalTrimmed(100),
});

export const DeleteOverrideSchema = z.strictObject({ id: id() });

const namedDay = z.strictObject({ date: localDay(), name: optionalTrimmed(50) });

/**
 * A year's official table (国务院办公厅关于 YYYY 年部分节假日安排的通知): holiday dates and make-up
 * working days. Dates belong to that year (a 元旦 block may start in the previous December).
 */
export const OfficialYearSchema = z
  .strictObject({
    year: z.coerce.number().int().min(2000).max(2100),
    reference: optionalTrimmed(100),
    holidays: z.array(namedDay).min(1).max(60),
    workdays: z.array(namedDay).max(20),
  })
  .superRefine((v, ctx) => {
    const inYear = (d: string) => d.startsWith(`${v.year}-`) || d.startsWith(`${v.year - 1}-12-`);
    v.holidays.forEach((h, i) => {
      if (!inYear(h.date)) ctx.addIssue({ code: "custom", message: "calendar.errors.outsideYear", path: ["holidays", i, "date"] });
    });
    v.workdays.forEach((w, i) => {
      if (!inYear(w.date)) ctx.addIssue({ code: "custom", message: "calendar.errors.outsideYear", path: ["workdays", i, "date"] });
    });
    const holidaySet = new Set(v.holidays.map((h) => h.date));
    if (holidaySet.size !== v.holidays.length)
      ctx.addIssue({ code: "custom", message: "calendar.errors.duplicateDate", path: ["holidays"] });
    if (v.workdays.some((w) => holidaySet.has(w.date)))
      ctx.addIssue({ code: "custom", message: "calendar.errors.bothKinds", path: ["workdays"] });
  });

/** "2027-01-01 元旦" per line → rows; the page's textarea format. Bad lines are kept for zod to flag. */
export function parseDayLines(text: string): { date: string; name: string | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date, ...rest] = line.split(/\s+/);
      return { date, name: rest.join(" ") || null };
    });
}
