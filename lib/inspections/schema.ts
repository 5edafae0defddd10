import { z } from "zod";
import { id, optionalTrimmed } from "@/lib/validation";
import { requestIdField } from "@/lib/request-id-schema";
import { madeAtField } from "@/lib/offline/rules";
import { CheckResult } from "@/lib/generated/prisma/enums";

export const CHECK_RESULTS = Object.values(CheckResult);
export const MAX_PHOTOS = 6;

/** "YYYY-MM-DD#1", "YYYY-MM-DD#2" (public areas, R-INS-1) or "YYYY-MM" (commercial outlets, R-INS-2). */
const PERIOD_KEY = /^\d{4}-\d{2}(-\d{2}#[12])?$/;
/** The same key in a URL path: '#' would start a fragment, so the slot follows a '-' ("2026-11-27-1"). */
const PERIOD_SLUG = /^(\d{4}-\d{2}-\d{2})-([12])$|^(\d{4}-\d{2})$/;

export function periodSlug(periodKey: string): string {
  return periodKey.replace("#", "-");
}

/** The period key named by a URL segment, or null for anything else. */
export function periodKeyFromSlug(slug: string): string | null {
  const m = PERIOD_SLUG.exec(slug);
  if (!m) return null;
  return m[3] ?? `${m[1]}#${m[2]}`;
}

/** One checklist item's answer (R-INS-3): a failure needs a note saying what is wrong. */
export const CheckResultSchema = z
  .strictObject({
    itemId: id(),
    result: z.enum(CheckResult),
    note: optionalTrimmed(500),
    photoFileIds: z.array(id()).max(MAX_PHOTOS).default([]),
  })
  .refine((r) => r.result === "PASS" || !!r.note, { message: "inspections.errors.noteRequired", path: ["note"] });

/**
 * One check of one area in one slot. Who and where are not in the input: the server records the
 * signed-in supervisor, and the time (R-INS-3) is its clock's, or a round made offline's own time within
 * the bounds of lib/offline/rules.ts. `requestId` is generated once by the form (replay-safe).
 */
export const SubmitInspectionSchema = z.strictObject({
  requestId: requestIdField(),
  areaId: id(),
  periodKey: z.string().trim().regex(PERIOD_KEY, { message: "inspections.errors.noSuchWindow" }),
  templateId: id(),
  results: z.array(CheckResultSchema).min(1).max(200),
  /** Set only by the phone's offline queue: when the round was actually made (lib/offline/rules.ts). */
  madeAt: madeAtField(),
});

export type SubmitInspectionInput = z.input<typeof SubmitInspectionSchema>;
