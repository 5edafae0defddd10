/**
 * A minimal .xlsx writer (one sheet, or several with buildXlsxWorkbook) (ECMA-376 SpreadsheetML): a ZIP of six small XML parts, strings
 * inline (no shared-string table), a bold header row that stays frozen, and real Excel date-times.
 * Written here instead of pulling in a spreadsheet library: exports are small and write-only, and
 * this is all it takes (node:zlib does the compression).
 */
import { writeZip } from "./zip";

/**
 * A cell: text, a number, a yes/no, empty, or a local wall-clock date-time 'YYYY-MM-DD HH:mm'
 * (already in the site's zone: Excel date-times have no zone, so the file shows exactly that).
 */
export type XlsxCell = string | number | boolean | null | undefined | { localDateTime: string };

export interface XlsxColumn {
  header: string;
  /** Width in characters (Excel's unit); CJK text needs about two per character. */
  width?: number;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's cell limit; longer text is cut rather than producing a file Excel refuses. */
const MAX_CELL_CHARS = 32_767;

/** Style indexes of styles.xml's cellXfs. */
const STYLE_HEADER = 1;
const STYLE_DATE_TIME = 2;

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 'YYYY-MM-DD HH:mm' → Excel serial date-time (days since 1899-12-30, the 1900 date system). */
export function excelSerial(localDateTime: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(localDateTime);
  if (!m) throw new RangeError(`excelSerial: expected 'YYYY-MM-DD HH:mm', got ${JSON.stringify(localDateTime)}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return utc / 86_400_000 + 25_569;
}

function cellXml(ref: string, cell: XlsxCell, style?: number): string {
  const s = style ? ` s="${style}"` : "";
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : "";
  if (typeof cell === "boolean") return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === "object") return `<c r="${ref}" s="${STYLE_DATE_TIME}"><v>${excelSerial(cell.localDateTime)}</v></c>`;
  const text = escapeXml(cell.slice(0, MAX_CELL_CHARS));
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

function rowXml(index: number, cells: XlsxCell[], style?: number): string {
  const r = index + 1;
  return `<row r="${r}">${cells.map((cell, c) => cellXml(`${columnName(c)}${r}`, cell, style)).join("")}</row>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const cols = sheet.columns.map((col, i) => `<col min="${i + 1}" max="${i + 1}" width="${col.width ?? 12}" customWidth="1"/>`).join("");
  const rows = [
    rowXml(
      0,
      sheet.columns.map((c) => c.header),
      STYLE_HEADER,
    ),
    ...sheet.rows.map((cells, i) => rowXml(i + 1, cells)),
  ];
  const lastRef = `${columnName(Math.max(0, sheet.columns.length - 1))}${sheet.rows.length + 1}`;
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${lastRef}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    "</worksheet>"
  );
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    "</Types>"
  );
}

const ROOT_RELS_XML =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  "</Relationships>";

/** Sheets are rId1…rIdN, the styles part comes after them. */
function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    sheets +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    "</Relationships>"
  );
}

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, " ")
    .trim()
    .slice(0, 31);
  return clean || "Sheet1";
}

/** Sheet names must be unique in a workbook (case-insensitive): a repeated one gets " (2)", " (3)"… */
function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = sheetName(raw);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function workbookXml(names: string[]): string {
  const sheets = uniqueSheetNames(names)
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

export function buildXlsx(sheet: XlsxSheet): Buffer {
  return buildXlsxWorkbook([sheet]);
}

/** A workbook of several sheets, in the given order (e.g. an archive's meetings, attendance and action items). */
export function buildXlsxWorkbook(sheets: XlsxSheet[]): Buffer {
  if (sheets.length === 0) throw new RangeError("buildXlsxWorkbook: at least one sheet");
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, "utf8") });
  return writeZip([
    part("[Content_Types].xml", contentTypesXml(sheets.length)),
    part("_rels/.rels", ROOT_RELS_XML),
    part("xl/workbook.xml", workbookXml(sheets.map((s) => s.name))),
    part("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length)),
    part("xl/styles.xml", STYLES_XML),
    ...sheets.map((sheet, i) => part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet))),
  ]);
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
