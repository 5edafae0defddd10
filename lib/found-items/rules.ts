/**
 * Found items 客用品 (§7.8, R-LOST-1): pure rules of the register. No I/O; dates are the site's local
 * dates 'YYYY-MM-DD' (R-CAL-2), and the keeping period counts calendar days (R-CAL-3).
 */
import { addDays, diffDays, isValidLocalDate, type LocalDate } from "@/lib/calendar/local-date";
import type { FoundItemState } from "@/lib/generated/prisma/enums";

/** The keeping period of a site without its own setting. */
export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 365;

/**
 * R-LOST-1: an item found on `foundOn` is kept through the end of local day foundOn + N (R-CAL-3, "within
 * N days"); the period is fixed when the item is registered, so a later change of the site's setting
 * does not shorten what the owner was told on the label.
 */
export function keepUntilOf(foundOn: LocalDate, retentionDays: number): LocalDate {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS)
    throw new RangeError(`retention days out of range: ${retentionDays}`);
  return addDays(foundOn, retentionDays);
}

/** The first local day on which an unclaimed item may be disposed of. */
export function disposableFrom(keepUntil: LocalDate): LocalDate {
  return addDays(keepUntil, 1);
}

/** Due for disposal: still waiting for its owner and kept past its period (the list's flag). */
export function isDueForDisposal(item: { state: FoundItemState; keepUntil: LocalDate }, today: LocalDate): boolean {
  return item.state === "REGISTERED" && today > item.keepUntil;
}

/** R-LOST-1: disposing of an item before its keeping period is over is refused; null = allowed. */
export function disposalProblem(keepUntil: LocalDate, today: LocalDate): "tooEarly" | null {
  return today > keepUntil ? null : "tooEarly";
}

/** An item cannot have been found in the future, nor be registered a year late. */
export function foundOnProblem(foundOn: string, today: LocalDate): "invalid" | "future" | "tooOld" | null {
  if (!isValidLocalDate(foundOn)) return "invalid";
  if (foundOn > today) return "future";
  if (foundOn < addDays(today, -MAX_RETENTION_DAYS)) return "tooOld";
  return null;
}

/** The register's only transitions: a registered item is claimed or disposed of, once. */
const NEXT: Record<FoundItemState, readonly FoundItemState[]> = {
  REGISTERED: ["CLAIMED", "DISPOSED"],
  CLAIMED: [],
  DISPOSED: [],
};

export function canMove(from: FoundItemState, to: FoundItemState): boolean {
  return NEXT[from].includes(to);
}

/** Days left in the keeping period (0 on its last day, negative once past). */
export function daysLeft(keepUntil: LocalDate, today: LocalDate): number {
  return diffDays(today, keepUntil);
}

/**
 * R-LOST-1 reminder: who hears that items are due for disposal at a site — its active managers (who
 * decide) and supervisors (who may dispose with a witness, found:dispose).
 */
export function disposalReminderRecipients(members: readonly { userId: string; role: string; disabled: boolean }[]): string[] {
  return members.filter((m) => !m.disabled && (m.role === "MANAGER" || m.role === "SUPERVISOR")).map((m) => m.userId);
}
