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
