import { z } from "zod";
import { hhmm, id, optionalTrimmed, trimmed, version } from "@/lib/validation";

/** An IANA zone this runtime knows (deadlines are computed in it, R-CAL-2). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the site form, China first; a site keeps any other valid zone it already has. */
export const COMMON_TIME_ZONES = [
  "Asia/Shanghai",
  "Asia/Urumqi",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/London",
  "America/New_York",
] as const;

const siteFields = {
  name: trimmed(100),
  address: optionalTrimmed(200),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, { message: "sites.errors.timeZone" }),
  slot1Start: hhmm(),
  slot1End: hhmm(),
  slot2Start: hhmm(),
  slot2End: hhmm(),
  inspectOnWeekends: z.boolean(),
};

// R-INS-1: two slots a day, each ending after it starts, the second after the first.
const slotsInOrder = (v: { slot1Start: string; slot1End: string; slot2Start: string; slot2End: string }) =>
  v.slot1Start < v.slot1End && v.slot1End <= v.slot2Start && v.slot2Start < v.slot2End;
const slotRule = { message: "sites.errors.slotOrder", path: ["slot2Start"] };

export const CreateSiteSchema = z
  .strictObject({
    code: trimmed(16)
      .toUpperCase()
      .regex(/^[A-Z0-9]+$/, { message: "sites.errors.code" }),
    ...siteFields,
  })
  .refine(slotsInOrder, slotRule);
export const UpdateSiteSchema = z.strictObject({ id: id(), version: version(), ...siteFields }).refine(slotsInOrder, slotRule);
