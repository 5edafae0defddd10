import { dateColumn } from "@/lib/calendar/date-column";
import type { Prisma } from "@/lib/generated/prisma/client";

// Apart from queries.ts: the reminder run imports this, and it must not carry the register's form messages.
/**
 * R-LOST-1 in SQL: items still registered and kept past their period at their own site's today (one OR
 * branch per site) — the list's "DUE" filter, the managers' card and the disposal reminder.
 */
export function dueForDisposalWhere(todayOf: ReadonlyMap<string, string>): Prisma.FoundItemWhereInput {
  return {
    OR: [...todayOf].map(([siteId, today]) => ({ siteId, state: "REGISTERED" as const, keepUntil: { lt: dateColumn(today) } })),
  };
}
