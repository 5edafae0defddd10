import { z } from "zod";
import { isValidLocalDate, PROVISIONAL_MAX_YEAR, STATUTORY_RULES_SINCE } from "@/lib/calendar";
import { id, optionalTrimmed } from "@/lib/validation";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";

const localDay = () => z.string().trim().refine(isValidLocalDate, { message: "validation.date" });

export const SetOverrideSchema = z.strictObject({
  siteId: id(),
  date: localDay(),
  kind: z.enum(CalendarDayKind),
  note: optionalTrimmed(100),
  /** The version of the day's override the form knew (none: the form saw no override for that day). */
  version: z.number().int().min(0).optional(),
});

export const DeleteOverrideSchema = z.strictObject({ id: id() });

const namedDay = z.strictObject({ date: localDay(), name: optionalTrimmed(50) });

/**
 * A year's official table (国务院办公厅关于 YYYY 年部分节假日安排的通知): holiday dates and make-up
 * working days. Dates belong to that year (a 元旦 block may start in the previous December). Years
 * run from the current text of the law (2025) to the end of the provisional computation, because
 * the server checks every table against the statutory holidays it computes (R-CAL-1).
 * Each date appears once in the whole table: a repeat is flagged on its own line.
 */
export const OfficialYearSchema = z
  .strictObject({
    year: z.coerce.number().int().min(STATUTORY_RULES_SINCE).max(PROVISIONAL_MAX_YEAR),
    reference: optionalTrimmed(100),
    holidays: z.array(namedDay).min(1).max(60),
    workdays: z.array(namedDay).max(20),
  })
  .superRefine((v, ctx) => {
    const inYear = (d: string) => d.startsWith(`${v.year}-`) || d.startsWith(`${v.year - 1}-12-`);
    const listedIn = new Map<string, "holidays" | "workdays">();
    for (const list of ["holidays", "workdays"] as const) {
      v[list].forEach(({ date }, i) => {
        const path = [list, i, "date"];
        if (!inYear(date)) ctx.addIssue({ code: "custom", message: "calendar.errors.outsideYear", path });
        const earlier = listedIn.get(date);
        if (earlier === list) ctx.addIssue({ code: "custom", message: "calendar.errors.duplicateDate", path });
        else if (earlier) ctx.addIssue({ code: "custom", message: "calendar.errors.bothKinds", path });
        else listedIn.set(date, list);
      });
    }
  });

export type OfficialYearInput = z.output<typeof OfficialYearSchema>;

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
