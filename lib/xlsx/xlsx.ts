import "server-only";
import { once, type EventEmitter } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * Exports as .xlsx through exceljs (decision 006), streamed (writeXlsx): the workbook is written into a
 * stream row by row while the rows are read, so a 10 000-row export never holds the whole sheet in
 * memory. Each sheet has a bold header row that stays frozen, column widths and per-column number
 * formats. Server-only: the library never reaches a browser bundle.
 *
 * What a user typed is always written as text: a string cell is a string even when it reads "=1+1" or
 * "@SUM(A1)", so nothing typed into a form runs as a formula. Numbers are numbers, and dates are real
 * Excel dates.
 */

/**
 * A cell: text, a number, a yes/no, empty, a local wall-clock date-time 'YYYY-MM-DD HH:mm' or a local
 * date 'YYYY-MM-DD' (already in the site's zone: Excel dates have no zone, so the file shows exactly that).
 */
export type XlsxCell = string | number | boolean | null | undefined | { localDateTime: string } | { localDate: string };

export interface XlsxColumn {
  header: string;
  /** Width in characters (Excel's unit); CJK text needs about two per character. */
  width?: number;
  /** Excel number format of the column's numbers, e.g. "0.0" (dates get theirs from the cell). */
  numFmt?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  /** The rows in order: an array, or an async iterable that reads them in batches while the sheet is written. */
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
export const DATE_FORMAT = "yyyy-mm-dd";
const DEFAULT_WIDTH = 12;
/** Excel's cell limit; longer text is cut rather than producing a file Excel refuses. */
const MAX_CELL_CHARS = 32_767;

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").slice(0, MAX_CELL_CHARS);
}

/** 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD' → the epoch milliseconds whose UTC fields are that wall-clock time. */
function wallClockMs(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new RangeError(`wallClockDate: expected 'YYYY-MM-DD[ HH:mm]', got ${JSON.stringify(local)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

/**
 * 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD' → a Date whose UTC fields are that wall-clock time. Excel serials
 * count days without a zone and exceljs converts with UTC, so the file shows exactly the given time.
 */
export function wallClockDate(local: string): Date {
  return new Date(wallClockMs(local));
}

/**
 * The Excel serial of a wall-clock time (days since 1899-12-30): what exceljs writes for a Date
 * (utils.dateToExcel, the same arithmetic), computed without a Date per cell. A cell holding it with a
 * date format is a date cell in the file, byte for byte what a Date value gives, and reads back as one.
 */
function excelSerial(local: string): number {
  return 25569 + wallClockMs(local) / (24 * 3600 * 1000);
}

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
function sheetName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31);
  return clean || "Sheet1";
}

/** Sheet names must be unique in a workbook (case-insensitive): a repeated one gets " (2)", " (3)"… */
export function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = sheetName(raw);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The cell's value and, for dates, its number format. A string is only ever a string value. */
function cellValue(cell: XlsxCell): { value: string | number | boolean | null; numFmt?: string } {
  if (cell === null || cell === undefined || cell === "") return { value: null };
  if (typeof cell === "number") return { value: Number.isFinite(cell) ? cell : null };
  if (typeof cell === "boolean") return { value: cell };
  if (typeof cell === "string") return { value: cleanText(cell) };
  if ("localDateTime" in cell) return { value: excelSerial(cell.localDateTime), numFmt: DATE_TIME_FORMAT };
  return { value: excelSerial(cell.localDate), numFmt: DATE_FORMAT };
}

/**
 * One style object per kind of cell (its value's type and number format), shared by every cell of that
 * kind. exceljs recognises a style object it has seen (a WeakMap) and otherwise renders each cell's style
 * to XML to look it up: with a fresh object per cell (what getCell gives) that was about half of the
 * writer's CPU. The objects are never changed once made.
 */
function sharedStyles() {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return (type: string, numFmt: string | undefined): Partial<ExcelJS.Style> => {
    const key = `${type} ${numFmt ?? ""}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = numFmt ? { numFmt } : {}));
    return style;
  };
}

/** The rows of `rows` turned into cells, one at a time (for rows read in batches). */
export async function* mapRows<T>(rows: Iterable<T> | AsyncIterable<T>, cells: (row: T) => XlsxCell[]): AsyncGenerator<XlsxCell[]> {
  for await (const row of rows) yield cells(row);
}

/** The consumer stopped reading (the download was cancelled): the rows' source is not read further. */
export class XlsxCancelled extends Error {
  constructor() {
    super("xlsx: the output stream closed before the workbook was written");
  }
}

type Worksheet = ExcelJS.stream.xlsx.WorkbookWriter["worksheets"][number];

/**
 * The zip writer's input buffers of a sheet. exceljs hands the sheet's XML on without waiting (its
 * stream-buf.js ignores write()'s answer), and archiver holds an entry in a PassThrough until it gets to
 * compress it: left alone, the whole uncompressed sheet (~0.7 KB a row) piles up there while the rows are
 * read. That PassThrough is the sheet stream's pipe destination (exceljs 4.4 / archiver 5 internals; the
 * unit test "reads the source only as fast as the download takes the bytes" fails if they change).
 */
function zipInputs(worksheet: Worksheet): EventEmitter[] {
  return (worksheet as unknown as { stream?: { pipes?: EventEmitter[] } }).stream?.pipes ?? [];
}

/** A writable stream (Node's, or readable-stream's as archiver uses) that asked its writer to wait for 'drain'. */
function needsDrain(stream: EventEmitter): boolean {
  const s = stream as { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };
  return s.writableNeedDrain ?? s._writableState?.needDrain ?? false;
}

/** The download is gone, or `out` or the zip writer asked to wait: the next row must wait for caughtUp. */
function mustWait(out: Writable, worksheet: Worksheet): boolean {
  return out.destroyed || needsDrain(out) || zipInputs(worksheet).some(needsDrain);
}

/**
 * Resolves once the zip writer has taken the sheet's XML so far and `out` takes more (the download keeps
 * up); rejects with XlsxCancelled when `out` closed instead (a cancelled download). Called only when
 * mustWait says so: most rows go on at once, without a promise each.
 */
async function caughtUp(out: Writable, worksheet: Worksheet): Promise<void> {
  for (;;) {
    if (out.destroyed) throw new XlsxCancelled();
    const full = [out, ...zipInputs(worksheet)].find(needsDrain);
    if (!full) return;
    const ac = new AbortController();
    try {
      // A cancelled download destroys `out` (with an AbortError): that ends the wait too.
      await Promise.race([once(full, "drain", { signal: ac.signal }), once(out, "close", { signal: ac.signal })]);
    } catch (err) {
      if (!out.destroyed) throw err;
    } finally {
      ac.abort();
    }
  }
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, sheet: XlsxSheet, out: Writable) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  // Column widths go out with the sheet's first row: set them before any row is committed.
  sheet.columns.forEach((column, i) => {
    worksheet.getColumn(i + 1).width = column.width ?? DEFAULT_WIDTH;
  });
  const header = worksheet.getRow(1);
  sheet.columns.forEach((column, i) => {
    header.getCell(i + 1).value = cleanText(column.header);
  });
  header.font = { bold: true };
  header.commit();
  const styleOf = sharedStyles();
  const rowStyle = styleOf("row", undefined);
  let r = 2;
  for await (const cells of sheet.rows) {
    const row = worksheet.getRow(r++);
    // The row's own style object too (exceljs 4.4 keeps one per row; its typings leave it out).
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle;
    cells.forEach((cell, c) => {
      const { value, numFmt } = cellValue(cell);
      if (value === null) return;
      const target = row.getCell(c + 1);
      // Set as a plain value: exceljs makes a formula only from a { formula } object, never from text.
      target.value = value;
      target.style = styleOf(typeof value, numFmt ?? (typeof value === "number" ? sheet.columns[c]?.numFmt : undefined));
    });
    // Written out now and forgotten; the next row is read only once the zip and the client keep up.
    row.commit();
    if (mustWait(out, worksheet)) await caughtUp(out, worksheet);
  }
  worksheet.commit();
}

/**
 * Writes a workbook of the sheets, in the given order, into `out` and ends it. Rows are committed as they
 * come (inline strings, no shared-strings table to keep), each sheet when its rows are done. The next row
 * is read only when the zip writer has compressed the XML so far and `out` is not full, so an export holds
 * about one batch of rows and ~100 KB of XML whatever its length or the download's speed. Rejects with
 * XlsxCancelled when `out` is destroyed before the end (the rows' iterator is closed then).
 */
export async function writeXlsx(sheets: XlsxSheet[], out: Writable): Promise<void> {
  if (sheets.length === 0) throw new RangeError("writeXlsx: at least one sheet");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  for (const [i, sheet] of sheets.entries()) await writeSheet(workbook, names[i], sheet, out);
  await workbook.commit();
}

/**
 * `attachment` with an ASCII fallback name and the exact name in RFC 5987 / RFC 6266 form
 * (filename*=UTF-8''…), so Chinese names survive in every current browser.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
