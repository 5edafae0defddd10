// Relative imports: the seed (run by tsx outside Next) uses this file too.
import type { Prisma } from "./generated/prisma/client";
import type { DailyNumberScope } from "./generated/prisma/enums";

/**
 * Per-site daily numbers (complaints R-CMP-1, work orders R-INS-5, goods passes R-GP-3, found items R-LOST-1, payment
 * notices of special services R-SVC-2 "JF-HQ-20261127-001"), e.g.
 * HQ-20261127-003: the site's code, the site's local date and a sequence that starts at 1 each day.
 * The sequence comes from one DailyCounter row per site, scope and day, incremented by the transaction
 * that writes the record: the row stays locked until that transaction ends, so concurrent creates on
 * one site and day queue there and get consecutive numbers; a transaction that rolls back (refused
 * input, a lost replay race) takes its increment back, so the day's numbers have no gaps.
 */

const PREFIX: Record<DailyNumberScope, string> = {
  COMPLAINT: "",
  WORK_ORDER: "WO-",
  GOODS_PASS: "",
  FOUND_ITEM: "FI-",
  PAYMENT_NOTICE: "JF-",
};

/** The number as printed: scope prefix, site code, local date without dashes, three-digit sequence. */
export function formatDailyNumber(scope: DailyNumberScope, siteCode: string, localDate: string, sequence: number): string {
  return `${PREFIX[scope]}${siteCode}-${localDate.replaceAll("-", "")}-${String(sequence).padStart(3, "0")}`;
}

/** What a typed number can be the start of: site codes are A–Z and 0–9 (site.schema.ts), then digits and dashes. */
const NUMBER_CHARS = /^[A-Za-z0-9-]+$/;

/**
 * A search term as a filter on a `number` column, matching the numbers it is the start of (in any
 * case), or null when the term cannot start a number (a tenant's name, Chinese text). Written as a
 * range as well as a prefix test: the range walks the unique index on `number` under any collation
 * (LIKE 'X%' can use a btree only under the C collation), the prefix test keeps the match exact.
 */
export function numberPrefixFilter(q: string): Prisma.StringFilter | null {
  const term = q.trim();
  if (!NUMBER_CHARS.test(term)) return null;
  const prefix = term.toUpperCase();
  return { gte: prefix, lt: `${prefix}\u{10FFFF}`, startsWith: prefix };
}

/**
 * Draws the next number of `localDate` (YYYY-MM-DD, the site's time zone) inside `tx`. Call it as late
 * in the transaction as possible: from here on, other creates of the same site and day wait for `tx`.
 */
export async function nextDailyNumber(
  tx: Prisma.TransactionClient,
  scope: DailyNumberScope,
  site: { id: string; code: string },
  localDate: string,
): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DailyCounter" ("siteId", "scope", "day", "last")
    VALUES (${site.id}, ${scope}::"DailyNumberScope", ${localDate}::date, 1)
    ON CONFLICT ("siteId", "scope", "day") DO UPDATE SET "last" = "DailyCounter"."last" + 1
    RETURNING "last"`;
  return formatDailyNumber(scope, site.code, localDate, Number(rows[0].last));
}

/**
 * Brings the counters up to the highest number already written (records inserted in bulk, e.g. by
 * the seed, do not go through nextDailyNumber). The migration that introduced the counters ran the
 * same statement once.
 */
export async function syncDailyCounters(client: Pick<Prisma.TransactionClient, "$executeRaw">): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "DailyCounter" ("siteId", "scope", "day", "last")
    SELECT "siteId", "scope"::"DailyNumberScope", to_date(m[1], 'YYYYMMDD'), max(m[2]::int)
    FROM (
      SELECT "siteId", 'COMPLAINT' AS "scope", regexp_match("number", '-(\\d{8})-(\\d+)$') AS m FROM "Complaint"
      UNION ALL
      SELECT "siteId", 'WORK_ORDER', regexp_match("number", '-(\\d{8})-(\\d+)$') FROM "WorkOrder"
      UNION ALL
      SELECT "siteId", 'GOODS_PASS', regexp_match("number", '-(\\d{8})-(\\d+)$') FROM "GoodsPass" WHERE "number" IS NOT NULL
      UNION ALL
      SELECT "siteId", 'PAYMENT_NOTICE', regexp_match("noticeNumber", '-(\\d{8})-(\\d+)$') FROM "SpecialServiceOrder" WHERE "noticeNumber" IS NOT NULL
    ) numbered
    WHERE m IS NOT NULL
    GROUP BY "siteId", "scope", m[1]
    ON CONFLICT ("siteId", "scope", "day") DO UPDATE SET "last" = GREATEST("DailyCounter"."last", EXCLUDED."last")`;
}
