import { isValidLocalDate, type LocalDate } from "@/lib/calendar/local-date";

export const PAGE_SIZE = 20;

export interface PageRequest {
  page: number;
  skip: number;
  take: number;
}

/** Reads `?page=` defensively (any garbage means page 1). */
export function pageRequest(raw: string | string[] | undefined, size = PAGE_SIZE): PageRequest {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  const page = Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
  return { page, skip: (page - 1) * size, take: size };
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  /** The count stopped at `total` (see countLimit): there are more rows, shown as "1000+". */
  capped?: boolean;
}

export function paged<T>(rows: T[], total: number, req: PageRequest, capped = false): Paged<T> {
  return { rows, total, page: req.page, pageCount: Math.max(1, Math.ceil(total / req.take)), capped };
}

/** Large lists count at most this many rows past the current page: an exact count of a million rows costs a scan. */
export const COUNT_CAP = 1000;

/**
 * How many rows a capped count reads: up to COUNT_CAP past the page's first row, plus one to know it was cut.
 * Prisma writes `count({ where, take })` as `… ORDER BY id LIMIT n`: when the filter is served by another
 * index than the primary key, every matching row is read and sorted before the limit (a front desk's
 * goods passes on the scale data: 4 000 rows fetched and sorted, 195 ms from a cold cache). A capped
 * count is therefore ordered BY_SITE: every list is filtered by the user's sites and each of their tables
 * has an index that leads with siteId, so the count is an index-only scan of the user's sites that stops
 * at the limit (0.3–0.9 ms for one site or fifty; the list's own order read the heap, 3.5 ms for fifty).
 * capped-counts.test.ts holds every capped count in lib/ to it. Counts in SQL (the complaint search, the
 * bell) leave the order out.
 */
export function countLimit(req: PageRequest): number {
  return req.skip + COUNT_CAP + 1;
}

/** The order of a capped count (countLimit): the user's sites, through the table's site-leading index. */
export const BY_SITE = { siteId: "asc" } as const;

/** A list from a capped count (`count` read at most countLimit(req) rows). */
export function pagedCapped<T>(rows: T[], count: number, req: PageRequest): Paged<T> {
  const capped = count >= countLimit(req);
  return paged(rows, capped ? count - 1 : count, req, capped);
}

// ---------------------------------------------------------------------------------------------
// Exports: every row of a list, read in keyset batches while the file is written

/**
 * Rows per query of an export: a batch is a megabyte or two in memory, and few enough queries that the
 * work each repeats is small beside the rows. (The deadline export repeated its classification of every
 * open deadline per batch, 50–90 ms each on fifty sites; it now reads its ordered keys once and looks the
 * names up by id per batch: rowsOfKeys.)
 */
export const EXPORT_BATCH_ROWS = 2_000;

export interface KeysetOptions {
  /** Rows per query (EXPORT_BATCH_ROWS). */
  batchSize?: number;
  /** Stop after this many rows in all (the export's limit). */
  maxRows: number;
}

/**
 * The rows of a list in its order, read lazily in keyset batches: `readBatch(after, take)` returns the
 * next `take` rows of the list strictly after the row `after` (null: from the start), in the list's
 * order, which must be total (end it with a unique column). Nothing is read until the first row is
 * asked for, the next batch only when the previous one is used up, and nothing more once the consumer
 * stops. Each batch is its own statement: a row that moves in the order while the file is written
 * (its deadline changed) can be missed or appear twice, as on a list paged by hand.
 */
export async function* keysetRows<Row>(
  readBatch: (after: Row | null, take: number) => Promise<Row[]>,
  { batchSize = EXPORT_BATCH_ROWS, maxRows }: KeysetOptions,
): AsyncGenerator<Row, void, undefined> {
  let after: Row | null = null;
  let left = maxRows;
  while (left > 0) {
    const take = Math.min(batchSize, left);
    const batch = await readBatch(after, take);
    yield* batch;
    left -= batch.length;
    if (batch.length < take) return;
    after = batch[batch.length - 1];
  }
}

/**
 * The rows of keys read up front, in the keys' order: `readBatch(keys)` returns the rows of `batchSize`
 * keys at a time, in their order (a key whose row is gone may be left out). For a list whose order costs
 * more than its rows (the deadline export classifies every open deadline of the sites): one query reads
 * the ordered keys of the whole file, and the batches only look rows up by key. Lazy as keysetRows: a
 * batch is read only when the previous one is used up, and nothing more once the consumer stops.
 */
export async function* rowsOfKeys<Key, Row>(
  keys: readonly Key[],
  readBatch: (keys: Key[]) => Promise<Row[]>,
  batchSize = EXPORT_BATCH_ROWS,
): AsyncGenerator<Row, void, undefined> {
  for (let start = 0; start < keys.length; start += batchSize) yield* await readBatch(keys.slice(start, start + batchSize));
}

/** A single search-param value, trimmed and bounded; anything else is undefined. */
export function param(raw: string | string[] | undefined, max = 100): string | undefined {
  const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return v ? v.slice(0, max) : undefined;
}

// ---------------------------------------------------------------------------------------------
// GET filters of list pages and exports: read defensively, anything unknown or malformed is simply
// no filter. One set of parsers for every page and route handler.

/** A page's or route's raw GET params (`searchParams`, or `Object.fromEntries(url.searchParams)`). */
export type RawParams = Record<string, string | string[] | undefined>;

/** One of `values` (an enum's values, a list of states …), else undefined. */
export function oneOf<T extends string>(values: readonly T[], raw: string | string[] | undefined): T | undefined {
  const v = param(raw, 50);
  return v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A valid local date 'YYYY-MM-DD', else undefined. */
export function dateParam(raw: string | string[] | undefined): LocalDate | undefined {
  const v = param(raw, 10);
  return v && isValidLocalDate(v) ? v : undefined;
}

/** A month 'YYYY-MM', else undefined. */
export function monthParam(raw: string | string[] | undefined): string | undefined {
  const v = param(raw, 7);
  return v && isValidLocalDate(`${v}-01`) && v.length === 7 ? v : undefined;
}

export { filterQuery } from "./query-string";
