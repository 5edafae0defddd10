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
}

export function paged<T>(rows: T[], total: number, req: PageRequest): Paged<T> {
  return { rows, total, page: req.page, pageCount: Math.max(1, Math.ceil(total / req.take)) };
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

/** A filter as a query string again (pagination, export links): '?a=1&b=2', or '' when empty. */
export function filterQuery(filter: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) sp.set(key, value);
  const query = sp.toString();
  return query ? `?${query}` : "";
}
